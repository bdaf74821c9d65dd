import type * as fs from 'node:fs';
import { LRUCache } from 'lru-cache';
import { processState } from './processState';
import type { Sidecar } from './sidecar';
import { statOrNull } from './store';

/**
 * A table is kept as its Arrow IPC bytes (what the byte cap counts) plus the decoded table, which
 * shares those bytes. The table object belongs to the module registry that decoded it: under Jest a
 * later test file gets a fresh `Table` class, so it decodes the bytes again (cheap: no copy).
 */
export type MemoryValue = { kind: 'table'; ipc: Uint8Array; table: object } | { kind: 'file' };

/** One entry of the memory layer, with the identity of the disk file it mirrors. */
export interface MemoryEntry {
  value: MemoryValue;
  sidecar: Sidecar;
  /** Data file the entry mirrors: a memory hit is valid only while that file is unchanged. */
  file: string;
  ino: number;
  size: number;
  mtimeMs: number;
  /** When this process last wrote `lastAccess` to the sidecar. */
  touchedAt: number;
}

/** Bytes a file entry is counted for (its metadata). */
const FILE_ENTRY_BYTES = 512;

interface Layer {
  cache: LRUCache<string, MemoryEntry> | undefined;
}

function newCache(maxBytes: number): LRUCache<string, MemoryEntry> {
  return new LRUCache<string, MemoryEntry>({
    maxSize: maxBytes,
    sizeCalculation: (entry) =>
      entry.value.kind === 'table' ? Math.max(1, entry.value.ipc.byteLength) : FILE_ENTRY_BYTES,
  });
}

/** The process's LRU with this byte cap (a new cap rebuilds it, keeping what fits); undefined when the cap is 0. */
function layer(maxBytes: number): LRUCache<string, MemoryEntry> | undefined {
  if (maxBytes <= 0) return undefined;
  const state = processState<Layer>('memory', () => ({ cache: undefined }));
  if (state.cache?.maxSize !== maxBytes) {
    const next = newCache(maxBytes);
    for (const [id, entry] of [...(state.cache?.entries() ?? [])].reverse()) next.set(id, entry);
    state.cache = next;
  }
  return state.cache;
}

/**
 * The entry for `id` if its disk file is still the one it was read from (same inode, size and mtime:
 * one `stat`). A cleared, evicted, corrupted or rebuilt file drops the memory entry.
 */
export function memoryGet(id: string, maxBytes: number): MemoryEntry | undefined {
  const cache = layer(maxBytes);
  const entry = cache?.get(id);
  if (!entry) return undefined;
  const stat = statOrNull(entry.file);
  if (stat && stat.ino === entry.ino && stat.size === entry.size && stat.mtimeMs === entry.mtimeMs) return entry;
  cache?.delete(id);
  return undefined;
}

/** Remembers an entry read from or written to `stat`'s file. */
export function memorySet(
  id: string,
  maxBytes: number,
  entry: Omit<MemoryEntry, 'ino' | 'size' | 'mtimeMs'>,
  stat: fs.Stats,
): void {
  layer(maxBytes)?.set(id, { ...entry, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs });
}

/** Forgets everything held in memory by this process. */
export function clearMemoryLayer(): void {
  processState<Layer>('memory', () => ({ cache: undefined })).cache?.clear();
}
