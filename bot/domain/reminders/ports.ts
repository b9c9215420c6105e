/**
 * What became of each due reminder of one subject (an event or a deadline), kept so that
 * every bot process agrees and a restart does not send or log a reminder again.
 */
export interface SlotRecord {
  state: 'queued' | 'dropped';
  /** UTC instant of the decision. */
  at: string;
  /** Queued: the broadcast that sends it (bot/jobs/broadcasts does the sending). */
  broadcastId?: string;
  /** Dropped: why, in words ("the event has started"). */
  reason?: string;
}

export interface ReminderRecord {
  /** The subject's key ("event:<id>", "deadline:<id>"). */
  subject: string;
  slots: Record<string, SlotRecord>;
}

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
