import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyTag, tagLine } from '../categorize/applySlowTag';

describe('tagLine', () => {
  it.each([
    ["  it('loads data', async () => {", 'loads data', "  it('loads data @slow', async () => {"],
    ['  test("loads data", () => {', 'loads data', '  test("loads data @slow", () => {'],
    ['  it(`loads data`, () => {', 'loads data', '  it(`loads data @slow`, () => {'],
    ["  it.only( 'loads data', fn);", 'loads data', "  it.only( 'loads data @slow', fn);"],
    ["it('costs (a lot) [really]?', fn)", 'costs (a lot) [really]?', "it('costs (a lot) [really]? @slow', fn)"],
    ["it('loads @db', fn)", 'loads @db', "it('loads @db @slow', fn)"],
    ["describe('x', () => it('y', fn));", 'y', "describe('x', () => it('y @slow', fn));"],
  ])('tags %s', (line, title, expected) => {
    expect(tagLine(line, title, 'slow')).toBe(expected);
  });

  it.each([
    ['a title that is a variable', 'it(title, () => {', 'loads data'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
    ['a template literal with a placeholder', 'it(`loads ${kind}`, () => {', 'loads ${kind}'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
    ['an interpolated title (recorded after evaluation)', 'it(`loads ${kind} data`, () => {', 'loads csv data'],
    ['a line with the title twice', "it('a', fn); it('a', fn);", 'a'],
    ['a line without the test', "const title = 'loads data';", 'loads data'],
    ['a describe with the title', "describe('loads data', () => {", 'loads data'],
    ['an escaped quote in the source', "it('it\\'s slow', fn)", "it's slow"],
    ['a different quote closing', 'it(\'loads data", fn)', 'loads data'],
  ])('leaves %s alone', (_, line, title) => {
    expect(tagLine(line, title, 'slow')).toBeNull();
  });
});

describe('applyTag', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-cli-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const SOURCE = [
    "describe('first', () => {",
    "  it('loads', () => {});",
    '});',
    "describe('second', () => {",
    "  it('loads', () => {});",
    '  it(name, () => {});',
    '});',
    '',
  ].join('\n');

  it('edits only the recorded line and reports what it skipped and why', () => {
    fs.mkdirSync(path.join(root, 'src'));
    const file = path.join(root, 'src/x.test.ts');
    fs.writeFileSync(file, SOURCE);

    const edits = applyTag(root, [
      { file: 'src/x.test.ts', line: 5, title: 'loads' },
      { file: 'src/x.test.ts', line: 6, title: 'computed' },
      { file: 'src/x.test.ts', line: undefined, title: 'somewhere' },
      { file: 'src/x.test.ts', line: 99, title: 'past the end' },
      { file: 'src/gone.test.ts', line: 1, title: 'deleted' },
    ]);

    expect(edits).toEqual([
      {
        kind: 'tagged',
        file: 'src/x.test.ts',
        line: 5,
        before: "it('loads', () => {});",
        after: "it('loads @slow', () => {});",
      },
      {
        kind: 'skipped',
        file: 'src/x.test.ts',
        line: 6,
        title: 'computed',
        reason: 'title is not a plain literal on its line',
      },
      {
        kind: 'skipped',
        file: 'src/x.test.ts',
        line: null,
        title: 'somewhere',
        reason: 'no line recorded, and no line holds the title as a plain literal',
      },
      {
        kind: 'skipped',
        file: 'src/x.test.ts',
        line: 99,
        title: 'past the end',
        reason: 'title is not a plain literal on its line',
      },
      { kind: 'skipped', file: 'src/gone.test.ts', line: 1, title: 'deleted', reason: 'file not found' },
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      SOURCE.replace("  it('loads', () => {});\n  it(name", "  it('loads @slow', () => {});\n  it(name"),
    );
  });

  it('finds the line by its title when none was recorded, and only when exactly one line holds it', () => {
    const file = path.join(root, 'src/found.test.ts');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "it('unique', fn);\nit('twice', fn);\nit('twice', fn);\n");

    const edits = applyTag(root, [
      { file: 'src/found.test.ts', line: undefined, title: 'unique' },
      { file: 'src/found.test.ts', line: undefined, title: 'twice' },
    ]);

    expect(edits).toEqual([
      {
        kind: 'tagged',
        file: 'src/found.test.ts',
        line: 1,
        before: "it('unique', fn);",
        after: "it('unique @slow', fn);",
      },
      {
        kind: 'skipped',
        file: 'src/found.test.ts',
        line: null,
        title: 'twice',
        reason: 'no line recorded, and 2 lines hold the title: tag it by hand',
      },
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe("it('unique @slow', fn);\nit('twice', fn);\nit('twice', fn);\n");
  });

  it('does not touch a file where nothing could be tagged', () => {
    const file = path.join(root, 'y.test.ts');
    fs.writeFileSync(file, SOURCE);
    const before = fs.statSync(file).mtimeMs;

    const edits = applyTag(root, [{ file: 'y.test.ts', line: 6, title: 'computed' }]);

    expect(edits.map((e) => e.kind)).toEqual(['skipped']);
    expect(fs.readFileSync(file, 'utf8')).toBe(SOURCE);
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  it('keeps Windows line endings', () => {
    const file = path.join(root, 'crlf.test.ts');
    fs.writeFileSync(file, "it('a', fn);\r\nit('b', fn);\r\n");

    applyTag(root, [{ file: 'crlf.test.ts', line: 2, title: 'b' }]);

    expect(fs.readFileSync(file, 'utf8')).toBe("it('a', fn);\r\nit('b @slow', fn);\r\n");
  });
});
