import * as fs from 'node:fs';
import * as path from 'node:path';
import { clearMemoryLayer, type MemoryEntry, memoryGet, memorySet } from '../memoryLayer';
import type { Sidecar } from '../sidecar';
import { useCacheSandbox } from './helpers/setup';

const sandbox = useCacheSandbox();
const sidecar = { buildMs: 1 } as Sidecar;

function remember(name: string, bytes: number, maxBytes: number): string {
  const file = path.join(sandbox.dir(), name);
  fs.writeFileSync(file, Buffer.alloc(bytes));
  const entry: Omit<MemoryEntry, 'ino' | 'size' | 'mtimeMs'> = {
    value: { kind: 'table', ipc: new Uint8Array(bytes), table: {} },
    sidecar,
    file,
    touchedAt: 0,
  };
  memorySet(file, maxBytes, entry, fs.statSync(file));
  return file;
}

describe('memory layer', () => {
  afterEach(() => clearMemoryLayer());

  it('returns what was stored while the disk file is unchanged', () => {
    const file = remember('a.arrow', 100, 1000);

    expect(memoryGet(file, 1000)?.value).toMatchObject({ kind: 'table' });
  });

  it('caps the bytes it holds, dropping the least recently used table', () => {
    const a = remember('a.arrow', 400, 1000);
    const b = remember('b.arrow', 400, 1000);
    memoryGet(a, 1000);
    const c = remember('c.arrow', 400, 1000);

    expect([memoryGet(a, 1000), memoryGet(b, 1000), memoryGet(c, 1000)].map(Boolean)).toEqual([true, false, true]);
  });

  it('drops an entry whose file changed, vanished or was replaced', () => {
    const changed = remember('changed.arrow', 100, 1000);
    const vanished = remember('vanished.arrow', 100, 1000);
    fs.appendFileSync(changed, 'x');
    fs.rmSync(vanished);

    expect(memoryGet(changed, 1000)).toBeUndefined();
    expect(memoryGet(vanished, 1000)).toBeUndefined();
  });

  it('is off with a cap of 0', () => {
    const file = remember('a.arrow', 10, 0);

    expect(memoryGet(file, 0)).toBeUndefined();
    expect(memoryGet(file, 1000)).toBeUndefined();
  });

  it('keeps what fits when the cap changes', () => {
    const small = remember('small.arrow', 100, 10_000);
    const big = remember('big.arrow', 5_000, 10_000);

    expect(memoryGet(small, 1_000)).toBeDefined();
    expect(memoryGet(big, 1_000)).toBeUndefined();
  });
});
