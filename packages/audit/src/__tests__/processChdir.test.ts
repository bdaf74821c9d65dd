import { audit, code, hits } from './helpers/audit';

const RULE = 'process-chdir';

describe('process-chdir', () => {
  it.each([
    ["it('x', () => { process.chdir(dir); });", ['1:17']],
    ["beforeAll(() => process.chdir(fixtures));\nit('y', () => { process.chdir('..'); });", ['1:17', '2:17']],
    ['process.chdir(__dirname);', ['1:1']],
    ["it('x', () => {\n  process.chdir(dir);\n  try { run(); } finally { cleanup(); }\n});", ['2:3']],
  ])('flags %j', (source, at) => {
    expect(hits(source, RULE)).toEqual(at);
  });

  it.each([
    ["const start = process.cwd();\nafterEach(() => process.chdir(start));\nit('x', () => { process.chdir(dir); });"],
    ['afterAll(() => { process.chdir(start); });\nbeforeAll(() => { process.chdir(dir); });'],
    [
      "it('x', () => {\n  const start = process.cwd();\n  process.chdir(dir);\n  try { run(); } finally { process.chdir(start); }\n});",
    ],
    ["it('x', () => {\n  try { process.chdir(dir); run(); } finally { process.chdir(start); }\n});"],
    ["it('x', () => { const cwd = process.cwd(); run({ cwd: dir }); });"],
    ["it('x', () => { jest.spyOn(process, 'cwd').mockReturnValue(dir); });"],
    ["it('x', () => { shell.chdir(dir); });"],
  ])('does not flag %j', (source) => {
    expect(hits(source, RULE)).toEqual([]);
  });

  it('counts a change back in an afterEach of an imported helper', () => {
    const test = "import { inFolder } from './helpers';\nit('x', () => { process.chdir(dir); });";
    const helper = 'export function inFolder() { const start = process.cwd(); afterEach(() => process.chdir(start)); }';

    expect(hits(test, RULE, undefined, [helper])).toEqual([]);
  });

  it('explains that the whole worker process moves', () => {
    const [finding] = audit(code("it('x', () => { process.chdir(dir); });")).findings;

    expect(finding?.message).toContain('whole worker process');
    expect(finding?.fix).toContain("jest.spyOn(process, 'cwd')");
  });
});
