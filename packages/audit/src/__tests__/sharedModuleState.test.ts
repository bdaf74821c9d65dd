import { audit, code, hits } from './helpers/audit';

const RULE = 'shared-module-state';

describe('shared-module-state', () => {
  it.each([
    ["let count = 0;\nit('a', () => { count++; });", ['2:17']],
    ["let user;\nit('a', () => { user = createUser(); });", ['2:17']],
    ["const calls: string[] = [];\nit('a', () => { calls.push('a'); });", ['2:17']],
    ["const cache = new Map();\ndescribe('d', () => {\n  it('a', () => { cache.set('k', 1); });\n});", ['3:19']],
    ["const state = { ready: false };\nit('a', () => { state.ready = true; });", ['2:17']],
    ["const state = { n: 0 };\nit('a', () => { state.n += 1; delete state.x; });", ['2:17', '2:31']],
    ["var seen = new Set();\ntest.each([1, 2])('n %i', (n) => { seen.add(n); });", ['2:36']],
    ["let engine;\ndescribe('d', () => {\n  engine = createEngine();\n});", ['3:3']],
    ["const config = {};\nit('a', () => { Object.assign(config, { a: 1 }); });", ['2:17']],
    ["let n = 0;\nit('a', () => { [1, 2].forEach(() => { n--; }); });", ['2:40']],
    // A reset in a beforeAll runs once per file, not per test.
    ["let count = 0;\nbeforeAll(() => { count = 0; });\nit('a', () => { count++; });", ['3:17']],
  ])('flags %j', (source, at) => {
    expect(hits(source, RULE)).toEqual(at);
  });

  it.each([
    ["let count = 0;\nbeforeEach(() => { count = 0; });\nit('a', () => { count++; });"],
    ["const calls: string[] = [];\nafterEach(() => { calls.length = 0; });\nit('a', () => { calls.push('a'); });"],
    ["const cache = new Map();\nafterEach(() => cache.clear());\nit('a', () => { cache.set('k', 1); });"],
    [
      "let server;\nbeforeAll(async () => { server = await start(); });\nafterAll(() => server.close());\nit('a', () => { server.get('/'); });",
    ],
    ["it('a', () => { let count = 0; count++; const list = []; list.push(1); });"],
    ["let count = 0;\nit('a', () => { const count = 1; expect(count).toBe(1); });"],
    ["let count = 0;\nit('a', (count) => { count++; });"],
    ["const LIMIT = 5;\nconst table = buildTable();\nit('a', () => { table.push(1); });"],
    ["const rows = [1, 2];\nit('a', () => { expect(rows.map((r) => r * 2)).toEqual([2, 4]); });"],
    ['let count = 0;\nfunction bump() { count++; }\nexport const x = 1;'],
    ['let count = 0;\ncount++;'],
    ["/** @tags serial */\nlet count = 0;\nit('a', () => { count++; });"],
    ["let count = 0;\ndescribe('ordered steps @serial', () => {\n  it('a', () => { count++; });\n});"],
    ["let count = 0;\nit('a @serial', () => { count++; });"],
  ])('does not flag %j', (source) => {
    expect(hits(source, RULE)).toEqual([]);
  });

  it('names the binding and how it changes', () => {
    const findings = audit(code("const calls: string[] = [];\nit('a', () => { calls.push('a'); });")).findings;

    expect(findings.map((finding) => finding.message)).toEqual([
      "module-level `calls` is changed by .push() inside a test and never reset in beforeEach/afterEach: the tests of this file depend on the order they run in ('jest --randomize' changes it)",
    ]);
    expect(findings[0]?.fix).toContain('@tags serial');
  });
});
