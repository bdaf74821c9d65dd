import * as fs from 'node:fs';
import type { ResolvedConfig } from './config';
import { evictToFit } from './eviction';
import { CACHE_VERSION } from './key';
import { waitForLock } from './lock';
import { label, warn } from './log';
import { type MemoryEntry, type MemoryValue, memoryGet, memorySet } from './memoryLayer';
import type { Sidecar } from './sidecar';
import { record } from './stats';
import {
  commitEntry,
  type DiskLookup,
  type EntryPaths,
  ensureCacheDir,
  readEntry,
  removeEntry,
  statOrNull,
  tempPath,
  touchEntry,
} from './store';

/** What one cache call is about. */
export interface EntryContext {
  config: ResolvedConfig;
  paths: EntryPaths;
  kind: Sidecar['kind'];
  format: Sidecar['format'];
  extension: string;
  /** Truncated canonical inputs, for the sidecar. */
  inputs: string;
}

/** A decoded value, what the memory layer keeps of it, and the file whose stat keeps that memory entry valid. */
export interface Loaded<T> {
  value: T;
  memory: MemoryValue;
  /** The file the memory entry mirrors when it is not the entry's data file (pinned copies of `cachedFile`). */
  mirror?: { file: string; stat: fs.Stats };
}

/** What a build produced (the data is already in the temp file). */
export interface Built<T> extends Loaded<T> {
  size: number;
  sha256: string;
  buildMs: number;
  rows?: number;
}

/** The kind-specific parts of a lookup: how to turn memory or disk into a value, and how to build. */
export interface EntryHandlers<T> {
  /** Whether a disk hit needs the bytes (tables) or only the path (files). */
  keepBytes: boolean;
  fromMemory(entry: MemoryEntry): T;
  /** Decodes a verified disk hit; throwing marks the entry corrupt, undefined means it vanished (a miss). */
  fromDisk(hit: Extract<DiskLookup, { kind: 'hit' }>): Loaded<T> | undefined;
  /** Runs the user's build and leaves the data in `temp`. */
  build(temp: string): Promise<Built<T>>;
}

type Lookup<T> = { kind: 'hit'; value: T } | { kind: 'miss' } | { kind: 'corrupt' };

/** How often a memory hit refreshes the sidecar's lastAccess, so other workers' eviction sees the entry in use. */
const TOUCH_INTERVAL_MS = 60_000;
const elapsed = (start: number): number => performance.now() - start;

function recordHit(buildMs: number, loadMs: number, memory: boolean): void {
  record('hits');
  if (memory) record('memoryHits');
  record('loadMs', loadMs);
  record('timeSavedMs', buildMs - loadMs);
}

function discard(ctx: EntryContext, reason: string): Lookup<never> {
  removeEntry(ctx.paths);
  warn(`discarded corrupt entry ${label(ctx.config.name, ctx.paths.key)} in ${ctx.paths.dir}: ${reason}; rebuilding`);
  return { kind: 'corrupt' };
}

