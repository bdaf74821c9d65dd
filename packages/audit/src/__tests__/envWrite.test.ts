import { audit, code, hits } from './helpers/audit';

const RULE = 'env-write-without-restore';

describe('env-write-without-restore', () => {
  it.each([
    ["it('x', () => { process.env.API_URL = 'http://x'; });", ['1:17']],
    ["it('x', () => { process.env['API_URL'] = 'x'; });", ['1:17']],
    ["it('x', () => { process.env[KEY] = 'x'; });", ['1:17']],
    ["it('x', () => { delete process.env.HOME; });", ['1:17']],
    ["it('x', () => { process.env.N ??= '1'; process.env.M += 'x'; });", ['1:17', '1:40']],
    ["describe('d', () => {\n  beforeEach(() => { Object.assign(process.env, { A: '1', B: '2' }); });\n});", ['2:22']],
    ["it('x', () => { process.env = { ...process.env, A: '1' }; });", ['1:17']],
    ["describe('d', () => {\n  beforeAll(() => { globalThis.process.env.MODE = 'test'; });\n});", ['2:21']],
    // Put back in another test only: the tests in between, or all of them under --randomize, see it.
    ["it('a', () => { process.env.A = '1'; });\nit('b', () => { delete process.env.A; });", ['1:17', '2:17']],
    // Restoring another key does not restore this one.
    ["afterEach(() => { delete process.env.B; });\nit('x', () => { process.env.A = '1'; });", ['2:17']],
    // A restore of one key in a finally block covers that key only.
    ["it('x', () => {\n  process.env.A = '1';\n  try { run(); } finally { delete process.env.B; }\n});", ['2:3']],
    // A write in a helper function still changes the env of the tests that call it.
    ["function useProd() { process.env.NODE_ENV = 'production'; }", ['1:22']],
  ])('flags %j', (source, at) => {
    expect(hits(source, RULE)).toEqual(at);
  });

  it.each([
    ["afterEach(() => { delete process.env.A; });\nit('x', () => { process.env.A = '1'; });"],
    ["afterAll(() => { process.env.A = saved; });\nbeforeAll(() => { process.env.A = '1'; });"],
    [
      "const saved = { ...process.env };\nafterEach(() => { process.env = { ...saved }; });\nit('x', () => { process.env.A = '1'; delete process.env.B; });",
    ],
    ["afterEach(() => { Object.assign(process.env, saved); });\nit('x', () => { process.env.A = '1'; });"],
    [
      "afterEach(() => { for (const key of KEYS) process.env[key] = saved[key]; });\nit('x', () => { process.env.A = '1'; });",
    ],
    ["it('x', () => { jest.replaceProperty(process.env, 'A', '1'); });"],
    [
      "beforeEach(() => { jest.replaceProperty(process, 'env', { ...process.env }); });\nit('x', () => { process.env.A = '1'; });",
    ],
    ["beforeEach(() => jest.replaceProperty(process.env, 'A', 'x'));\nit('x', () => { process.env.A = '1'; });"],
    [
      "it('x', () => {\n  const saved = process.env.A;\n  process.env.A = '1';\n  try { run(); } finally { process.env.A = saved; }\n});",
    ],
    ["it('x', () => {\n  try { process.env[K] = '1'; run(); } finally { delete process.env[K]; }\n});"],
    [
      "describe('d', () => {\n  afterEach(() => { delete process.env.A; });\n  it('x', () => { process.env.A = '1'; });\n});",
    ],
    // At the top of the file: applies to the whole file (Jest gives each test file its own process.env).
    ["process.env.TZ = 'UTC';"],
    ["describe('in UTC', () => {\n  process.env.TZ = 'UTC';\n  it('x', () => {});\n});"],
    ["it('x', () => { const value = process.env.A; expect(value).toBeUndefined(); });"],
    ["it('x', () => { env.A = '1'; delete options.env.B; });"],
    // A root-level beforeEach/beforeAll runs before every test of the file: no test sees another's state.
    ["beforeEach(() => { Object.assign(process.env, { A: '1', B: '2' }); });\nit('x', () => {});"],
    ["beforeAll(() => { globalThis.process.env.MODE = 'test'; });"],
    // Cleanup: a reset before each test, or a restore in a function that an after hook runs.
    ["describe('d', () => {\n  beforeEach(() => { delete process.env.CI; });\n});"],
    [
      "function restoreEnv() { delete process.env.A; }\nafterEach(restoreEnv);\nit('x', () => { process.env.A = '1'; });",
    ],
    [
      "const reset = () => { process.env.A = saved; };\nafterEach(() => { reset(); });\nit('x', () => { process.env.A = '1'; });",
    ],
    // Saved and put back around the code under test, in the same test.
    [
      "it('x', () => {\n  const saved = process.env.A;\n  process.env.A = '1';\n  run();\n  process.env.A = saved;\n});",
    ],
    ["it('x', async () => {\n  process.env.DEBUG = '1';\n  await run();\n  delete process.env.DEBUG;\n});"],
  ])('does not flag %j', (source) => {
    expect(hits(source, RULE)).toEqual([]);
  });

  it("leaves Jest's globalSetup and globalTeardown alone: setting env there is how values reach the workers", () => {
    const source = "export default async () => { process.env.OLLAMA_HOST = 'http://x'; };";

    expect(hits(source, RULE, 'tests/globalSetup.ts')).toEqual([]);
    expect(hits(source, RULE, 'tests/global-teardown.js')).toEqual([]);
    expect(hits(source, RULE, 'tests/globalSetupHelpers.test.ts')).toEqual(['1:30']);
  });

  it('counts a restore in an afterEach of an imported helper (useSandbox())', () => {
    const test = "import { useSandbox } from './helpers';\nuseSandbox();\nit('x', () => { process.env.A = '1'; });";
    const helper = 'export function useSandbox() { afterEach(() => { delete process.env.A; }); }';

    expect(hits(test, RULE, undefined, [helper])).toEqual([]);
    expect(hits(test, RULE, undefined, ['export const x = 1;'])).toEqual(['3:17']);
  });

  it('names the variable and suggests jest.replaceProperty', () => {
    const [finding] = audit(code("it('x', () => { process.env.API_URL = 'x'; });")).findings;

    expect(finding?.message).toBe(
      'process.env.API_URL is changed here and never put back: the later tests of this file see it (so they depend ' +
        "on the order tests run in, which 'jest --randomize' changes), and so do the child processes they start; " +
        'other test files do not (Jest gives each file its own process.env)',
    );
    expect(finding?.fix).toContain("jest.replaceProperty(process.env, 'NAME', 'value')");
  });
});
