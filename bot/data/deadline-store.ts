import type { Container } from '@azure/cosmos';
import { type Deadline, type DeadlineFollow, deadlineSchema } from '../domain/deadlines/deadline';
import type { DeadlineStore } from '../domain/deadlines/ports';
import { cachedDocuments, type DocumentKind } from './cosmos/cached-documents';
import { readModifyWrite } from './cosmos/etag';
import { storeCall } from './cosmos/errors';
import { queryAll } from './cosmos/query';

/**
 * Deadlines container (partition key /deadlineId), one partition per deadline:
 *   { type: "deadline", id: <deadlineId>, deadlineId, ...deadline }
 *   { type: "follow", id: "follow:<userId>", deadlineId, userId, remind, responded, ... }
 * A person's answer lives in the deadline's partition under an id derived from
 * (deadline, person), so clicking twice leaves one record, and a deadline's reminder
 * list is a single-partition query.
 */
type DeadlineDoc = Deadline & { type: 'deadline'; deadlineId: string };
type FollowDoc = DeadlineFollow & { type: 'follow'; id: string };

const followId = (userId: string): string => `follow:${userId}`;

const toFollow = (doc: FollowDoc): DeadlineFollow => ({
  deadlineId: doc.deadlineId,
  userId: doc.userId,
  ...(doc.userName ? { userName: doc.userName } : {}),
  remind: doc.remind === true,
  responded: doc.responded === true,
  updatedAt: doc.updatedAt,
});

/** Every card view reads its deadline; deadlines change rarely (cosmos/cached-documents.ts). */
const deadlineKind: DocumentKind<Deadline, DeadlineDoc> = {
  locate: (deadlineId) => ({ id: deadlineId, partitionKey: deadlineId }),
  keyOf: (deadline) => deadline.id,
  toDoc: (deadline) => ({ ...deadlineSchema.parse(deadline), type: 'deadline', deadlineId: deadline.id }),
  fromDoc: (doc) => (doc.type === 'deadline' ? deadlineSchema.parse(doc) : undefined),
};

export function createDeadlineStore(container: Container): DeadlineStore {
  const deadlines = cachedDocuments(container, deadlineKind);
  // Sorted here, not by ORDER BY: Cosmos leaves documents without the ordered field (open offers) out of an ordered query.
  const listDeadlines = async (where: string, parameters: { name: string; value: string }[]): Promise<Deadline[]> =>
    (await queryAll<DeadlineDoc>(container, `SELECT * FROM c WHERE c.type = 'deadline' AND c.status = 'open' AND ${where}`, parameters))
      .map((d) => deadlineSchema.parse(d))
      .sort(byClosing);
  return {
    ...followMethods(container),
    getDeadline: deadlines.get,
    saveDeadline: deadlines.save,
    createDeadline: deadlines.create,
    updateDeadline: (deadlineId, change) => deadlines.update(deadlineId, (current) => (current ? change(current) : undefined)),
    listOpen: (after) => storeCall(() => listDeadlines('(NOT IS_DEFINED(c.closesAt) OR c.closesAt > @after)', [{ name: '@after', value: after.toISOString() }])),
    listClosingBetween: (from, to) =>
      storeCall(() =>
        listDeadlines('c.closesAt > @from AND c.closesAt <= @to', [
          { name: '@from', value: from.toISOString() },
          { name: '@to', value: to.toISOString() },
        ]),
      ),
  };
}

/** Soonest closing first; open offers (no closing date) after every deadline, by title. */
function byClosing(a: Deadline, b: Deadline): number {
  if (a.closesAt === b.closesAt) return a.title.localeCompare(b.title);
  if (!a.closesAt || !b.closesAt) return a.closesAt ? -1 : 1;
  return a.closesAt < b.closesAt ? -1 : 1;
}

type FollowMethods = Pick<DeadlineStore, 'updateFollow' | 'getFollow' | 'listFollows' | 'listFollowsOfUser'>;

function followMethods(container: Container): FollowMethods {
  const follows = (query: string, name: string, value: string) =>
    storeCall(async () => (await queryAll<FollowDoc>(container, query, [{ name, value }])).map(toFollow));
  return {
    updateFollow: (deadlineId, userId, change) =>
      storeCall(async () => {
        const saved = await readModifyWrite<FollowDoc>(container, followId(userId), deadlineId, (doc) => ({
          ...change(doc?.type === 'follow' ? toFollow(doc) : undefined),
          type: 'follow',
          id: followId(userId),
        }));
        return toFollow(saved!);
      }),
    getFollow: (deadlineId, userId) =>
      storeCall(async () => {
        const { resource } = await container.item(followId(userId), deadlineId).read<FollowDoc>();
        return resource?.type === 'follow' ? toFollow(resource) : undefined;
      }),
    listFollows: (deadlineId) => follows("SELECT * FROM c WHERE c.deadlineId = @d AND c.type = 'follow'", '@d', deadlineId),
    listFollowsOfUser: (userId) => follows("SELECT * FROM c WHERE c.type = 'follow' AND c.userId = @u", '@u', userId),
  };
}
