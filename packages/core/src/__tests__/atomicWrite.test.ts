import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../atomicWrite';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the content and leaves no temp file behind', () => {
    const file = path.join(dir, 'out.txt');

    writeFileAtomic(file, 'hello');

    expect(fs.readFileSync(file, 'utf8')).toBe('hello');
    expect(fs.readdirSync(dir)).toEqual(['out.txt']);
  });

  it('creates missing parent folders', () => {
    const file = path.join(dir, 'a', 'b', 'out.bin');

    writeFileAtomic(file, new Uint8Array([1, 2, 3]));

    expect([...fs.readFileSync(file)]).toEqual([1, 2, 3]);
  });

  it('replaces an existing file whole', () => {
    const file = path.join(dir, 'out.txt');
    fs.writeFileSync(file, 'a much longer old content');

    writeFileAtomic(file, 'new');

    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });

  it('removes its temp file and rethrows when the final rename fails', () => {
    // A non-empty folder cannot be replaced by a file: the rename fails after the temp was written.
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'x');

    expect(() => writeFileAtomic(target, 'data')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['taken']);
    expect(fs.readdirSync(target)).toEqual(['keep.txt']);
  });
});

describe('writeJsonAtomic', () => {
  it('writes pretty-printed JSON with a trailing newline', () => {
    const file = path.join(dir, 'data.json');

    writeJsonAtomic(file, { a: 1, b: [true] });

    expect(fs.readFileSync(file, 'utf8')).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}\n');
  });
});
