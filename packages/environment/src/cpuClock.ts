import * as fs from 'node:fs';

/** A clock in ms. */
export type Clock = () => number;

type CpuUsageReader = () => NodeJS.CpuUsage;

/** The calling thread's scheduler statistics on Linux: its time on the CPU (ns) comes first. */
export const THREAD_SCHEDSTAT = '/proc/thread-self/schedstat';

/**
 * The CPU clock tests are timed with, in ms, of the thread that runs them wherever it can be read:
 * - `process.threadCpuUsage` (Node 22.19+ and 23.9+);
 * - else, on Linux, the thread's `schedstat`, read from a file descriptor kept open (one `pread` a reading);
 * - else the whole process's `process.cpuUsage`, which also counts garbage-collection and compiler threads
 *   (and every worker under Jest's `workerThreads`).
 * Why not always `process.cpuUsage`: in a busy worker, one call in a hundred of its `getrusage` took a
 * millisecond or more (the process descheduled there), ten times as often as a `schedstat` read, and at two
 * readings a test that was most of tracking's cost on a suite of fast tests (docs/benchmarks.md); and a
 * thread's own time keeps a garbage collection on another thread out of a 1 ms test.
 */
export function cpuClock(
  proc: { cpuUsage: CpuUsageReader; threadCpuUsage?: CpuUsageReader } = process,
  schedstat: string | null = THREAD_SCHEDSTAT,
): Clock {
  const thread = proc.threadCpuUsage;
  if (thread) return usageClock(thread.bind(proc));
  const fromSchedstat = schedstat === null ? null : schedstatClock(schedstat);
  return fromSchedstat ?? usageClock(proc.cpuUsage.bind(proc));
}

function usageClock(read: CpuUsageReader): Clock {
  return () => {
    const usage = read();
    return (usage.user + usage.system) / 1000;
  };
}

/** A clock reading `file` (opened now, by the thread that will read it), or null when it cannot be read. */
function schedstatClock(file: string): Clock | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  const buffer = Buffer.alloc(64);
  const read = (): number => {
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    let ns = 0;
    let digits = 0;
    for (; digits < length; digits += 1) {
      const code = buffer[digits] as number;
      if (code < 0x30 || code > 0x39) break;
      ns = ns * 10 + (code - 0x30);
    }
    return digits === 0 ? Number.NaN : ns / 1e6;
  };
  try {
    if (Number.isFinite(read())) return read;
  } catch {
    // not readable after all: fall through
  }
  fs.closeSync(fd);
  return null;
}
