import type { Container } from '@azure/cosmos';
import { eventSchema, type NlcEvent } from '../domain/events/event';
import type { EventStore } from '../domain/events/ports';
import { emptyCounts, type Rsvp, type RsvpCounts, rsvpResponseSchema } from '../domain/events/rsvp';
import { coalesce, READ_REUSE_MS } from './cosmos/coalesce';
import { ttlAfter, type TtlOptions } from './cosmos/ttl';
import { batchedWriter } from './cosmos/batch';
import { createOnce } from './cosmos/create-once';
import { storeCall } from './cosmos/errors';
import { readModifyWrite } from './cosmos/etag';

/**
 * Events container layout (partition key /eventId):
 *   { type: "event", id: <eventId>, eventId, ...event }
 *   { type: "rsvp",  id: "rsvp:<userId>", eventId, userId, response, ... }
 * RSVPs live in their event's partition, so the counts are a single-partition query and
 * the RSVP id is derived from (event, user): writing it twice leaves one document.
 */
type EventDoc = NlcEvent & { type: 'event'; eventId: string; ttl?: number };
type RsvpDoc = Rsvp & { type: 'rsvp'; id: string; ttl?: number };

const rsvpId = (userId: string): string => `rsvp:${userId}`;

function toEvent(doc: unknown): NlcEvent {
  // Parsing on the way out means a hand-edited or older document cannot reach a card
  // half-formed; extra fields (Cosmos' _etag, _ts...) are dropped by the schema.
  return eventSchema.parse(doc);
}

function toRsvp(doc: RsvpDoc): Rsvp {
  return {
    eventId: doc.eventId,
    userId: doc.userId,
    userName: doc.userName,
    response: rsvpResponseSchema.parse(doc.response),
    respondedAt: doc.respondedAt,
    eventEndsAt: doc.eventEndsAt,
  };
}

/** In Azure, event and answer documents carry a Cosmos TTL: RETENTION_DAYS after the event. */
export function createEventStore(container: Container, options: TtlOptions = {}): EventStore {
  const ttl = (endsAt: string | undefined): { ttl?: number } => ttlAfter(options, endsAt, options.retentionDays ?? 0);
  const toDoc = (event: NlcEvent): EventDoc => ({ ...eventSchema.parse(event), type: 'event', eventId: event.id, ...ttl(event.endsAt) });
  // When many people answer one event at once, they share its reads and batch their
  // writes (see cosmos/coalesce.ts and cosmos/group-commit.ts); alone, each is one plain request.
  const countRsvps = coalesce((eventId: string) => storeCall(() => queryCounts(container, eventId)));
  const getEvent = coalesce(
    (eventId: string) =>
      storeCall(async () => {
        const { resource } = await container.item(eventId, eventId).read<EventDoc>();
        return resource && resource.type === 'event' ? toEvent(resource) : undefined;
      }),
    // Events change rarely (an organiser's edit); seeing an edit made on another
    // instance up to this long after it commits is harmless, and under a burst of
    // answers it saves most event reads.
    { reuseForMs: READ_REUSE_MS },
  );
  const saveRsvp = batchedWriter<RsvpDoc>(container, 'Upsert');
  return {
    getEvent,

    listUpcoming: (after, limit) =>
      storeCall(async () => {
        const { resources } = await container.items
          .query<EventDoc>({
            query:
              "SELECT TOP @limit * FROM c WHERE c.type = 'event' AND c.status = 'scheduled' AND c.endsAt > @after ORDER BY c.startsAt",
            parameters: [
              { name: '@limit', value: limit },
              { name: '@after', value: after.toISOString() },
            ],
          })
          .fetchAll();
        return resources.map(toEvent);
      }),

    saveEvent: (event) =>
      storeCall(async () => {
        await container.items.upsert(toDoc(event));
        getEvent.forget(event.id);
      }),

    updateEvent: (eventId, change) =>
      storeCall(async () => {
        try {
          const saved = await readModifyWrite<EventDoc>(container, eventId, eventId, (doc) => {
            const next = change(doc?.type === 'event' ? toEvent(doc) : undefined);
            return next ? toDoc(next) : undefined;
          });
          return saved?.type === 'event' ? toEvent(saved) : undefined;
        } finally {
          getEvent.forget(eventId);
        }
      }),

    createEvent: (event) =>
      storeCall(async () => {
        const created = await createOnce(container, toDoc(event));
        getEvent.forget(event.id);
        return created;
      }),

    listStartingBetween: (from, to) =>
      storeCall(async () => {
        const { resources } = await container.items
          .query<EventDoc>({
            query: "SELECT * FROM c WHERE c.type = 'event' AND c.status = 'scheduled' AND c.startsAt > @from AND c.startsAt <= @to ORDER BY c.startsAt",
            parameters: [
              { name: '@from', value: from.toISOString() },
              { name: '@to', value: to.toISOString() },
            ],
          })
          .fetchAll();
        return resources.map(toEvent);
      }),

    saveRsvp: (rsvp) => saveRsvp(rsvp.eventId, { ...rsvp, type: 'rsvp', id: rsvpId(rsvp.userId), ...ttl(rsvp.eventEndsAt) }),

    getRsvp: (eventId, userId) =>
      storeCall(async () => {
        const { resource } = await container.item(rsvpId(userId), eventId).read<RsvpDoc>();
        return resource ? toRsvp(resource) : undefined;
      }),

    countRsvps,

    listRsvpsOfUser: (userId) =>
      storeCall(async () => {
        const { resources } = await container.items
          .query<RsvpDoc>({
            query: "SELECT * FROM c WHERE c.type = 'rsvp' AND c.userId = @userId",
            parameters: [{ name: '@userId', value: userId }],
          })
          .fetchAll();
        return resources.map(toRsvp);
      }),

    listRsvpsOfEvent: (eventId) =>
      storeCall(async () => {
        const { resources } = await container.items
          .query<RsvpDoc>({
            query: "SELECT * FROM c WHERE c.eventId = @eventId AND c.type = 'rsvp'",
            parameters: [{ name: '@eventId', value: eventId }],
          })
          .fetchAll();
        return resources.map(toRsvp);
      }),
  };
}


/**
 * One query, one partition. GROUP BY would be the natural form, but the embedded server
 * lacks it; conditional sums work on both it and Azure (a single-partition query, so the
 * non-VALUE aggregate runs in the partition without a cross-partition query plan).
 */
async function queryCounts(container: Container, eventId: string): Promise<RsvpCounts> {
  const { resources } = await container.items
    .query<Partial<RsvpCounts>>(
      {
        query:
          "SELECT SUM(c.response = 'going' ? 1 : 0) AS going, SUM(c.response = 'maybe' ? 1 : 0) AS maybe, SUM(c.response = 'notGoing' ? 1 : 0) AS notGoing FROM c WHERE c.eventId = @eventId AND c.type = 'rsvp'",
        parameters: [{ name: '@eventId', value: eventId }],
      },
      { partitionKey: eventId },
    )
    .fetchAll();
  return { ...emptyCounts(), ...definedOnly(resources[0] ?? {}) };
}

function definedOnly(row: Partial<RsvpCounts>): Partial<RsvpCounts> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => typeof v === 'number'));
}
