import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GitInfo, MachineInfo } from '@jest-perf/core';
import { type GitHead, readGitHead } from './gitHead';

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    platform: process.platform,
    arch: process.arch,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    osRelease: os.release(),
  };
}

function git(rootDir: string, args: string[]): string | null {
  try {
    const out = execFileSync('git', args, { cwd: rootDir, timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] });
    return out.toString().trim() || null;
  } catch {
    return null;
  }
}

/** HEAD from the `.git` files, or from `git` itself when the files do not tell (see {@link readGitHead}). */
function localHead(rootDir: string, env: NodeJS.ProcessEnv): GitHead | null {
  const fromFiles = readGitHead(rootDir, env);
  if (fromFiles !== undefined) return fromFiles;
  const commit = git(rootDir, ['rev-parse', 'HEAD']);
  if (!commit) return null;
  const branch = git(rootDir, ['rev-parse', '--abbrev-ref', 'HEAD']);
  return { commit, branch: branch === 'HEAD' ? null : branch };
}

/** Commit and branch, from CI variables when present (detached checkouts), else from git; null outside git. */
export function gitInfo(rootDir: string, env: NodeJS.ProcessEnv = process.env): GitInfo | null {
  const fromCi = env.GITHUB_SHA !== undefined && Boolean(env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME);
  const head = fromCi ? null : localHead(rootDir, env);
  const commit = env.GITHUB_SHA ?? head?.commit;
  if (!commit) return null;
  const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || head?.branch || null;
  return { commit, branch: branch === 'HEAD' ? null : branch };
}

/** Version of the user's Jest (resolved from the project root), else of the Jest this reporter runs with. */
export function jestVersion(rootDir: string): string {
  // The running Jest is found from its CLI script (`require.main`), e.g. a Jest installed outside the project.
  const bases = [rootDir, ...(require.main ? [path.dirname(require.main.filename)] : [])];
  for (const base of bases) {
    for (const name of ['jest/package.json', '@jest/core/package.json']) {
      try {
        return (require(require.resolve(name, { paths: [base] })) as { version: string }).version;
      } catch {
        // try the next candidate
      }
    }
  }
  return 'unknown';
}
