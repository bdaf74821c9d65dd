import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitInfo, jestVersion, machineInfo } from '../runContext';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
});

afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .toString()
    .trim();
}

function writePackage(name: string, version: string): void {
  const pkgDir = path.join(dir, 'node_modules', ...name.split('/'));
  fs.mkdirSync(pkgDir, { recursive: true });
  fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify({ name, version }));
}

describe('gitInfo', () => {
  it('takes commit and branch from GitHub Actions variables', () => {
    expect(gitInfo(dir, { GITHUB_SHA: 'abc123', GITHUB_REF_NAME: 'main' })).toEqual({
      commit: 'abc123',
      branch: 'main',
    });
  });

  it("prefers a pull request's head branch over the ref name", () => {
    expect(gitInfo(dir, { GITHUB_SHA: 'abc', GITHUB_HEAD_REF: 'feature', GITHUB_REF_NAME: '12/merge' })?.branch).toBe(
      'feature',
    );
  });

  it('is null outside a git repository', () => {
    expect(gitInfo(dir, {})).toBeNull();
  });

  it('has a null branch when the commit comes from CI and git knows no branch', () => {
    expect(gitInfo(dir, { GITHUB_SHA: 'abc', GITHUB_HEAD_REF: '' })).toEqual({ commit: 'abc', branch: null });
  });

  it('reads commit and branch from git', () => {
    git('init', '-q', '-b', 'trunk');
    git('commit', '-q', '--allow-empty', '-m', 'first');
    const head = git('rev-parse', 'HEAD');

    expect(gitInfo(dir, {})).toEqual({ commit: head, branch: 'trunk' });
  });

  it('reads a normal checkout from the .git files, without spawning git', () => {
    git('init', '-q', '-b', 'trunk');
    git('commit', '-q', '--allow-empty', '-m', 'first');
    const head = git('rev-parse', 'HEAD');
    const spawn = jest.spyOn(require('node:child_process') as typeof import('node:child_process'), 'execFileSync');

    expect(gitInfo(dir, {})).toEqual({ commit: head, branch: 'trunk' });
    expect(spawn).not.toHaveBeenCalled();
  });

  it('asks git when the files do not tell, e.g. on a branch without commits', () => {
    git('init', '-q', '-b', 'trunk');
    const spawn = jest.spyOn(require('node:child_process') as typeof import('node:child_process'), 'execFileSync');

    expect(gitInfo(dir, {})).toBeNull();
    expect(spawn).toHaveBeenCalledWith('git', ['rev-parse', 'HEAD'], expect.objectContaining({ cwd: dir }));
  });

  it('asks git for the branch and commit when GIT_DIR points elsewhere', () => {
    git('init', '-q', '-b', 'trunk');
    git('commit', '-q', '--allow-empty', '-m', 'first');
    const head = git('rev-parse', 'HEAD');
    const spawn = jest.spyOn(require('node:child_process') as typeof import('node:child_process'), 'execFileSync');

    expect(gitInfo(dir, { GIT_DIR: path.join(dir, '.git') })).toEqual({ commit: head, branch: 'trunk' });
    expect(spawn).toHaveBeenCalledTimes(2);
  });

  it('has a null branch on a detached HEAD', () => {
    git('init', '-q', '-b', 'trunk');
    git('commit', '-q', '--allow-empty', '-m', 'first');
    git('checkout', '-q', '--detach');

    expect(gitInfo(dir, {})).toEqual({ commit: git('rev-parse', 'HEAD'), branch: null });
  });

  it('reads process.env by default', () => {
    const saved = process.env.GITHUB_SHA;
    process.env.GITHUB_SHA = 'from-env';
    try {
      expect(gitInfo(dir)?.commit).toBe('from-env');
    } finally {
      if (saved === undefined) delete process.env.GITHUB_SHA;
      else process.env.GITHUB_SHA = saved;
    }
  });
});

describe('machineInfo', () => {
  it('describes the platform, CPU and memory', () => {
    const info = machineInfo();

    expect(info).toEqual({
      platform: process.platform,
      arch: process.arch,
      cpuModel: expect.any(String),
      cores: os.cpus().length,
      totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
      osRelease: os.release(),
    });
    expect(info.totalMemoryMb).toBeGreaterThan(0);
  });

  it('says "unknown" when the CPU list is empty', () => {
    // The module object itself: `import * as os` gives a frozen namespace copy that cannot be spied on.
    jest.spyOn(require('node:os') as typeof os, 'cpus').mockReturnValue([]);

    expect(machineInfo()).toMatchObject({ cpuModel: 'unknown', cores: 0 });
  });
});

describe('jestVersion', () => {
  it("resolves the project's jest version from its root", () => {
    writePackage('jest', '29.7.0');

    expect(jestVersion(dir)).toBe('29.7.0');
  });

  it('finds the workspace jest from this repository', () => {
    const repoRoot = path.resolve(__dirname, '../../../..');
    const expected = (
      JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules/jest/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;

    expect(jestVersion(repoRoot)).toBe(expected);
  });

  // pnpm's jest shim puts the store on NODE_PATH, so inside this test run the workspace jest resolves
  // from any folder. The fallbacks are checked on the built module in a plain Node without NODE_PATH.
  function jestVersionInNode(rootDir: string): string {
    const built = path.resolve(__dirname, '../../dist/runContext.js');
    const script = `process.stdout.write(require(${JSON.stringify(built)}).jestVersion(${JSON.stringify(rootDir)}))`;
    const { NODE_PATH: _ignored, ...env } = process.env;
    return execFileSync(process.execPath, ['-e', script], { cwd: rootDir, env }).toString();
  }

  it('falls back to @jest/core when jest itself is not resolvable', () => {
    writePackage('@jest/core', '30.1.0');

    expect(jestVersionInNode(dir)).toBe('30.1.0');
  });

  it('says "unknown" when neither package resolves', () => {
    expect(jestVersionInNode(dir)).toBe('unknown');
  });
});
