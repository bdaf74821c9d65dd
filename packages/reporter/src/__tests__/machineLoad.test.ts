import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  type CpuSnapshot,
  listedChildPids,
  machineLoad,
  parsePidStat,
  parseProcStat,
  readCpuPressure,
} from '../machineLoad';

function snapshot(
  at: number,
  busy: number,
  total: number,
  ownMs: number,
  children: [number, number][] = [],
): CpuSnapshot {
  return { at, machine: { busy, total }, ownMs, childrenMs: new Map(children) };
}

describe('parseProcStat', () => {
  it('reads busy and total jiffies from the first line, idle and iowait not busy', () => {
    const text = 'cpu  100 5 50 800 20 3 2 10 0 0\ncpu0 50 2 25 400 10 1 1 5 0 0\n';
    expect(parseProcStat(text)).toEqual({ busy: 170, total: 990 });
  });

  it('is null for anything else', () => {
    expect(parseProcStat('intr 1 2 3')).toBeNull();
    expect(parseProcStat('cpu  a b c d')).toBeNull();
  });
});

describe('parsePidStat', () => {
  it('reads the parent pid and user + system time, whatever the command name holds', () => {
    const text = '4242 (jest worker (1)) S 4000 4242 4000 0 -1 4194560 1 0 0 0 150 30 0 0 20 0 11 0 1 2 3';
    expect(parsePidStat(text)).toEqual({ ppid: 4000, cpuMs: 1800, childrenCpuMs: 0 });
    const waited = '4000 (node) S 1 4000 1 0 -1 4194560 1 0 0 0 100 20 250 50 20 0 11 0 1 2 3';
    // Jest's own process, with the worker processes it has ended and waited for.
    expect(parsePidStat(waited)).toEqual({ ppid: 1, cpuMs: 1200, childrenCpuMs: 3000 });
  });

  it('is null for a line it cannot read', () => {
    expect(parsePidStat('garbage')).toBeNull();
  });
});

describe('readCpuPressure', () => {
  it('takes the "some" avg60 percentage', () => {
    expect(
      readCpuPressure('some avg10=1.50 avg60=12.25 avg300=3.00 total=1\nfull avg10=0 avg60=0 avg300=0 total=0'),
    ).toBe(12.25);
    expect(readCpuPressure(null)).toBeNull();
  });
});

describe('machineLoad', () => {
  it("counts the machine's busy share minus this run's own processes as others' share", () => {
    // 10 s on 2 cores: 60 % of the machine busy; the run used 4 s of its main process and 4 s of a worker.
    const start = snapshot(0, 1000, 10_000, 500, [[7, 100]]);
    const end = snapshot(10_000, 7000, 20_000, 4500, [
      [7, 4100],
      [8, 0],
    ]);
    const load = machineLoad(start, end, 2, 1.2, 30);

    expect(load).toEqual({ othersCpuShare: 0.2, loadPerCore: 0.6, cpuPressure: 30, busy: false });
  });

  it('calls the machine busy when others used a quarter of it or more', () => {
    const load = machineLoad(snapshot(0, 0, 10_000, 0), snapshot(10_000, 8000, 20_000, 5000), 2, 3, null);

    expect(load.othersCpuShare).toBe(0.55);
    expect(load.busy).toBe(true);
  });

  it('falls back on the load average where /proc/stat does not exist', () => {
    const none: CpuSnapshot = { at: 0, machine: null, ownMs: 0, childrenMs: new Map() };
    expect(machineLoad(none, { ...none, at: 1000 }, 2, 4, null)).toEqual({
      othersCpuShare: null,
      loadPerCore: 2,
      cpuPressure: null,
      busy: true,
    });
    expect(machineLoad(none, { ...none, at: 1000 }, 2, 1, null).busy).toBe(false);
  });
});

describe('listedChildPids', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-proc-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reads the children of each of the process's threads", () => {
    for (const [tid, children] of [
      ['100', '200 201 '],
      ['101', ''],
      ['102', '202'],
    ] as const) {
      fs.mkdirSync(path.join(dir, 'task', tid), { recursive: true });
      fs.writeFileSync(path.join(dir, 'task', tid, 'children'), children);
    }

    expect(listedChildPids(dir)?.sort()).toEqual([200, 201, 202]);
  });

  it('is null where the kernel does not list children, so the caller scans /proc', () => {
    fs.mkdirSync(path.join(dir, 'task', '100'), { recursive: true });

    expect(listedChildPids(dir)).toBeNull();
    expect(listedChildPids(path.join(dir, 'missing'))).toBeNull();
  });

  it('lists a child this process started, on Linux', async () => {
    // Kernels without CONFIG_PROC_CHILDREN (and other systems) list none: the scan covers them.
    if (!fs.existsSync(`/proc/self/task/${process.pid}/children`)) return;
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
    try {
      expect(listedChildPids()).toContain(child.pid);
    } finally {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
