/**
 * The `perf:*` scripts init adds to package.json (all run the project's own jest-perf bin, which runs its own
 * jest). No `VAR=value command`: npm runs scripts in cmd on Windows, which has no such syntax.
 */
export const PERF_SCRIPTS: Readonly<Record<string, string>> = {
  'perf:track': 'jest-perf track',
  'perf:report': 'jest-perf report',
  'perf:baseline': 'jest-perf baseline --from-history 5',
  'perf:check': 'jest-perf check',
};

export interface ScriptsEdit {
  scripts: Record<string, unknown>;
  added: string[];
  /** Scripts the user already has under one of our names, with a different command: kept as they are. */
  kept: { name: string; theirs: string; ours: string }[];
}

/** Adds the missing `perf:*` scripts; a script of the same name the user already has is never overwritten. */
export function addPerfScripts(current: unknown): ScriptsEdit {
  const scripts: Record<string, unknown> =
    typeof current === 'object' && current !== null && !Array.isArray(current) ? { ...current } : {};
  const added: string[] = [];
  const kept: ScriptsEdit['kept'] = [];
  for (const [name, command] of Object.entries(PERF_SCRIPTS)) {
    const theirs = scripts[name];
    if (theirs === undefined) {
      scripts[name] = command;
      added.push(name);
    } else if (theirs !== command) {
      kept.push({ name, theirs: String(theirs), ours: command });
    }
  }
  return { scripts, added, kept };
}
