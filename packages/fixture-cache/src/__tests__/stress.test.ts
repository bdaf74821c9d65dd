import { type ChildProcess, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/*
 * 8 processes hammer the same few keys (tables in Arrow IPC and Parquet, and a file) through the
 * compiled package, with and without the memory layer and the lock, under a size cap that keeps
 * evicting, while this process corrupts entries between rounds. Every worker checks every value.
 */
const DIST = path.join(__dirname, '..', '..', 'dist', 'index.js');
const WORKER = path.join(__dirname, 'helpers', 'stressWorker.js');
const WORKERS = 8;
const ROUNDS = 4;
const ITERATIONS = 2;
const KEYS = [
  { id: 1, kind: 'table', format: 'arrow', rows: 3000, seed: 3 },
  { id: 2, kind: 'table', format: 'parquet', rows: 2000, seed: 5 },
  { id: 3, kind: 'table', format: 'arrow', rows: 1000, seed: 7 },
  { id: 4, kind: 'file', rows: 1000 },
];

interface Message {
  type: 'ready' | 'round' | 'error';
  message?: string;
  stats?: { rebuilds: number; misses: number; hits: number; evictions: number };
}

type Damage = (file: string) => void;
const DAMAGE: Damage[] = [
  (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3)),
  (file) => fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, 0x42)),
  (file) => fs.rmSync(file.replace(/\.[a-z]+$/, '.meta.json')),
];

/** Damages up to 3 entries of the folder; returns how many. */
function corrupt(dir: string, round: number): number {
  const data = fs
    .readdirSync(dir)
    .filter((name) => /^[0-9a-f]{64}\.(arrow|parquet|txt)$/.test(name))
    .sort()
    .slice(0, 3);
  let damaged = 0;
  data.forEach((name, i) => {
    try {
      DAMAGE[(round + i) % DAMAGE.length]?.(path.join(dir, name));
      damaged += 1;
    } catch {
      // evicted meanwhile
    }
  });
  return damaged;
}

const haveDist = fs.existsSync(DIST);
if (!haveDist) {
  console.warn(
    `stress.test.ts skipped: ${DIST} is missing. Build first: npx tsc -b packages/fixture-cache/tsconfig.build.json`,
  );
}

(haveDist ? describe : describe.skip)('8 processes sharing one cache folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-stress-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  let children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    children = [];
  });

  it('never get wrong or partial data while entries are corrupted and evicted under them', async () => {
    const env = { ...process.env, JEST_PERF_CACHE: 'on', DISABLE_TEST_CACHE: '', JEST_PERF_CACHE_DIR: '' };
    const errors: string[] = [];
    let stderr = '';
    const waiting = new Set<number>();
    let round = 0;
    let damaged = 0;
    const last = new Map<number, NonNullable<Message['stats']>>();
    const exits: Promise<number | null>[] = [];
    const stopAll = (): void => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    };

    const maybeNextRound = (): void => {
      if (waiting.size > 0 || round >= ROUNDS) return;
      if (round > 0) damaged += corrupt(dir, round);
      round += 1;
      for (let i = 0; i < WORKERS; i += 1) waiting.add(i);
      for (const child of children) if (child.connected) child.send('go');
    };

    for (let i = 0; i < WORKERS; i += 1) {
      const options = {
        dir,
        keys: KEYS,
        rounds: ROUNDS,
        iterations: ITERATIONS,
        memory: i % 2 === 0,
        lock: i % 4 !== 3,
        maxBytes: 100_000,
      };
      const child = fork(WORKER, [JSON.stringify(options)], {
        env,
        execArgv: [],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      waiting.add(i);
      child.on('message', (message: Message) => {
        if (message.type === 'error') errors.push(`worker ${i}: ${message.message}`);
        if (message.stats) last.set(i, message.stats);
        if (message.type === 'ready' || message.type === 'round') {
          waiting.delete(i);
          maybeNextRound();
        }
      });
      exits.push(
        new Promise((resolve) =>
          child.on('exit', (code) => {
            // one worker failing ends the test: the others would wait for a round that never comes
            if (code !== 0) stopAll();
            resolve(code);
          }),
        ),
      );
      children.push(child);
    }
    const watchdog = setTimeout(() => {
      errors.push(`stalled in round ${round}, waiting for workers ${[...waiting].join(', ')}`);
      stopAll();
    }, 45_000);

    const codes = await Promise.all(exits);
    clearTimeout(watchdog);

    expect(errors).toEqual([]);
    expect(stderr).not.toMatch(/Error|threw/);
    expect(codes).toEqual(Array(WORKERS).fill(0));
    expect(round).toBe(ROUNDS);
    expect(damaged).toBeGreaterThan(0);
    const totals = [...last.values()].reduce(
      (sum, s) => ({ rebuilds: sum.rebuilds + s.rebuilds, misses: sum.misses + s.misses, hits: sum.hits + s.hits }),
      { rebuilds: 0, misses: 0, hits: 0 },
    );
    expect(totals.hits + totals.misses).toBe(WORKERS * ROUNDS * ITERATIONS * KEYS.length);
    expect(totals.rebuilds).toBeGreaterThan(0); // the damage was seen, and repaired
    expect(stderr).toContain('discarded corrupt entry');
  }, 60_000);
});
