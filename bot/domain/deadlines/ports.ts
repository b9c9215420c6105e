import type { Deadline, DeadlineFollow } from './deadline';

/** What deadlines need from storage. `bot/data/deadline-store.ts` implements it on Cosmos. */
export interface DeadlineStore {
  getDeadline(deadlineId: string): Promise<Deadline | undefined>;
  /** Create or replace (demo data, organisers' edits). */
  saveDeadline(deadline: Deadline): Promise<void>;
  /** Creates a new deadline; false when the id is taken (decided by the store, not by a read first). */
  createDeadline(deadline: Deadline): Promise<boolean>;
  /** Open deadlines that close after `after`, soonest first. */
  listOpen(after: Date): Promise<Deadline[]>;
  /** Open deadlines closing in (from, to], soonest first (the reminder scheduler's window). */
  listClosingBetween(from: Date, to: Date): Promise<Deadline[]>;
  /** Idempotent: one record per (deadline, person). */
  saveFollow(follow: DeadlineFollow): Promise<void>;
  getFollow(deadlineId: string, userId: string): Promise<DeadlineFollow | undefined>;
  listFollows(deadlineId: string): Promise<DeadlineFollow[]>;
  listFollowsOfUser(userId: string): Promise<DeadlineFollow[]>;
}

/** What happens to copies already posted when an organiser changes a deadline (broadcasts update them). */
export interface DeadlineFollowUps {
  changed(deadline: Deadline): Promise<{ copies: number }>;
}
