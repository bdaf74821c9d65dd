import { formatDuration } from '@jest-perf/regression';
import { markdownTable } from './markdownTable';
import type { HookProfile } from './profileFixtures';

/** Hooks ranked by cost as a markdown table (`jest-perf profile-fixtures` and the report's hook section). */
export function renderHookProfiles(profiles: HookProfile[]): string {
  if (profiles.length === 0) return '_No hooks recorded (is the @jest-perf/environment in use?)._';
  const rows = profiles.map((p) => [
    `${p.file}${p.line === null ? '' : `:${p.line}`}`,
    [...p.describePath, p.type].join(' › '),
    String(p.calls),
    formatDuration(p.totalMs),
    formatDuration(p.averageMs),
    p.advice ?? '',
  ]);
  return markdownTable(['hook', 'scope', 'calls', 'total', 'average', 'advice'], rows);
}
