import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cpuClock, THREAD_SCHEDSTAT } from '../cpuClock';

describe('cpuClock', () => {
  const usage = (user: number, system: number) => () => ({ user, system });
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-cpu-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads the thread's CPU time where Node has process.threadCpuUsage, in ms", () => {
    const clock = cpuClock({ cpuUsage: usage(9_000_000, 0), threadCpuUsage: usage(1500, 500) }, null);
    expect(clock()).toBe(2);
  });

  it("reads the thread's schedstat (ns on the CPU first) where there is one, again at each reading", () => {
    const file = path.join(dir, 'schedstat');
    fs.writeFileSync(file, '123456789 500 7\n');
    const clock = cpuClock({ cpuUsage: usage(9_000_000, 0) }, file);
    expect(clock()).toBe(123.456789);
    fs.writeFileSync(file, '223456789 600 8\n');
    expect(clock()).toBe(223.456789);
  });

  it("reads the process's CPU time when there is neither (older Node off Linux, or an unreadable file)", () => {
    expect(cpuClock({ cpuUsage: usage(3000, 1000) }, path.join(dir, 'missing'))()).toBe(4);
    const garbage = path.join(dir, 'garbage');
    fs.writeFileSync(garbage, 'not a number');
    expect(cpuClock({ cpuUsage: usage(3000, 1000) }, garbage)()).toBe(4);
  });

  const linuxOnly = fs.existsSync(THREAD_SCHEDSTAT) ? it : it.skip;
  linuxOnly('on this Linux, counts work done on this thread', () => {
    const clock = cpuClock({ cpuUsage: usage(0, 0) });
    const before = clock();
    let x = 0;
    for (let i = 0; i < 2_000_000; i += 1) x += Math.sqrt(i);
    expect(x).toBeGreaterThan(0);
    expect(clock()).toBeGreaterThan(before);
  });
});
