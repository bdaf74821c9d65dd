/** A clock in ms: the wall clock (`performance.now`) or the CPU clock ({@link processCpuMs}). */
export type Clock = () => number;

/**
 * The worker's CPU time so far (user + system), in ms: `getrusage(RUSAGE_SELF)`, exact to the call. The
 * thread's own clocks are not: `process.threadCpuUsage` (RUSAGE_THREAD) and `/proc/thread-self/schedstat`
 * advance only at scheduler ticks and switches, so a 1 ms test read 0 or 3 ms (measured: docs/benchmarks.md).
 */
export function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * A test or a `beforeAll`/`afterAll` call that took less wall time than this gets that wall time as its CPU
 * time: its end is not read. The two differ by less than this (the span can only lose CPU time to waiting or
 * preemption), far below what a check judges on CPU time (its minimum impact is 100 ms).
 */
export const CPU_READ_MIN_MS = 1;

/**
 * A span that starts less than this after the last reading, while the worker has been running without
 * waiting (see {@link CpuClock.near}), starts from that reading plus the wall time since: its start is not
 * read. Jest spends 1-3 ms of a worker between two tests (its events, the result it sends to the main
 * process), so at 3 ms most tests of a fast suite start unread.
 */
export const CPU_ESTIMATE_MAX_MS = 3;

/**
 * The CPU clock of one test file's recording, read as seldom as its accuracy allows. A reading is a system
 * call: in situ in a Jest worker it costs tens of µs (0.6 µs in a tight loop), and at one or two per test the
 * readings were most of tracking's cost on a suite of fast tests (docs/benchmarks.md).
 */
export class CpuClock {
  private lastCpu = 0;
  private lastWall = Number.NEGATIVE_INFINITY;
  /** Whether the worker waited or was preempted for less than CPU_READ_MIN_MS between the last two readings. */
  private running = true;

  constructor(
    private readonly wallNow: Clock,
    private readonly readCpu: Clock = processCpuMs,
  ) {}

  /** Reads the CPU clock: exact. */
  read(): number {
    const cpu = this.readCpu();
    // After the reading: a system call that stalled is not part of what comes next.
    const wall = this.wallNow();
    // The first reading has nothing to compare with.
    this.running =
      wall - this.lastWall - (cpu - this.lastCpu) < CPU_READ_MIN_MS || this.lastWall === Number.NEGATIVE_INFINITY;
    this.lastCpu = cpu;
    this.lastWall = wall;
    return cpu;
  }

  /**
   * The CPU clock at `wall`, a wall reading the caller just took: the last reading plus the wall time since,
   * when that reading is younger than {@link CPU_ESTIMATE_MAX_MS} and the worker ran without waiting between
   * the two readings before (it then ran Jest's code; the estimate is off by the time it waited or was
   * preempted since, or by the CPU time its other threads spent); else a new reading, which stands for the wall
   * time just after it ({@link readWall}). Once the worker waited for {@link CPU_READ_MIN_MS} or more between two
   * readings, every start is read until it runs without waiting again.
   */
  near(wall: number): number {
    const since = wall - this.lastWall;
    return this.running && since < CPU_ESTIMATE_MAX_MS ? this.lastCpu + Math.max(0, since) : this.read();
  }

  /**
   * The wall time a {@link near} value at `wall` stands for: `wall`, or the wall clock just after the reading
   * when it took one. Timing from there leaves the reading's system call out, which can stall in a busy worker.
   */
  readWall(wall: number): number {
    return Math.max(wall, this.lastWall);
  }

  /**
   * CPU time since `startCpu` (a {@link near} reading), `wallMs` of wall time ago: that wall time under
   * {@link CPU_READ_MIN_MS}, else the difference with a new reading. Never negative: an estimated start is
   * ahead of the clock by the time the worker waited before it, which a span that waited too can fall short of.
   */
  since(startCpu: number, wallMs: number): number {
    return Math.max(0, wallMs < CPU_READ_MIN_MS ? wallMs : this.read() - startCpu);
  }
}
