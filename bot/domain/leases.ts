/**
 * A named, expiring right to do one piece of scheduled work (send broadcasts, send
 * reminders). Several bot processes may share one Cosmos account; the lease makes sure
 * only one of them does the work at a time, and if that one dies its lease runs out and
 * another takes over. `bot/data/cosmos/lease-store.ts` implements it with etag-guarded writes.
 */
export interface Lease {
  readonly name: string;
  readonly owner: string;
  /** Still ours: not lost to another owner and not past its expiry by our clock. */
  held(): boolean;
  /** Pushes the expiry out again; false (and `held()` false from then on) when it was lost. */
  renew(): Promise<boolean>;
  /** Gives it up at once, so another process need not wait for the expiry. */
  release(): Promise<void>;
}

export interface Leases {
  /** The lease, if nobody else holds an unexpired one; undefined otherwise. */
  acquire(name: string, owner: string, ttlMs: number): Promise<Lease | undefined>;
}
