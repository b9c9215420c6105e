import type { Container } from '@azure/cosmos';
import { type Deadline, type DeadlineFollow, deadlineSchema } from '../domain/deadlines/deadline';
import type { DeadlineStore } from '../domain/deadlines/ports';
import { coalesce, READ_REUSE_MS } from './cosmos/coalesce';
import { createOnce } from './cosmos/create-once';
import { readModifyWrite } from './cosmos/etag';
import { storeCall } from './cosmos/errors';

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

const toDoc = (deadline: Deadline): DeadlineDoc => ({ ...deadlineSchema.parse(deadline), type: 'deadline', deadlineId: deadline.id });

export function createDeadlineStore(container: Container): DeadlineStore {
  const query = async <T>(text: string, parameters: { name: string; value: string }[]): Promise<T[]> => {
    const { resources } = await container.items.query<T>({ query: text, parameters }).fetchAll();
    return resources;
  };
  // Every card view reads its deadline; deadlines change rarely (an organiser's edit).
  const getDeadline = coalesce(
    (deadlineId: string) =>
      storeCall(async () => {
        const { resource } = await container.item(deadlineId, deadlineId).read<DeadlineDoc>();
        return resource?.type === 'deadline' ? deadlineSchema.parse(resource) : undefined;
      }),
    { reuseForMs: READ_REUSE_MS },
  );
  const listDeadlines = async (where: string, parameters: { name: string; value: string }[]): Promise<Deadline[]> =>
    (await query<DeadlineDoc>(`SELECT * FROM c WHERE c.type = 'deadline' AND c.status = 'open' AND ${where} ORDER BY c.closesAt`, parameters)).map((d) =>
      deadlineSchema.parse(d),
    );

  return {
    getDeadline,
    saveDeadline: (deadline) =>
      storeCall(async () => {
        await container.items.upsert(toDoc(deadline));
        getDeadline.forget(deadline.id);
      }),
    updateDeadline: (deadlineId, change) =>
      storeCall(async () => {
        try {
          const saved = await readModifyWrite<DeadlineDoc>(container, deadlineId, deadlineId, (doc) => {
            if (doc?.type !== 'deadline') return undefined;
            const next = change(deadlineSchema.parse(doc));
            return next ? toDoc(next) : undefined;
          });
          return saved?.type === 'deadline' ? deadlineSchema.parse(saved) : undefined;
        } finally {
          getDeadline.forget(deadlineId);
        }
      }),
    createDeadline: (deadline) =>
      storeCall(async () => {
        const created = await createOnce(container, toDoc(deadline));
        getDeadline.forget(deadline.id);
        return created;
      }),
    listOpen: (after) => storeCall(() => listDeadlines('c.closesAt > @after', [{ name: '@after', value: after.toISOString() }])),
    listClosingBetween: (from, to) =>
      storeCall(() =>
        listDeadlines('c.closesAt > @from AND c.closesAt <= @to', [
          { name: '@from', value: from.toISOString() },
          { name: '@to', value: to.toISOString() },
        ]),
      ),
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
    listFollows: (deadlineId) =>
      storeCall(async () =>
        (await query<FollowDoc>("SELECT * FROM c WHERE c.deadlineId = @d AND c.type = 'follow'", [{ name: '@d', value: deadlineId }])).map(toFollow),
      ),
    listFollowsOfUser: (userId) =>
      storeCall(async () =>
        (await query<FollowDoc>("SELECT * FROM c WHERE c.type = 'follow' AND c.userId = @u", [{ name: '@u', value: userId }])).map(toFollow),
      ),
  };
}
