/**
 * Single-flight for read queries.
 *
 * When many people answer the same event at once, each answer needs the event and its
 * counts. Running one query per click makes the busiest event the slowest. Instead, a
 * caller joins the next query that *starts* after it asked: if none is running, one
 * starts now; if one is running (it may have started before the caller's own write
 * landed), the caller waits for the one queued behind it, which every later caller
 * shares too. So every caller gets a result that includes its own earlier writes, and
 * at most two queries per key are ever outstanding, however many people click.
 *
 * With `reuseForMs`, a result whose query started at most that long ago is also handed
 * out: for data that changes rarely and where that much lag is harmless.
 */
/** How long a read of a rarely-changing document (an event, a deadline, a group, a call) may be reused. */
export const READ_REUSE_MS = 250;

export interface CoalesceOptions {
  reuseForMs?: number;
  now?: () => number;
}

export interface Coalesced<K, V> {
  (key: K): Promise<V>;
  /** Forget any remembered result for `key` (after this process changed it). */
  forget(key: K): void;
}

export function coalesce<K, V>(query: (key: K) => Promise<V>, options: CoalesceOptions = {}): Coalesced<K, V> {
  const reuseForMs = options.reuseForMs ?? 0;
  const now = options.now ?? Date.now;
  const running = new Map<K, Promise<V>>();
  const queued = new Map<K, Promise<V>>();
  const done = new Map<K, { startedAt: number; value: V }>();

  const start = (key: K): Promise<V> => {
    const startedAt = now();
    const promise = query(key).then(
      (value) => {
        if (reuseForMs > 0 && running.get(key) === promise) done.set(key, { startedAt, value });
        return value;
      },
    ).finally(() => {
      if (running.get(key) === promise) running.delete(key);
    });
    running.set(key, promise);
    return promise;
  };

  const get = (key: K): Promise<V> => {
    const recent = done.get(key);
    if (recent && now() - recent.startedAt <= reuseForMs) return Promise.resolve(recent.value);
    const waiting = queued.get(key);
    if (waiting) return waiting;
    const current = running.get(key);
    if (!current) return start(key);
    // Whether the running query succeeds or fails, ours starts after it settles; its
    // outcome is reported to its own callers, not ours.
    const next = current
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued.delete(key);
        return start(key);
      });
    queued.set(key, next);
    return next;
  };

  return Object.assign(get, {
    forget: (key: K) => {
      done.delete(key);
    },
  });
}
