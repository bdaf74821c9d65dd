import { COMPUTES_SHARE } from '@jest-perf/regression';
import { ADVICE_MIN_MS, COMPUTE_ADVICE, formatTimeKind, timeKind, WAIT_ADVICE } from '../timeKind';

describe('timeKind', () => {
  it('calls a test that spends little of its wall time on the CPU one that waits, counting the wait', () => {
    const time = timeKind(10_000, 200);

    expect(time).toEqual({ kind: 'waits', ms: 9_800, ofMs: 10_000, cpuShare: 0.02, advice: WAIT_ADVICE });
    expect(formatTimeKind(time!)).toBe(
      'waits 9.80 s of 10.00 s: mock or fake the wait (timers, network, child processes)',
    );
  });

  it('calls a test that mostly runs on the CPU one that computes, counting its CPU time', () => {
    const time = timeKind(2_000, 1_900);

    expect(time).toMatchObject({ kind: 'computes', ms: 1_900, ofMs: 2_000, advice: COMPUTE_ADVICE });
    expect(formatTimeKind(time!)).toBe("computes 1.90 s of 2.00 s: cache the work or widen the fixture's scope");
  });

  it("uses the regression gate's share: exactly COMPUTES_SHARE computes, just under it waits", () => {
    expect(timeKind(1_000, 1_000 * COMPUTES_SHARE)?.kind).toBe('computes');
    expect(timeKind(1_000, 1_000 * COMPUTES_SHARE - 1)?.kind).toBe('waits');
  });

  it('never counts more CPU time than wall time (threads can use more than one core)', () => {
    expect(timeKind(500, 900)).toMatchObject({ kind: 'computes', ms: 500, ofMs: 500, cpuShare: 1.8 });
  });

  it('advises only on tests long enough for a fix to matter (the gate judges nothing under 100 ms)', () => {
    expect(formatTimeKind(timeKind(5, 1)!)).toBe('waits 4 ms of 5 ms');
    expect(formatTimeKind(timeKind(37, 37)!)).toBe('computes 37 ms of 37 ms');
    expect(formatTimeKind(timeKind(ADVICE_MIN_MS, 10)!)).toBe(`waits 90 ms of 100 ms: ${WAIT_ADVICE}`);
  });

  it('says nothing when CPU time was not measured or the test took no time', () => {
    expect(timeKind(10_000, undefined)).toBeNull();
    expect(timeKind(0, 0)).toBeNull();
  });
});
