import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_VERSION } from '../key';
import type { Sidecar } from '../sidecar';
import { commitEntry, ENTRY_FILE, entryPaths, readEntry, TEMP_FILE, tempPath, touchEntry } from '../store';
import { useCacheSandbox } from './helpers/setup';

const sandbox = useCacheSandbox();
const KEY = 'd'.repeat(64);

function sidecarFor(size: number): Sidecar {
  return {
    schemaVersion: 1,
    cacheVersion: CACHE_VERSION,
    key: KEY,
    fileName: `${KEY}.bin`,
    kind: 'file',
    format: 'file',
    name: '',
    inputs: '{}',
    created: '2024-01-01T00:00:00.000Z',
    lastAccess: '2024-01-01T00:00:00.000Z',
    size,
    sha256: 'e'.repeat(64),
    buildMs: 1,
    valid: true,
  };
}

describe('store layout', () => {
  it('names every file after the key, and temp files so that cleanup recognises them', () => {
    const paths = entryPaths(sandbox.dir(), KEY, '.xlsx');
    const temp = path.basename(tempPath(paths, '.xlsx'));

    expect(path.basename(paths.data)).toMatch(ENTRY_FILE);
    expect(path.basename(paths.sidecar)).toMatch(ENTRY_FILE);
    expect(path.basename(paths.lock)).toMatch(ENTRY_FILE);
    expect(temp).toMatch(TEMP_FILE);
    expect(temp).not.toMatch(ENTRY_FILE);
    expect(temp.endsWith('.xlsx')).toBe(true);
  });
});

describe('commitEntry', () => {
  it('removes the temp file and rethrows when the data cannot be moved into place', () => {
    const paths = entryPaths(sandbox.dir(), KEY, '.bin');
    fs.mkdirSync(paths.data);
    fs.writeFileSync(path.join(paths.data, 'occupied'), 'x');
    const temp = tempPath(paths, '.bin');
    fs.writeFileSync(temp, 'data');

    expect(() => commitEntry(paths, temp, sidecarFor(4))).toThrow();
    expect(fs.existsSync(temp)).toBe(false);
    expect(fs.existsSync(paths.sidecar)).toBe(false);
  });
});

describe('readEntry', () => {
  it('is a miss when the data vanished after its sidecar was read (evicted meanwhile)', () => {
    const paths = entryPaths(sandbox.dir(), KEY, '.bin');
    fs.writeFileSync(paths.sidecar, JSON.stringify(sidecarFor(4)));

    expect(readEntry(paths, { keepBytes: true, verify: 'checksum' })).toEqual({ kind: 'miss' });
    expect(readEntry(paths, { keepBytes: false, verify: 'size' })).toEqual({ kind: 'miss' });
  });
});

describe('touchEntry', () => {
  it('does not write over the sidecar of an entry replaced since it was read', () => {
    const paths = entryPaths(sandbox.dir(), KEY, '.bin');
    fs.writeFileSync(paths.data, 'data');
    const sidecar = sidecarFor(4);
    fs.writeFileSync(paths.sidecar, JSON.stringify(sidecar));
    const stat = fs.statSync(paths.data);
    fs.rmSync(paths.data);
    fs.writeFileSync(paths.data, 'new!'); // another inode

    touchEntry(paths, sidecar, stat, new Date('2030-01-01T00:00:00.000Z'));

    expect(JSON.parse(fs.readFileSync(paths.sidecar, 'utf8')).lastAccess).toBe(sidecar.lastAccess);
  });

  it('gives up quietly when the sidecar cannot be written', () => {
    const paths = entryPaths(sandbox.dir(), KEY, '.bin');
    fs.writeFileSync(paths.data, 'x');
    fs.mkdirSync(paths.sidecar); // a folder where the sidecar should be: the rename fails
    fs.writeFileSync(path.join(paths.sidecar, 'x'), 'x');

    expect(() => touchEntry(paths, sidecarFor(1), fs.statSync(paths.data))).not.toThrow();
    expect(fs.statSync(paths.sidecar).isDirectory()).toBe(true);
  });
});
