import type { Container } from '@azure/cosmos';
import { eventSchema, type NlcEvent } from '../domain/events/event';
import type { EventStore } from '../domain/events/ports';
import { cachedDocuments } from './cosmos/cached-documents';
import { storeCall } from './cosmos/errors';
import { queryAll } from './cosmos/query';
import { ttlAfter, type TtlOptions } from './cosmos/ttl';
import { createRsvpStore } from './rsvp-store';

/**
 * Events container layout (partition key /eventId):
 *   { type: "event", id: <eventId>, eventId, ...event }
 * with the event's RSVPs beside it (rsvp-store.ts) and, for a workshop, its booking ledger
 * and export grants (workshop-store.ts).
 */
type EventDoc = NlcEvent & { type: 'event'; eventId: string; ttl?: number };

/**
 * Parsing on the way out means a hand-edited or older document cannot reach a card
 * half-formed; extra fields (Cosmos' _etag, _ts...) are dropped by the schema. Events are
 * read on every card view and changed rarely, so reads are shared (cosmos/cached-documents.ts).
 */
const toEvent = (doc: unknown): NlcEvent => eventSchema.parse(doc);

/** In Azure, event and answer documents carry a Cosmos TTL: RETENTION_DAYS after the event. */
export function createEventStore(container: Container, options: TtlOptions = {}): EventStore {
  const events = cachedDocuments<NlcEvent, EventDoc>(container, {
    locate: (eventId) => ({ id: eventId, partitionKey: eventId }),
    keyOf: (event) => event.id,
    toDoc: (event) => ({ ...eventSchema.parse(event), type: 'event', eventId: event.id, ...ttlAfter(options, event.endsAt, options.retentionDays ?? 0) }),
    fromDoc: (doc) => (doc.type === 'event' ? toEvent(doc) : undefined),
  });
  const scheduled = async (query: string, parameters: { name: string; value: string | number }[]): Promise<NlcEvent[]> =>
    (await queryAll<EventDoc>(container, query, parameters)).map(toEvent);
  return {
    ...createRsvpStore(container, options),
    getEvent: events.get,
    saveEvent: events.save,
    createEvent: events.create,
    updateEvent: events.update,
    listUpcoming: (after, limit) =>
      storeCall(() =>
        scheduled("SELECT TOP @limit * FROM c WHERE c.type = 'event' AND c.status = 'scheduled' AND c.endsAt > @after ORDER BY c.startsAt", [
          { name: '@limit', value: limit },
          { name: '@after', value: after.toISOString() },
        ]),
      ),
    listProgramme: () => storeCall(() => scheduled("SELECT * FROM c WHERE c.type = 'event' ORDER BY c.startsAt", [])),
    listBookingClosingBetween: (from, to) =>
      storeCall(() =>
        scheduled("SELECT * FROM c WHERE c.type = 'event' AND c.kind = 'workshop' AND c.status = 'scheduled' AND c.booking.deadline > @from AND c.booking.deadline <= @to", [
          { name: '@from', value: from.toISOString() },
          { name: '@to', value: to.toISOString() },
        ]),
      ),
    listStartingBetween: (from, to) =>
      storeCall(() =>
        scheduled("SELECT * FROM c WHERE c.type = 'event' AND c.status = 'scheduled' AND c.startsAt > @from AND c.startsAt <= @to ORDER BY c.startsAt", [
          { name: '@from', value: from.toISOString() },
          { name: '@to', value: to.toISOString() },
        ]),
      ),
  };
}
