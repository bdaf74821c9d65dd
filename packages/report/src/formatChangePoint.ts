import { type ChangePoint, formatChange, formatDuration } from '@jest-perf/regression';

/** `a › b: got slower at run 2026-11-24T11-07-35-123Z-4f2a (commit 1a2b3c4): 1.20 s → 1.80 s (+50.0 %, p = 2.1e-5)` */
export function formatChangePoint(id: string, point: ChangePoint): string {
  const commit = point.commit ? ` (commit ${point.commit.slice(0, 7)})` : '';
  const before = `${formatDuration(point.before.meanMs)} → ${formatDuration(point.after.meanMs)}`;
  return `${id}: got ${point.direction} at run ${point.runId}${commit}: ${before} (${formatChange(point.change)}, p = ${point.pValue.toExponential(1)})`;
}
