import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunLoad } from '@jest-perf/core';
import { BUSY_OTHERS_SHARE } from '@jest-perf/core/recording';

/** Load average per core from which a machine without `/proc/stat` counts as busy (it counts our workers). */
const BUSY_LOAD_PER_CORE = 1.5;

/** CPU counters at one moment: the machine's (jiffies) and this run's own (ms). */
export interface CpuSnapshot {
  at: number;
  /** Busy and total jiffies of all cores from `/proc/stat`; null where it does not exist. */
  machine: { busy: number; total: number } | null;
  /**
   * CPU ms of Jest's process (its worker threads included) and of its children that have ended (Jest ends
   * its worker processes before reporters hear that the run is complete).
   */
  ownMs: number;
  /** CPU ms of each child process (Jest's worker processes) by pid, from `/proc/<pid>/stat`. */
  childrenMs: Map<number, number>;
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The first line of `/proc/stat` as busy and total jiffies. */
export function parseProcStat(text: string): { busy: number; total: number } | null {
  const line = text.split('\n', 1)[0] ?? '';
  if (!line.startsWith('cpu ')) return null;
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  if (fields.length < 4 || fields.some((n) => !Number.isFinite(n))) return null;
  // user nice system idle iowait irq softirq steal (guest time is already counted in user).
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.slice(0, 8).reduce((sum, n) => sum + n, 0);
  return { busy: total - idle, total };
}

/**
 * `utime + stime` (ms), the same for the children it has waited for (`cutime + cstime`), and the parent pid,
 * from a `/proc/<pid>/stat` line.
 */
export function parsePidStat(
  text: string,
  ticksPerSecond = 100,
): { ppid: number; cpuMs: number; childrenCpuMs: number } | null {
  // The command name is in parentheses and may hold spaces: fields start after the last ')'.
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const fields = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const ppid = Number(fields[1]);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const cutime = Number(fields[13] ?? 0);
  const cstime = Number(fields[14] ?? 0);
  if (![ppid, utime, stime, cutime, cstime].every(Number.isFinite)) return null;
  return {
    ppid,
    cpuMs: ((utime + stime) * 1000) / ticksPerSecond,
    childrenCpuMs: ((cutime + cstime) * 1000) / ticksPerSecond,
  };
}

/**
 * Pids of this process's children, from each of its threads' `task/<tid>/children` (a child is listed under
 * the thread that started it): a dozen small reads, where scanning `/proc` reads the stat file of every
 * process on the machine (hundreds on a desktop), twice a run. Null where the kernel lists no children
 * (built without CONFIG_PROC_CHILDREN, or not Linux): the caller scans instead.
 */
export function listedChildPids(processDir = '/proc/self'): number[] | null {
  let tasks: string[];
  try {
    tasks = fs.readdirSync(path.join(processDir, 'task'));
  } catch {
    return null;
  }
  const pids: number[] = [];
  for (const task of tasks) {
    const text = readText(path.join(processDir, 'task', task, 'children'));
    if (text === null) return null;
    for (const pid of text.split(' ')) if (pid.trim() !== '') pids.push(Number(pid));
  }
  return pids;
}

/** Every process's pid, for {@link childrenCpu} where the kernel lists no children. */
function allPids(): number[] {
  try {
    return fs
      .readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number);
  } catch {
    return [];
  }
}

function childrenCpu(): Map<number, number> {
  const children = new Map<number, number>();
  for (const pid of listedChildPids() ?? allPids()) {
    const text = readText(`/proc/${pid}/stat`);
    const stat = text ? parsePidStat(text) : null;
    if (stat && stat.ppid === process.pid) children.set(pid, stat.cpuMs);
  }
  return children;
}

/** Reads the CPU counters now. */
export function cpuSnapshot(): CpuSnapshot {
  const stat = readText('/proc/stat');
  const selfStat = readText('/proc/self/stat');
  const self = selfStat ? parsePidStat(selfStat) : null;
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    machine: stat ? parseProcStat(stat) : null,
    ownMs: self ? self.cpuMs + self.childrenCpuMs : (usage.user + usage.system) / 1000,
    childrenMs: stat ? childrenCpu() : new Map(),
  };
}

/** `/proc/pressure/cpu` "some" avg60, where the kernel exposes it. */
export function readCpuPressure(text: string | null = readText('/proc/pressure/cpu')): number | null {
  const match = text ? /some\s+avg10=[\d.]+\s+avg60=([\d.]+)/.exec(text) : null;
  return match ? Number(match[1]) : null;
}

/**
 * How busy the machine was between two snapshots, besides this run: the share of all cores that were
 * busy minus the share this run's processes used. Jest's worker processes are counted from their own
 * CPU time (they start during the run, so all of it is this run's).
 */
export function machineLoad(
  start: CpuSnapshot,
  end: CpuSnapshot,
  cores = os.cpus().length,
  loadAverage = os.loadavg()[0] ?? 0,
  cpuPressure = readCpuPressure(),
): RunLoad {
  const loadPerCore = Math.round((loadAverage / Math.max(1, cores)) * 100) / 100;
  let othersCpuShare: number | null = null;
  if (start.machine && end.machine && end.machine.total > start.machine.total) {
    const busyShare = (end.machine.busy - start.machine.busy) / (end.machine.total - start.machine.total);
    let ownMs = end.ownMs - start.ownMs;
    for (const [pid, ms] of end.childrenMs) ownMs += ms - (start.childrenMs.get(pid) ?? 0);
    const wallMs = Math.max(1, end.at - start.at);
    const ownShare = ownMs / (wallMs * Math.max(1, cores));
    othersCpuShare = Math.round(Math.min(1, Math.max(0, busyShare - ownShare)) * 1000) / 1000;
  }
  const busy = othersCpuShare !== null ? othersCpuShare >= BUSY_OTHERS_SHARE : loadPerCore >= BUSY_LOAD_PER_CORE;
  return { othersCpuShare, loadPerCore, cpuPressure, busy };
}
