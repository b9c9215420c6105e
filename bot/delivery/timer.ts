/**
 * Pacing time: how long to wait before the next send. Separate from the business clock
 * (`Clock`), which says what day it is and when a lease or a retry falls due: a test can
 * hold the business clock still while real sends are paced in real time, and a unit
 * test can run pacing on a virtual timer that never waits at all.
 */
export interface Timer {
  /** Milliseconds on a monotonic scale (only differences mean anything). */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason if it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTimer: Timer = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortReason(signal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : Object.assign(new Error('aborted'), { name: 'AbortError' });
}

/** Ends a nap that is no longer needed: one shared reason, not a DOMException (and its stack) per nap. */
const NAP_OVER = Object.assign(new Error('nap over'), { name: 'AbortError' });

/**
 * Sleeps `ms`, or less if `wake` settles first; rejects with the reason if `signal` is
 * aborted. Either way the timer is cleared at once. Why not `AbortSignal.any`: on Node
 * 20 each composite signal is held through WeakRefs, which a young-generation GC treats
 * as strong, so every nap reached old space, and its WeakRef stayed in the long-lived
 * signal's set until that aborted (docs/benchmarks.md, "Soak").
 */
export async function napUnless(timer: Timer, ms: number, wake: Promise<unknown>, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  const nap = new AbortController();
  const stop = (): void => nap.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.race([timer.sleep(ms, nap.signal), wake]);
  } finally {
    signal?.removeEventListener('abort', stop);
    nap.abort(NAP_OVER);
  }
}

export const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';

/** `promise`, or the signal's abort, whichever comes first. */
export function abortable(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      reject,
    );
  });
}
