import type { Container } from '@azure/cosmos';
import type { BookingReminder } from '../domain/workshops/book-reminders';
import type { WorkshopStore } from '../domain/workshops/ports';
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
  return {
    saveBookingReminder: (reminder) =>
      storeCall(async () => {
        const doc: ReminderDoc = { ...reminder, type: 'bookingReminder', id: reminderId(reminder.userId), ...ttlAfter(options, reminder.eventEndsAt, options.retentionDays ?? 0) };
        await container.items.upsert(doc);
      }),
    getBookingReminder: (eventId, userId) =>
      storeCall(async () => {
        const { resource } = await container.item(reminderId(userId), eventId).read<ReminderDoc>();
        return resource?.type === 'bookingReminder' ? toReminder(resource) : undefined;
      }),
    deleteBookingReminder: (eventId, userId) =>
      storeCall(async () => {
        await deleteIfPresent(container, reminderId(userId), eventId);
      }),
    listBookingReminders: (eventId) =>
      storeCall(async () =>
        (await queryAll<ReminderDoc>(container, "SELECT * FROM c WHERE c.eventId = @e AND c.type = 'bookingReminder'", [{ name: '@e', value: eventId }])).map(toReminder),
      ),
  };
}
