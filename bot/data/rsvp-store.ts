import type { Container } from '@azure/cosmos';
import type { EventStore } from '../domain/events/ports';
import { emptyCounts, type Rsvp, type RsvpCounts, rsvpResponseSchema } from '../domain/events/rsvp';
import { batchedWriter } from './cosmos/batch';
import { coalesce } from './cosmos/coalesce';
import { storeCall } from './cosmos/errors';
import { queryAll } from './cosmos/query';
import { ttlAfter, type TtlOptions } from './cosmos/ttl';

/**
 * People's answers, in their event's partition of the events container:
 *   { type: "rsvp", id: "rsvp:<userId>", eventId, userId, response, ... }
 * so the counts are a single-partition query and the id is derived from (event, user):
 * writing it twice leaves one document.
 */
type RsvpDoc = Rsvp & { type: 'rsvp'; id: string; ttl?: number };

const rsvpId = (userId: string): string => `rsvp:${userId}`;

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

type RsvpMethods = Pick<EventStore, 'saveRsvp' | 'getRsvp' | 'countRsvps' | 'countRsvpsOf' | 'listRsvpsOfUser' | 'listRsvpsOfEvent'>;

/** In Azure an answer carries a Cosmos TTL: RETENTION_DAYS after its event. */
export function createRsvpStore(container: Container, options: TtlOptions = {}): RsvpMethods {
  // When many people answer one event at once, they share the count and batch their
  // writes (see cosmos/coalesce.ts and cosmos/group-commit.ts); alone, each is one plain request.
  const countRsvps = coalesce((eventId: string) => storeCall(() => queryCounts(container, eventId)));
  const saveRsvp = batchedWriter<RsvpDoc>(container, 'Upsert');
  // `partitionKey`: the event, when the query is about one (see cosmos/query.ts).
  const rsvpsWhere = (where: string, name: string, value: string, partitionKey?: string) =>
    storeCall(async () => (await queryAll<RsvpDoc>(container, `SELECT * FROM c WHERE ${where}`, [{ name, value }], partitionKey)).map(toRsvp));
  return {
    saveRsvp: (rsvp) => saveRsvp(rsvp.eventId, { ...rsvp, type: 'rsvp', id: rsvpId(rsvp.userId), ...ttlAfter(options, rsvp.eventEndsAt, options.retentionDays ?? 0) }),
    getRsvp: (eventId, userId) =>
      storeCall(async () => {
        const { resource } = await container.item(rsvpId(userId), eventId).read<RsvpDoc>();
        return resource ? toRsvp(resource) : undefined;
      }),
    countRsvps,
    countRsvpsOf: (eventIds) => storeCall(() => queryCountsOf(container, eventIds)),
    listRsvpsOfUser: (userId) => rsvpsWhere("c.type = 'rsvp' AND c.userId = @userId", '@userId', userId),
    listRsvpsOfEvent: (eventId) => rsvpsWhere("c.eventId = @eventId AND c.type = 'rsvp'", '@eventId', eventId, eventId),
  };
}

/**
 * One query, one partition. GROUP BY would be the natural form, but the embedded server
 * lacks it; conditional sums work on both it and Azure (a single-partition query, so the
 * non-VALUE aggregate runs in the partition without a cross-partition query plan).
 */
async function queryCounts(container: Container, eventId: string): Promise<RsvpCounts> {
  const [row] = await queryAll<Partial<RsvpCounts>>(
    container,
    "SELECT SUM(c.response = 'going' ? 1 : 0) AS going, SUM(c.response = 'maybe' ? 1 : 0) AS maybe, SUM(c.response = 'notGoing' ? 1 : 0) AS notGoing FROM c WHERE c.eventId = @eventId AND c.type = 'rsvp'",
    [{ name: '@eventId', value: eventId }],
    eventId,
  );
  return { ...emptyCounts(), ...definedOnly(row ?? {}) };
}

function definedOnly(row: Partial<RsvpCounts>): Partial<RsvpCounts> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => typeof v === 'number'));
}

/**
 * The counts of several events in one query (a page of the organiser tab's programme):
 * three conditional sums per event over the answers to any of them, so one pass over the
 * answers and one small row back, however many answers there are. (GROUP BY would be the
 * natural form; the embedded server lacks it.) At most 50 events a call.
 */
async function queryCountsOf(container: Container, eventIds: readonly string[]): Promise<Map<string, RsvpCounts>> {
  const counts = new Map(eventIds.map((id) => [id, emptyCounts()]));
  if (eventIds.length === 0) return counts;
  if (eventIds.length > 50) throw new Error('countRsvpsOf: at most 50 events a call');
  const responses = ['going', 'maybe', 'notGoing'] as const;
  const sums = eventIds.flatMap((_, i) => responses.map((r) => `SUM(c.eventId = @e${i} AND c.response = '${r}' ? 1 : 0) AS ${r}${i}`));
  const [row] = await queryAll<Record<string, number | undefined>>(
    container,
    `SELECT ${sums.join(', ')} FROM c WHERE c.type = 'rsvp' AND c.eventId IN (${eventIds.map((_, i) => `@e${i}`).join(', ')})`,
    eventIds.map((id, i) => ({ name: `@e${i}`, value: id })),
  );
  eventIds.forEach((id, i) => counts.set(id, { going: row?.[`going${i}`] ?? 0, maybe: row?.[`maybe${i}`] ?? 0, notGoing: row?.[`notGoing${i}`] ?? 0 }));
  return counts;
}
