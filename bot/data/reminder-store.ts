import type { Container } from '@azure/cosmos';
import type { ReminderStore } from '../domain/reminders/ports';
import type { ReminderRecord, SlotRecord } from '../domain/reminders/reminders';
import { storeCall } from './cosmos/errors';
import { readModifyWrite } from './cosmos/etag';
import { queryIn } from './cosmos/query';

/**
 * Reminders container (partition key /id): one small document per subject that has had a
 * reminder fall due,
 *   { id: "event:<eventId>" | "deadline:<deadlineId>", slots: { "<days>d@<dueAt>": { state, at, broadcastId | reason } } }
 * The scheduler reads these for the subjects in its window on every run, so the container
 * holds one document per subject, never one per person: a scan of it stays cheap
 * (the embedded server scans whole containers). The per-person work is in the broadcast
 * each queued slot points to.
 */
type ReminderDoc = { id: string; slots: Record<string, SlotRecord> };

const toRecord = (doc: ReminderDoc): ReminderRecord => ({ subject: doc.id, slots: doc.slots ?? {} });

export function createReminderStore(container: Container): ReminderStore {
  return {
    getMany: (subjects) =>
      storeCall(async () => {
        const found = new Map<string, ReminderRecord>();
        const docs = await queryIn<ReminderDoc>(container, [...new Set(subjects)], (list) => `SELECT * FROM c WHERE c.id IN (${list})`);
        for (const doc of docs) found.set(doc.id, toRecord(doc));
        return found;
      }),

    markSlot: (subject, slotKey, record) =>
      storeCall(async () => {
        let marked = false;
        await readModifyWrite<ReminderDoc>(container, subject, subject, (current) => {
          marked = !current?.slots?.[slotKey];
          return marked ? { id: subject, slots: { ...current?.slots, [slotKey]: record } } : undefined;
        });
        return marked;
      }),
  };
}
