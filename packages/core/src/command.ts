/**
 * How the user runs a jest-perf command in their project, as messages and advice write it: `npx jest-perf`,
 * or `yarn jest-perf` under Yarn Plug'n'Play, which has no `node_modules/.bin` for npx to find the command in.
 */
export function commandFor(bin: string, versions: NodeJS.ProcessVersions = process.versions): string {
  return `${versions.pnp ? 'yarn' : 'npx'} ${bin}`;
}

/** The CLI as this project runs it: `npx jest-perf` (`yarn jest-perf` under Plug'n'Play). */
export const JEST_PERF_CLI = commandFor('jest-perf');
