import type { Container } from '@azure/cosmos';
import type { BookingReminder } from '../domain/workshops/book-reminders';
import type { WorkshopStore } from '../domain/workshops/ports';
import { coalesce, READ_REUSE_MS } from './cosmos/coalesce';
import { deleteIfPresent } from './cosmos/documents';
import { storeCall } from './cosmos/errors';
import { queryAll } from './cosmos/query';
import { ttlAfter, type TtlOptions } from './cosmos/ttl';

/**
 * "Remind me to book" requests, in the workshop's partition of the events container:
 *   { type: "bookingReminder", id: "bookrem:<userId>", eventId, userId, userName?, requestedAt, eventEndsAt }
 * The id is derived from (workshop, person), so asking twice leaves one; in Azure each
 * carries a Cosmos TTL, RETENTION_DAYS after the workshop, like the answers beside it.
 */
type ReminderDoc = BookingReminder & { type: 'bookingReminder'; id: string; ttl?: number };

const reminderId = (userId: string): string => `bookrem:${userId}`;

const toReminder = (doc: ReminderDoc): BookingReminder => ({
  eventId: doc.eventId,
  userId: doc.userId,
  ...(doc.userName ? { userName: doc.userName } : {}),
  requestedAt: doc.requestedAt,
  eventEndsAt: doc.eventEndsAt,
});

type Methods = Pick<WorkshopStore, 'saveBookingReminder' | 'getBookingReminder' | 'deleteBookingReminder' | 'listBookingReminders'>;

export function bookingReminderMethods(container: Container, options: TtlOptions): Methods {
  // Every view of a workshop asks whether its viewer wants a reminder, and every booking
  // clears the booker's: hundreds at once in a burst. So they share one query of who
  // asked (the ids only; reused for READ_REUSE_MS, as an event is, and forgotten at once
  // when this process changes one), and only someone who asked costs a read or a delete.
  const askedBy = coalesce(async (eventId: string) =>
    new Set(await queryAll<string>(container, "SELECT VALUE c.userId FROM c WHERE c.eventId = @e AND c.type = 'bookingReminder'", [{ name: '@e', value: eventId }], eventId)),
    { reuseForMs: READ_REUSE_MS },
  );
  return {
    saveBookingReminder: (reminder) =>
      storeCall(async () => {
        const doc: ReminderDoc = { ...reminder, type: 'bookingReminder', id: reminderId(reminder.userId), ...ttlAfter(options, reminder.eventEndsAt, options.retentionDays ?? 0) };
        try {
          await container.items.upsert(doc);
        } finally {
          askedBy.forget(reminder.eventId);
        }
      }),
    getBookingReminder: (eventId, userId) =>
      storeCall(async () => {
        if (!(await askedBy(eventId)).has(userId)) return undefined;
        const { resource } = await container.item(reminderId(userId), eventId).read<ReminderDoc>();
        return resource?.type === 'bookingReminder' ? toReminder(resource) : undefined;
      }),
    deleteBookingReminder: (eventId, userId) =>
      storeCall(async () => {
        if (!(await askedBy(eventId)).has(userId)) return;
        try {
          await deleteIfPresent(container, reminderId(userId), eventId);
        } finally {
          askedBy.forget(eventId);
        }
      }),
    listBookingReminders: (eventId) =>
      storeCall(async () =>
        (await queryAll<ReminderDoc>(container, "SELECT * FROM c WHERE c.eventId = @e AND c.type = 'bookingReminder'", [{ name: '@e', value: eventId }])).map(toReminder),
      ),
  };
}
