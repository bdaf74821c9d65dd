/** The signals that end a Jest run early: Ctrl-C in a terminal, and a CI job's or a supervisor's stop. */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type InterruptSignal = (typeof INTERRUPT_SIGNALS)[number];

/**
 * Calls `save` once when the process gets SIGINT or SIGTERM, then lets the process end as it would have
 * without us: when no one else listens to the signal (Jest outside watch mode does not), the handler is
 * removed and the signal raised again, so the process dies of it (exit 130 / 143 in a shell) as before.
 * When another listener exists (watch mode), that listener already got the signal and decides.
 * Returns the function that removes the handlers (call it when the run ends normally).
 */
export function onInterrupt(save: (signal: InterruptSignal) => void): () => void {
  const handlers = new Map<InterruptSignal, () => void>();
  const dispose = () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    handlers.clear();
  };
  for (const signal of INTERRUPT_SIGNALS) {
    const handler = () => {
      dispose();
      try {
        save(signal);
      } finally {
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      }
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  return dispose;
}
