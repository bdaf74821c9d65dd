import { onInterrupt } from '../onInterrupt';

describe('onInterrupt', () => {
  // Another listener stands in for Jest's watch mode: with it there, the signal is not raised again.
  const other = () => {};
  beforeEach(() => {
    process.on('SIGINT', other);
    process.on('SIGTERM', other);
  });
  afterEach(() => {
    process.removeListener('SIGINT', other);
    process.removeListener('SIGTERM', other);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('saves once on %s, then stops listening', (signal) => {
    const saved: string[] = [];
    const before = process.listenerCount(signal);
    onInterrupt((got) => saved.push(got));
    expect(process.listenerCount(signal)).toBe(before + 1);

    process.emit(signal);
    process.emit(signal);

    expect(saved).toEqual([signal]);
    expect(process.listenerCount('SIGINT')).toBe(1);
    expect(process.listenerCount('SIGTERM')).toBe(1);
  });

  it('removes its handlers when the run ends normally', () => {
    const saved: string[] = [];
    const stop = onInterrupt((got) => saved.push(got));

    stop();
    process.emit('SIGINT');

    expect(saved).toEqual([]);
    expect(process.listenerCount('SIGINT')).toBe(1);
  });
});
