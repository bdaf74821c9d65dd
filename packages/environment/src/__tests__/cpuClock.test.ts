import { CPU_ESTIMATE_MAX_MS, CPU_READ_MIN_MS, CpuClock } from '../cpuClock';

/** A wall clock and a CPU clock that counts its readings, both set by hand. */
function clocks() {
  const state = { wall: 0, cpu: 0, reads: 0 };
  const clock = new CpuClock(
    () => state.wall,
    () => {
      state.reads += 1;
      return state.cpu;
    },
  );
  return { state, clock };
}

describe('CpuClock', () => {
  it('reads the CPU clock for near() before any reading, and when the last one is CPU_ESTIMATE_MAX_MS old', () => {
    const { state, clock } = clocks();
    state.cpu = 7;
    expect(clock.near(state.wall)).toBe(7);
    state.wall = CPU_ESTIMATE_MAX_MS;
    state.cpu = 7 + CPU_ESTIMATE_MAX_MS;
    expect(clock.near(state.wall)).toBe(7 + CPU_ESTIMATE_MAX_MS);
    expect(state.reads).toBe(2);
  });

  it('adds the wall time since the last reading when it is younger than CPU_ESTIMATE_MAX_MS', () => {
    const { state, clock } = clocks();
    state.cpu = 3;
    clock.read();
    state.wall = CPU_ESTIMATE_MAX_MS * 0.5;
    state.cpu = 3.2; // the worker waited part of that time: the estimate is off by that part
    expect(clock.near(state.wall)).toBe(3 + CPU_ESTIMATE_MAX_MS * 0.5);
    expect(state.reads).toBe(1);
  });

  it('reads every start once the worker waited CPU_READ_MIN_MS between two readings, until it runs without waiting', () => {
    const { state, clock } = clocks();
    clock.read();
    state.wall = 10;
    state.cpu = 10 - CPU_READ_MIN_MS; // preempted for CPU_READ_MIN_MS
    clock.read();
    state.wall += CPU_ESTIMATE_MAX_MS * 0.5;
    state.cpu += CPU_ESTIMATE_MAX_MS * 0.5;
    expect(clock.near(state.wall)).toBe(state.cpu);
    expect(state.reads).toBe(3);
    // That reading showed no wait: the next start is estimated again.
    state.wall += 0.5;
    state.cpu += 0.5;
    expect(clock.near(state.wall)).toBe(state.cpu);
    expect(state.reads).toBe(3);
  });

  it('takes a span under CPU_READ_MIN_MS at its wall time, and reads the end of a longer one', () => {
    const { state, clock } = clocks();
    expect(clock.since(10, CPU_READ_MIN_MS * 0.3)).toBe(CPU_READ_MIN_MS * 0.3);
    expect(clock.since(10, -0.001)).toBe(0);
    expect(state.reads).toBe(0);
    state.cpu = 25;
    expect(clock.since(10, 20)).toBe(15);
    expect(state.reads).toBe(1);
  });

  it('never gives a negative CPU time, when the worker waited longer before an estimated start than the span ran', () => {
    const { state, clock } = clocks();
    state.cpu = 100;
    clock.read();
    state.wall = CPU_ESTIMATE_MAX_MS * 0.9; // the worker waited all that time
    const start = clock.near(state.wall);
    state.wall += 5;
    state.cpu += 0.5; // a test that waited too
    expect(clock.since(start, 5)).toBe(0);
  });

  it('stands an estimate for the wall time given, and a reading for the wall time just after it', () => {
    const { state, clock } = clocks();
    clock.read();
    state.wall = 1;
    clock.near(state.wall);
    expect(clock.readWall(1)).toBe(1);
    // A reading whose system call stalled for 2 ms: what the caller times next starts after it.
    const stalling = new CpuClock(
      () => state.wall,
      () => {
        state.wall += 2;
        return 0;
      },
    );
    state.wall = 10;
    stalling.near(10);
    expect(stalling.readWall(10)).toBe(12);
  });
});
