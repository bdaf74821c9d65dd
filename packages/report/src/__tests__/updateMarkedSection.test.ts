import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JestPerfError } from '@jest-perf/core';
import { replaceMarkedSection, SECTION_END, SECTION_START, updateMarkedSection } from '../updateMarkedSection';

const block = (content: string) => `${SECTION_START}\n${content}\n${SECTION_END}`;

function errorOf(fn: () => unknown): JestPerfError {
  try {
    fn();
  } catch (error) {
    return error as JestPerfError;
  }
  throw new Error('expected an error');
}

describe('replaceMarkedSection', () => {
  it('replaces only the text between the markers', () => {
    const doc = `# Title\n\n${block('old')}\n\nAfter.\n`;

    expect(replaceMarkedSection(doc, 'new\n\n')).toBe(`# Title\n\n${block('new')}\n\nAfter.\n`);
  });

  it('is idempotent', () => {
    const once = replaceMarkedSection('# Title\n', 'report');

    expect(replaceMarkedSection(once, 'report')).toBe(once);
  });

  it.each([
    ['an empty document', '', `${block('r')}\n`],
    ['a document ending in a blank line', 'text\n\n', `text\n\n${block('r')}\n`],
    ['a document ending in a newline', 'text\n', `text\n\n${block('r')}\n`],
    ['a document without a final newline', 'text', `text\n\n${block('r')}\n`],
  ])('appends the section to %s', (_, doc, expected) => {
    expect(replaceMarkedSection(doc, 'r')).toBe(expected);
  });

  it.each([
    ['only a start marker', `${SECTION_START}\nx\n`],
    ['only an end marker', `x\n${SECTION_END}\n`],
    ['the end before the start', `${SECTION_END}\nx\n${SECTION_START}\n`],
  ])('refuses %s', (_, doc) => {
    const error = errorOf(() => replaceMarkedSection(doc, 'r'));

    expect(error.code).toBe('JEST_PERF_USAGE');
    expect(error.message).toContain('the jest-perf report markers are unbalanced');
    expect(error.fix).toBe(`keep exactly one "${SECTION_START}" followed by one "${SECTION_END}"`);
  });
});

describe('updateMarkedSection', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stays idempotent when the content holds a marker (a test title with the end marker in it)', () => {
    const file = path.join(dir, 'PERF.md');
    const content = `| slowest | \`renders ${SECTION_END} and ${SECTION_START}\` |`;
    fs.writeFileSync(file, '# Perf\n');

    updateMarkedSection(file, content);
    const once = fs.readFileSync(file, 'utf8');
    expect(updateMarkedSection(file, content)).toBe(false);

    expect(fs.readFileSync(file, 'utf8')).toBe(once);
    expect(once.split(SECTION_END)).toHaveLength(2);
    expect(once.split(SECTION_START)).toHaveLength(2);
    expect(once).toContain('renders &lt;!-- jest-perf:report:end -->');
  });

  it('creates the file, then reports no change for the same content', () => {
    const file = path.join(dir, 'docs', 'PERF.md');

    expect(updateMarkedSection(file, 'r')).toBe(true);
    expect(updateMarkedSection(file, 'r')).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${block('r')}\n`);
  });

  it('names the file when its markers are unbalanced', () => {
    const file = path.join(dir, 'PERF.md');
    fs.writeFileSync(file, `${SECTION_END}\n`);

    const error = errorOf(() => updateMarkedSection(file, 'r'));

    expect(error).toMatchObject({ code: 'JEST_PERF_USAGE', file });
    expect(error.message).toBe(
      `the jest-perf report markers are unbalanced (${file})\n  Fix: keep exactly one "${SECTION_START}" followed by one "${SECTION_END}"`,
    );
  });
});
