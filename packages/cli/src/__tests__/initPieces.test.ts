import * as path from 'node:path';
import { editGitignore, gitignoreLines } from '../init/gitignoreLines';
import { formatJson, jsonStyleOf } from '../init/jsonText';
import { addPerfScripts, PERF_SCRIPTS } from '../init/perfScripts';

const root = path.resolve('/p');

describe('gitignoreLines', () => {
  it('ignores the data folder and keeps the baseline with the default paths', () => {
    expect(gitignoreLines(root, '/p/.jest-perf', '/p/.jest-perf/baseline.json')).toEqual([
      '.jest-perf/*',
      '!.jest-perf/baseline.json',
    ]);
  });

  it('re-includes each folder on the way to a nested baseline', () => {
    expect(gitignoreLines(root, '/p/perf', '/p/perf/ci/baseline.json')).toEqual([
      'perf/*',
      '!perf/ci/',
      'perf/ci/*',
      '!perf/ci/baseline.json',
    ]);
  });

  it('ignores the whole folder when the baseline lives elsewhere', () => {
    expect(gitignoreLines(root, '/p/.jest-perf', '/p/perf-baseline.json')).toEqual(['.jest-perf/']);
  });
});

describe('editGitignore', () => {
  const wanted = ['.jest-perf/*', '!.jest-perf/baseline.json'];

  it('creates the file when there is none', () => {
    expect(editGitignore(null, wanted)).toEqual({
      kind: 'edited',
      text: '# jest-perf: run data stays local; the baseline is committed\n.jest-perf/*\n!.jest-perf/baseline.json\n',
      replaced: [],
    });
  });

  it('appends after a blank line, adding a missing final newline first', () => {
    const edit = editGitignore('node_modules/', wanted);
    expect(edit.kind === 'edited' && edit.text).toBe(
      'node_modules/\n\n# jest-perf: run data stays local; the baseline is committed\n.jest-perf/*\n!.jest-perf/baseline.json\n',
    );
  });

  it('adds only the missing line', () => {
    const edit = editGitignore('.jest-perf/*\n', wanted);
    expect(edit.kind === 'edited' && edit.text).toBe(
      '.jest-perf/*\n\n# jest-perf: run data stays local; the baseline is committed\n!.jest-perf/baseline.json\n',
    );
  });

  it('replaces a line that ignores the whole folder (git could never see the baseline)', () => {
    const edit = editGitignore('dist/\n.jest-perf/\n', wanted);
    expect(edit).toEqual({
      kind: 'edited',
      text: 'dist/\n\n# jest-perf: run data stays local; the baseline is committed\n.jest-perf/*\n!.jest-perf/baseline.json\n',
      replaced: ['.jest-perf/'],
    });
  });

  it('changes nothing when every line is there', () => {
    expect(editGitignore('a\n.jest-perf/*\n!.jest-perf/baseline.json\n', wanted)).toEqual({ kind: 'wired' });
  });
});

describe('addPerfScripts', () => {
  it('adds every perf:* script to a package without scripts', () => {
    expect(addPerfScripts(undefined)).toEqual({ scripts: PERF_SCRIPTS, added: Object.keys(PERF_SCRIPTS), kept: [] });
  });

  it('never overwrites a script the user has under the same name, and says so', () => {
    const result = addPerfScripts({ test: 'jest', 'perf:check': 'my-own-check', 'perf:report': 'jest-perf report' });
    expect(result.scripts['perf:check']).toBe('my-own-check');
    expect(result.added).toEqual(['perf:track', 'perf:baseline']);
    expect(result.kept).toEqual([{ name: 'perf:check', theirs: 'my-own-check', ours: 'jest-perf check' }]);
  });

  it('needs no POSIX shell: `JEST_PERF=1 jest` fails in Windows cmd, where npm runs scripts', () => {
    for (const command of Object.values(PERF_SCRIPTS)) expect(command).not.toMatch(/^\w+=/);
    expect(PERF_SCRIPTS['perf:track']).toBe('jest-perf track');
  });
});

describe('JSON layout', () => {
  it('writes an object back with the indent, line ends and final newline it had', () => {
    const text = '{\r\n    "a": 1\r\n}';
    expect(formatJson({ a: 1, b: [2] }, jsonStyleOf(text))).toBe(
      '{\r\n    "a": 1,\r\n    "b": [\r\n        2\r\n    ]\r\n}',
    );
    expect(formatJson({ a: 1 }, jsonStyleOf('{\n\t"a": 0\n}\n'))).toBe('{\n\t"a": 1\n}\n');
  });
});
