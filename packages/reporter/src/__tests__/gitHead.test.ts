import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readGitHead } from '../gitHead';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .toString()
    .trim();
}

/** A repository in `dir` on branch `trunk` with one commit. */
function repository(): string {
  git(dir, 'init', '-q', '-b', 'trunk');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'first');
  return git(dir, 'rev-parse', 'HEAD');
}

/** What git itself says, as the files should say it. */
function fromGit(cwd: string): { commit: string; branch: string | null } {
  const branch = git(cwd, 'rev-parse', '--abbrev-ref', 'HEAD');
  return { commit: git(cwd, 'rev-parse', 'HEAD'), branch: branch === 'HEAD' ? null : branch };
}

describe('readGitHead', () => {
  it('reads the branch and its commit from a loose ref', () => {
    const commit = repository();

    expect(readGitHead(dir, {})).toEqual({ commit, branch: 'trunk' });
  });

  it('reads a branch whose ref is only in packed-refs, with a slash in its name', () => {
    repository();
    git(dir, 'checkout', '-q', '-b', 'feature/fast');
    git(dir, 'pack-refs', '--all');

    expect(fs.existsSync(path.join(dir, '.git', 'refs', 'heads', 'feature', 'fast'))).toBe(false);
    expect(readGitHead(dir, {})).toEqual(fromGit(dir));
    expect(readGitHead(dir, {})?.branch).toBe('feature/fast');
  });

  it('has a null branch on a detached HEAD', () => {
    const commit = repository();
    git(dir, 'checkout', '-q', '--detach');

    expect(readGitHead(dir, {})).toEqual({ commit, branch: null });
  });

  it('finds the repository from a subfolder', () => {
    repository();
    const sub = path.join(dir, 'packages', 'app');
    fs.mkdirSync(sub, { recursive: true });

    expect(readGitHead(sub, {})).toEqual(fromGit(dir));
  });

  it('follows a worktree’s .git file to its own HEAD and the shared branches', () => {
    repository();
    const tree = path.join(dir, 'tree');
    git(dir, 'worktree', 'add', '-q', '-b', 'side', tree);
    git(tree, 'commit', '-q', '--allow-empty', '-m', 'on side');

    expect(fs.statSync(path.join(tree, '.git')).isFile()).toBe(true);
    expect(readGitHead(tree, {})).toEqual({ commit: git(tree, 'rev-parse', 'HEAD'), branch: 'side' });
  });

  it('is null outside a repository', () => {
    expect(readGitHead(dir, {})).toBeNull();
  });

  it('leaves it to git (undefined) on a branch without commits', () => {
    git(dir, 'init', '-q', '-b', 'trunk');

    expect(readGitHead(dir, {})).toBeUndefined();
  });

  it('leaves it to git when a variable such as GIT_DIR moves the repository', () => {
    repository();

    expect(readGitHead(dir, { GIT_DIR: path.join(dir, '.git') })).toBeUndefined();
    expect(readGitHead(dir, { GIT_CEILING_DIRECTORIES: dir })).toBeUndefined();
  });

  it('leaves it to git when HEAD or the ref is not what it expects', () => {
    fs.mkdirSync(path.join(dir, '.git', 'refs', 'heads'), { recursive: true });
    const head = path.join(dir, '.git', 'HEAD');

    expect(readGitHead(dir, {})).toBeUndefined();
    fs.writeFileSync(head, 'ref: refs/remotes/origin/main\n');
    expect(readGitHead(dir, {})).toBeUndefined();
    fs.writeFileSync(head, 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(dir, '.git', 'refs', 'heads', 'main'), 'ref: refs/heads/other\n');
    expect(readGitHead(dir, {})).toBeUndefined();
  });

  it('is null when a .git file does not point anywhere', () => {
    fs.writeFileSync(path.join(dir, '.git'), 'not a pointer\n');

    expect(readGitHead(dir, {})).toBeNull();
  });
});
