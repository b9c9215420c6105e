import type { Deadline, DeadlineFollow } from './deadline';

/** What deadlines need from storage. `bot/data/deadline-store.ts` implements it on Cosmos. */
export interface DeadlineStore {
  getDeadline(deadlineId: string): Promise<Deadline | undefined>;
  /** Create or replace (demo data). */
  saveDeadline(deadline: Deadline): Promise<void>;
  /**
   * An organiser's change, etag-guarded: `change` sees the deadline as stored (again after
   * a concurrent write) and returns the next version, or undefined to leave it; it may
   * throw to refuse. Returns the deadline as stored afterwards (undefined: not listed).
   */
  updateDeadline(deadlineId: string, change: (current: Deadline) => Deadline | undefined): Promise<Deadline | undefined>;
  /** Creates a new deadline; false when the id is taken (decided by the store, not by a read first). */
  createDeadline(deadline: Deadline): Promise<boolean>;
  /** Open deadlines that close after `after`, soonest first. */
  listOpen(after: Date): Promise<Deadline[]>;
  /** Open deadlines closing in (from, to], soonest first (the reminder scheduler's window). */
  listClosingBetween(from: Date, to: Date): Promise<Deadline[]>;
  /** One record per (deadline, person), changed etag-guarded, so two quick clicks (Remind me, I've responded) both count. */
  updateFollow(deadlineId: string, userId: string, change: (current: DeadlineFollow | undefined) => DeadlineFollow): Promise<DeadlineFollow>;
  getFollow(deadlineId: string, userId: string): Promise<DeadlineFollow | undefined>;
  listFollows(deadlineId: string): Promise<DeadlineFollow[]>;
  listFollowsOfUser(userId: string): Promise<DeadlineFollow[]>;
}

/** What happens to copies already posted when an organiser changes a deadline (broadcasts update them). */
export interface DeadlineFollowUps {
  changed(deadline: Deadline): Promise<{ copies: number }>;
}
