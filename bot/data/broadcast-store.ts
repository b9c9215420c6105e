import type { Container } from '@azure/cosmos';
import type { Broadcast } from '../domain/broadcasts/broadcast';
import type { BroadcastStore, SubjectField } from '../domain/broadcasts/ports';
import { createOnce } from './cosmos/create-once';
import { withoutSystemFields } from './cosmos/documents';
import { storeCall } from './cosmos/errors';
import { readModifyWrite } from './cosmos/etag';
import { queryAll } from './cosmos/query';
import { createDeliveryStore } from './delivery-store';

/**
 * Broadcasts container (partition key /broadcastId), one partition per broadcast: the
 *   { type: "broadcast", id: <broadcastId>, broadcastId, ...broadcast }
 * document and its delivery records (delivery-store.ts).
 */
type BroadcastDoc = Broadcast & { type: 'broadcast'; broadcastId: string };
function toBroadcast(doc: BroadcastDoc): Broadcast {
  const { type: _type, broadcastId: _pk, ...rest } = withoutSystemFields(doc);
  return rest;
}

export function createBroadcastStore(container: Container): BroadcastStore {
  const list = (query: string, parameters: { name: string; value: string | number }[] = []): Promise<Broadcast[]> =>
    storeCall(async () => (await queryAll<BroadcastDoc>(container, query, parameters)).map(toBroadcast));

  // `field` is one of a closed set of names (SubjectField), never text from a person.
  const listShowing = (field: SubjectField, id: string): Promise<Broadcast[]> =>
    list(`SELECT * FROM c WHERE c.type = 'broadcast' AND c.content.${field} = @id AND c.status != 'draft'`, [{ name: '@id', value: id }]);

  return {
    ...createDeliveryStore(container),
    create: (broadcast) =>
      storeCall(async () => {
        await container.items.create<BroadcastDoc>({ ...broadcast, type: 'broadcast', broadcastId: broadcast.id });
      }),

    createOnce: (broadcast) => storeCall(() => createOnce(container, { ...broadcast, type: 'broadcast', broadcastId: broadcast.id })),

    get: (broadcastId) =>
      storeCall(async () => {
        const { resource } = await container.item(broadcastId, broadcastId).read<BroadcastDoc>();
        return resource && resource.type === 'broadcast' ? toBroadcast(resource) : undefined;
      }),

    update: (broadcastId, change) =>
      storeCall(async () => {
        const saved = await readModifyWrite<BroadcastDoc>(container, broadcastId, broadcastId, (current) => {
          if (!current || current.type !== 'broadcast') return undefined;
          const next = change(toBroadcast(current));
          return next ? { ...next, type: 'broadcast', broadcastId } : undefined;
        });
        return saved && saved.type === 'broadcast' ? toBroadcast(saved) : undefined;
      }),

    listActive: () => list("SELECT * FROM c WHERE c.type = 'broadcast' AND (c.status = 'queued' OR c.status = 'sending')"),

    listScheduledDue: (now) => list("SELECT * FROM c WHERE c.type = 'broadcast' AND c.status = 'scheduled' AND c.sendAt <= @now", [{ name: '@now', value: now.toISOString() }]),

    listShowingEvent: (eventId) => listShowing('eventId', eventId),
    listShowing,
    listRecent: (limit) => list("SELECT TOP @limit * FROM c WHERE c.type = 'broadcast' AND c.status != 'draft' ORDER BY c.createdAt DESC", [{ name: '@limit', value: limit }]),

  };
}
