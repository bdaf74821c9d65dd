import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileLane, filesInLane, laneFromEnv } from '../lanes';

import laneFilter = require('../laneFilter');

describe('fileLane', () => {
  it('puts a file with a @tags serial docblock in the serial lane only', () => {
    expect(fileLane('/**\n * @tags serial, slow\n */\nit("a", () => {});')).toBe('serial');
  });

  it('puts a file with a serial title tag in both lanes', () => {
    expect(fileLane("it('writes the shared log @serial', () => {});")).toBe('both');
    expect(fileLane("describe('shared port @serial', () => {});")).toBe('both');
  });

  it('keeps other files in the parallel lane', () => {
    expect(fileLane("/** @tags slow */\nit('a @slow', () => {});")).toBe('parallel');
  });

  it('does not take a longer word for the tag', () => {
    expect(fileLane("it('a @serialized thing', () => {}); it('b @serial-ish', () => {});")).toBe('parallel');
  });

  it('reads a custom tag', () => {
    expect(fileLane("it('a @exclusive', () => {});", 'exclusive')).toBe('both');
    expect(fileLane("it('a @serial', () => {});", 'exclusive')).toBe('parallel');
  });
});

describe('filesInLane', () => {
  const sources: Record<string, string> = {
    '/p/serial.test.ts': '/** @tags serial */',
    '/p/mixed.test.ts': "it('x @serial', f);",
    '/p/plain.test.ts': "it('x', f);",
  };
  const read = (file: string): string => {
    const source = sources[file];
    if (source === undefined) throw new Error('ENOENT');
    return source;
  };
  const all = [...Object.keys(sources), '/p/missing.test.ts'];

  it('gives every file to at least one lane, and only mixed files to both', () => {
    expect(filesInLane(all, 'parallel', 'serial', read)).toEqual([
      '/p/mixed.test.ts',
      '/p/plain.test.ts',
      '/p/missing.test.ts',
    ]);
    expect(filesInLane(all, 'serial', 'serial', read)).toEqual(['/p/serial.test.ts', '/p/mixed.test.ts']);
  });
});

describe('laneFromEnv', () => {
  it('reads the lane, or null when unset', () => {
    expect(laneFromEnv({ JEST_PERF_LANE: 'serial' })).toBe('serial');
    expect(laneFromEnv({ JEST_PERF_LANE: 'parallel' })).toBe('parallel');
    expect(laneFromEnv({})).toBeNull();
  });

  it('names the allowed values on a typo', () => {
    expect(() => laneFromEnv({ JEST_PERF_LANE: 'serail' })).toThrow(
      'JEST_PERF_LANE="serail" is not a lane: use "parallel" or "serial"',
    );
  });
});

describe('laneFilter (Jest --filter module)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('keeps every path outside a lane run', async () => {
    delete process.env.JEST_PERF_LANE;
    await expect(laneFilter(['/nowhere/a.test.ts'])).resolves.toEqual({ filtered: ['/nowhere/a.test.ts'] });
  });

  it('keeps the lane’s files in a lane run, with the tag from JEST_PERF_SERIAL_TAG', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-'));
    const exclusive = path.join(dir, 'exclusive.test.ts');
    fs.writeFileSync(exclusive, "it('binds the port @exclusive', () => {});");
    const plain = path.join(dir, 'plain.test.ts');
    fs.writeFileSync(plain, "it('adds', () => {});");
    try {
      process.env.JEST_PERF_SERIAL_TAG = 'exclusive';
      process.env.JEST_PERF_LANE = 'serial';
      await expect(laneFilter([exclusive, plain])).resolves.toEqual({ filtered: [exclusive] });
      process.env.JEST_PERF_LANE = 'parallel';
      await expect(laneFilter([exclusive, plain])).resolves.toEqual({ filtered: [exclusive, plain] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
