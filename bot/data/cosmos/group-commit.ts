/**
 * Group commit for independent writes to one partition.
 *
 * When many people answer the same event at once, each answer is one small upsert into
 * the event's partition. Sending them one request each spends most of the time in
 * per-request overhead (client pipeline, signing, HTTP, server routing). Instead, writes
 * for a key that arrive while an earlier write for that key is in flight wait and go
 * together in the next request (a Cosmos transactional batch, up to `maxBatch`). Nothing
 * waits on a timer: a write that finds nothing in flight is sent at once, so at low load
 * this is exactly one request per write. Every caller learns its own outcome only after
 * the request carrying its write has completed.
 *
 * `commit` may return one result per item it was given (in the same order): each caller
 * then gets the result for its own item. Workshop bookings use this: requests for one
 * workshop are decided together, in arrival order, by one etag-guarded ledger write.
 */
export interface GroupCommitOptions<T> {
  maxBatch: number;
  /**
   * Writes with the same id in one batch are merged, the latest winning (a transactional
   * batch may not repeat an id); merged callers share that write's result. Without it,
   * every item is committed in arrival order.
   */
  idOf?: (item: T) => string;
  /**
   * Before each commit, hand the event loop back up to this many times while more items
   * keep arriving (default 0: commit at once). For a commit whose cost grows with what it
   * rewrites rather than with its items (a workshop's whole ledger), a burst then costs a
   * few large commits instead of one per handful of arrivals; a lone item waits one turn
   * of the loop, with no timer.
   */
  gatherRounds?: number;
}

interface Waiter<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export function groupCommit<K, T, R = void>(
  commit: (key: K, items: T[]) => Promise<readonly R[] | void>,
  options: GroupCommitOptions<T>,
): (key: K, item: T) => Promise<R> {
  const queues = new Map<K, Waiter<T, R>[]>();
  const busy = new Set<K>();

  /** The items to send and, for each waiter, the index of the item carrying its write. */
  const itemsOf = (waiters: Waiter<T, R>[]): { items: T[]; indexOf: number[] } => {
    const idOf = options.idOf;
    if (!idOf) return { items: waiters.map((w) => w.item), indexOf: waiters.map((_, i) => i) };
    const latest = new Map<string, T>();
    for (const w of waiters) latest.set(idOf(w.item), w.item);
    const index = new Map([...latest.keys()].map((id, i) => [id, i]));
    return { items: [...latest.values()], indexOf: waiters.map((w) => index.get(idOf(w.item))!) };
  };

  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const gather = async (key: K): Promise<void> => {
    for (let round = 0; round < (options.gatherRounds ?? 0); round++) {
      const before = queues.get(key)?.length ?? 0;
      if (before >= options.maxBatch) return;
      await nextTurn();
      if ((queues.get(key)?.length ?? 0) === before) return;
    }
  };

  const flush = async (key: K): Promise<void> => {
    // Without gathering, the first write goes out in this very turn (nothing else can join it).
    if (options.gatherRounds) await gather(key);
    const queue = queues.get(key) ?? [];
    const waiters = queue.splice(0, options.maxBatch);
    if (waiters.length === 0) {
      busy.delete(key);
      queues.delete(key);
      return;
    }
    const { items, indexOf } = itemsOf(waiters);
    try {
      const results = await commit(key, items);
      waiters.forEach((w, i) => w.resolve(results ? (results[indexOf[i]!] as R) : (undefined as R)));
    } catch (error) {
      waiters.forEach((w) => w.reject(error));
    }
    await flush(key);
  };

  return (key, item) =>
    new Promise<R>((resolve, reject) => {
      const queue = queues.get(key) ?? [];
      queue.push({ item, resolve, reject });
      queues.set(key, queue);
      if (!busy.has(key)) {
        busy.add(key);
        void flush(key);
      }
    });
}
