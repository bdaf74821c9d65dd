import { audit, code, hits } from './helpers/audit';

const RULE = 'shared-tmp-path';

describe('shared-tmp-path', () => {
  it.each([
    ["const dir = '/tmp/nl_query_learning/';", '1:13'],
    ['const dir = "/var/tmp/cache";', '1:13'],
    ["fs.rmSync('/tmp', { recursive: true });", '1:11'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
    ['const logs = `/tmp/logs/${NAME}`;\nconst NAME = "app";', '1:14'],
    [
      "import * as os from 'node:os';\nimport * as path from 'node:path';\nconst dir = path.join(os.tmpdir(), 'my-app');",
      '3:13',
    ],
    ["import { tmpdir } from 'os';\nimport { join } from 'path';\nconst dir = join(tmpdir(), 'a', 'b');", '3:13'],
    ["import os from 'os';\nimport path from 'path';\nconst dir = path.resolve(os.tmpdir(), 'x');", '3:13'],
    [
      "const os = require('os');\nconst path = require('path');\nconst TMP = os.tmpdir();\nconst d = path.join(TMP, 'x');",
      '4:11',
    ],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
    ["import * as os from 'os';\nconst dir = `${os.tmpdir()}/shared-name`;", '2:13'],
    ["import * as os from 'os';\nconst dir = os.tmpdir() + '/shared-name';", '2:13'],
    [
      "import * as os from 'os';\nit('x', () => { fs.writeFileSync(path.join(os.tmpdir(), 'out.json'), '{}'); });",
      '2:34',
    ],
  ])('flags %j', (source, at) => {
    expect(hits(source, RULE)).toEqual([at]);
  });

  it.each([
    ["import * as os from 'os';\nconst dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prefix-'));"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
    ["import * as os from 'os';\nconst dir = await fs.promises.mkdtemp(`${os.tmpdir()}/prefix-`);"],
    ["import { mkdtempSync } from 'fs';\nconst dir = mkdtempSync('/tmp/prefix-');"],
    ["import * as os from 'os';\nconst dir = os.tmpdir();"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
    ["import * as os from 'os';\nconst dir = path.join(os.tmpdir(), `run-${process.pid}-${Date.now()}`);"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
    ["import * as os from 'os';\nconst dir = `${os.tmpdir()}/run-${id}`;"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
    ["import * as os from 'os';\nconst dir = `${os.tmpdir()}/`;"],
    ["const dir = '/tmp-like/not-tmp';"],
    ["const dir = 'tmp/relative';"],
    ["const dir = '/tmp/x-' + process.pid;"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
    ['const dir = `/tmp/x-${process.pid}`;'],
    ["expect(settings.learningDir).toBe('/tmp/nl_query_learning/');"],
    ["expect(read()).toEqual({ dir: '/tmp/logs' });"],
    ["it.each([['/tmp/a', 'a']])('parses %s', (input) => {});"],
    ["it('keeps /tmp/a out of the title', () => {});"],
    ["const map = { '/tmp/key': 1 };"],
    ["// '/tmp/comment' is not code\nconst x = 1;"],
    ['function join(a: string, b: string) { return a + b; }\nconst dir = join(tmpdir(), "x");'],
  ])('does not flag %j', (source) => {
    expect(hits(source, RULE)).toEqual([]);
  });

  it('flags a literal inside expect(() => ...): the function runs the code that uses it', () => {
    expect(hits("expect(() => writeLog('/tmp/app.log')).not.toThrow();", RULE)).toEqual(['1:23']);
  });

  it('names the path in the message and suggests tmpDir()', () => {
    const [finding] = audit(code("const dir = '/tmp/test_logs';")).findings;

    expect(finding).toMatchObject({
      rule: RULE,
      file: 'src/example.test.ts',
      line: 1,
      column: 13,
      message:
        "'/tmp/test_logs' is one fixed folder for every test, worker and run: parallel tests see each other's files",
    });
    expect(finding?.fix).toContain("tmpDir() from '@jest-perf/parallel/tmpDir'");
  });
});