function loadFromDisk<T>(ctx: EntryContext, handlers: EntryHandlers<T>): Lookup<T> {
  const start = performance.now();
  const found = readEntry(ctx.paths, { keepBytes: handlers.keepBytes, verify: ctx.config.verify });
  if (found.kind === 'miss') return found;
  if (found.kind === 'corrupt') return discard(ctx, found.reason);
  let loaded: Loaded<T> | undefined;
  try {
    loaded = handlers.fromDisk(found);
  } catch (error) {
    return discard(ctx, `unreadable ${ctx.format} data (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!loaded) return { kind: 'miss' };
  const hashed = handlers.keepBytes || ctx.config.verify === 'checksum';
  record('bytesRead', hashed ? found.sidecar.size : 0);
  recordHit(found.sidecar.buildMs, elapsed(start), false);
  remember(ctx, loaded, found.sidecar, { file: ctx.paths.data, stat: found.stat });
  touchEntry(ctx.paths, found.sidecar, found.stat);
  return { kind: 'hit', value: loaded.value };
}

function remember<T>(
  ctx: EntryContext,
  loaded: Loaded<T>,
  sidecar: Sidecar,
  data: { file: string; stat: fs.Stats },
): void {
  const { file, stat } = loaded.mirror ?? data;
  memorySet(
    ctx.paths.data,
    ctx.config.memoryMaxBytes,
    { value: loaded.memory, sidecar, file, touchedAt: Date.now() },
    stat,
  );
}

async function buildAndStore<T>(ctx: EntryContext, handlers: EntryHandlers<T>, corrupt: boolean): Promise<T> {
  const { config, paths } = ctx;
  record('misses');
  if (corrupt) record('rebuilds');
  ensureCacheDir(paths.dir);
  const temp = tempPath(paths, ctx.extension);
  try {
    const built = await handlers.build(temp);
    const now = new Date().toISOString();
    const sidecar: Sidecar = {
      schemaVersion: 1,
      cacheVersion: CACHE_VERSION,
      key: paths.key,
      fileName: paths.data.slice(paths.dir.length + 1),
      kind: ctx.kind,
      format: ctx.format,
      name: config.name,
      inputs: ctx.inputs,
      created: now,
      lastAccess: now,
      size: built.size,
      sha256: built.sha256,
      buildMs: Math.round(built.buildMs * 1000) / 1000,
      valid: true,
      ...(built.rows === undefined ? {} : { rows: built.rows }),
    };
    commitEntry(paths, temp, sidecar);
    record('bytesWritten', built.size);
    const stat = statOrNull(paths.data);
    if (stat) remember(ctx, built, sidecar, { file: paths.data, stat });
    record('evictions', evictToFit(paths.dir, config.maxBytes, paths.key).evicted);
    return built.value;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * The one lookup path shared by tables and files: memory layer, then disk (verified), then build —
 * once across workers when locking is on: others wait for the lock and pick up the written entry.
 */
export async function getOrBuild<T>(ctx: EntryContext, handlers: EntryHandlers<T>): Promise<T> {
  const { config, paths } = ctx;
  const start = performance.now();
  const memory = memoryGet(paths.data, config.memoryMaxBytes);
  if (memory) {
    const value = handlers.fromMemory(memory);
    recordHit(memory.sidecar.buildMs, elapsed(start), true);
    if (Date.now() - memory.touchedAt > TOUCH_INTERVAL_MS) {
      memory.touchedAt = Date.now();
      touchEntry(paths, memory.sidecar, memory);
    }
    return value;
  }
  const first = loadFromDisk(ctx, handlers);
  if (first.kind === 'hit') return first.value;
  let corrupt = first.kind === 'corrupt';
  if (!config.lock) return buildAndStore(ctx, handlers, corrupt);
  ensureCacheDir(paths.dir);
  const wait = await waitForLock(paths.lock, {
    timeoutMs: config.lockTimeoutMs,
    staleMs: config.staleLockMs,
    check: () => {
      if (!fs.existsSync(paths.sidecar)) return undefined;
      const loaded = loadFromDisk(ctx, handlers);
      corrupt ||= loaded.kind === 'corrupt';
      return loaded.kind === 'hit' ? loaded : undefined;
    },
  });
  if (wait.kind === 'ready') {
    record('lockWaits');
    return wait.value.value;
  }
  if (wait.kind === 'timeout') {
    record('lockWaits');
    warn(
      `waited ${config.lockTimeoutMs} ms for ${label(config.name, paths.key)} (locked by ${wait.holder}); building it here`,
    );
    return buildAndStore(ctx, handlers, corrupt);
  }
  try {
    if (wait.waited) record('lockWaits');
    const again = loadFromDisk(ctx, handlers);
    if (again.kind === 'hit') return again.value;
    return await buildAndStore(ctx, handlers, corrupt || again.kind === 'corrupt');
  } finally {
    wait.release();
  }
}
