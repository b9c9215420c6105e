import type { ReminderRecord, SlotRecord } from './reminders';

/** `bot/data/reminder-store.ts` implements it on Cosmos. */
export interface ReminderStore {
  /** The records of these subjects (those that have one). */
  getMany(subjects: readonly string[]): Promise<Map<string, ReminderRecord>>;
  /**
   * Records the decision about one slot unless the slot already has one (etag-guarded):
   * true when this call recorded it, so of two processes deciding at once one wins.
   */
  markSlot(subject: string, slotKey: string, record: SlotRecord): Promise<boolean>;
}
