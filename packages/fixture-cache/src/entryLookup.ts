import type { ResolvedConfig } from './config';
import type { EntryContext } from './entryFlow';
import { type EntryHandlers, getOrBuild } from './entryFlow';
import { checkInvalidateFlag } from './invalidation';
import { computeKey } from './key';
import { summarizeInputs } from './sidecar';
import { hashSources } from './sources';
import { type EntryPaths, entryPaths } from './store';

/** What identifies one cache entry, as `cachedTable` and `cachedFile` describe it. */
export interface EntrySpec {
  config: ResolvedConfig;
  canonical: string;
  kind: EntryContext['kind'];
  /** The sidecar's format. */
  format: EntryContext['format'];
  /** What the key hashes as the format (a file entry keys on its extension). */
  keyFormat: string;
  extension: string;
}

/** Concurrent calls for one entry in this process share one lookup (keyed by the entry's data path). */
const inflight = new Map<string, Promise<unknown>>();

/**
 * The steps every cached value goes through: key from inputs + sources + format, the entry's paths, the
 * `.invalidate` flag, one lookup per entry per process, then {@link getOrBuild} with the kind's handlers.
 */
export async function lookupEntry<T>(spec: EntrySpec, handlers: (paths: EntryPaths) => EntryHandlers<T>): Promise<T> {
  const { config, canonical } = spec;
  const key = computeKey({
    canonicalInputs: canonical,
    kind: spec.kind,
    format: spec.keyFormat,
    name: config.name,
    sourceHash: hashSources(config.sources),
  });
  const paths = entryPaths(config.dir, key, spec.extension);
  checkInvalidateFlag(config.dir);
  const pending = inflight.get(paths.data) as Promise<T> | undefined;
  if (pending) return pending;
  const ctx: EntryContext = {
    config,
    paths,
    kind: spec.kind,
    format: spec.format,
    extension: spec.extension,
    inputs: summarizeInputs(canonical),
  };
  const lookup = getOrBuild<T>(ctx, handlers(paths));
  inflight.set(paths.data, lookup);
  try {
    return await lookup;
  } finally {
    inflight.delete(paths.data);
  }
}
