import type { WorkerFileRecord } from '@jest-perf/core';

/*
 * The reporter's former quick check: a hand-written twin of core's `workerFileRecordSchema` (loading ajv and
 * compiling the schema cost ~60 ms at the end of every tracked run). Core's standalone validator, compiled at
 * build time, replaced it; `validateBench` keeps this copy to show the replacement is no slower.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonNegative(value: unknown): boolean {
  return typeof value === 'number' && value >= 0;
}

function isCount(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0;
}

function isStringArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}

function isArrayOf(value: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!check(item)) return false;
  return true;
}

const HOOK_TYPES: ReadonlySet<unknown> = new Set(['beforeAll', 'beforeEach', 'afterEach', 'afterAll']);

function isHook(value: unknown): boolean {
  return (
    isObject(value) &&
    HOOK_TYPES.has(value.type) &&
    isStringArray(value.describePath) &&
    (value.line === undefined || isCount(value.line)) &&
    isCount(value.calls) &&
    isNonNegative(value.totalMs) &&
    isNonNegative(value.maxMs) &&
    (value.cpuMs === undefined || isNonNegative(value.cpuMs))
  );
}

function isCounterGroups(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const group of Object.values(value)) {
    if (!isObject(group)) return false;
    for (const count of Object.values(group)) if (typeof count !== 'number') return false;
  }
  return true;
}

/** True when `value` certainly matches `workerFileRecordSchema`; false means "ask ajv". */
export function isWorkerFileRecord(value: unknown): value is WorkerFileRecord {
  return (
    isObject(value) &&
    value.kind === 'file' &&
    typeof value.testPath === 'string' &&
    value.testPath.length > 0 &&
    (value.worker === null || Number.isInteger(value.worker)) &&
    isStringArray(value.fileTags) &&
    isNonNegative(value.hookMs) &&
    isArrayOf(value.hooks, isHook) &&
    isArrayOf(value.testSetupMs, isNonNegative) &&
    (value.testCpuMs === undefined || isArrayOf(value.testCpuMs, isNonNegative)) &&
    (value.cpuMs === undefined || isNonNegative(value.cpuMs)) &&
    isCounterGroups(value.counters)
  );
}
