import type { Container, JSONObject, OperationInput } from '@azure/cosmos';
import { type Broadcast, type Delivery, type DeliveryCounts, emptyDeliveryCounts, type FailureReason } from '../domain/broadcasts/broadcast';
import type { BroadcastStore, SubjectField } from '../domain/broadcasts/ports';
import { createOnce } from './cosmos/create-once';
import { withoutSystemFields } from './cosmos/documents';
import { isStatus, storeCall } from './cosmos/errors';
import { readModifyWrite } from './cosmos/etag';
import { BULK_CHUNK, type DeliveryDoc, newDelivery, replaceAll, type Replacement, toDelivery, toDeliveryDoc } from './delivery-records';
import { groupCommit } from './cosmos/group-commit';

/**
 * Broadcasts container (partition key /broadcastId), one partition per broadcast: the
 *   { type: "broadcast", id: <broadcastId>, broadcastId, ...broadcast }
 * document and its delivery records (delivery-records.ts). Every delivery write is a
 * replace guarded by the record's etag: that is how two senders never both claim one record.
 */
type BroadcastDoc = Broadcast & { type: 'broadcast'; broadcastId: string };
function toBroadcast(doc: BroadcastDoc): Broadcast {
  const { type: _type, broadcastId: _pk, ...rest } = withoutSystemFields(doc);
  return rest;
}

export function createBroadcastStore(container: Container): BroadcastStore {
  // A busy broadcast writes two records per copy (the claim, the outcome): those that
  // arrive while a write to the same broadcast is in flight go together in the next
  // bulk request, each still conditional on its own etag (see cosmos/group-commit.ts).
  const replaceDeliveries = groupCommit((broadcastId: string, replacements: Replacement[]) => storeCall(() => replaceAll(container, broadcastId, replacements)), {
    maxBatch: BULK_CHUNK,
    idOf: (r) => r.current.id,
  });
  const query = async <T>(text: string, parameters: { name: string; value: string | number }[]): Promise<T[]> => {
    const { resources } = await container.items.query<T>({ query: text, parameters }).fetchAll();
    return resources;
  };

  const listShowing = (field: SubjectField, id: string): Promise<Broadcast[]> =>
    storeCall(async () =>
      // `field` is one of a closed set of names (SubjectField), never text from a person.
      (await query<BroadcastDoc>(`SELECT * FROM c WHERE c.type = 'broadcast' AND c.content.${field} = @id AND c.status != 'draft'`, [{ name: '@id', value: id }])).map(
        toBroadcast,
      ),
    );

  return {
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

    listActive: () =>
      storeCall(async () =>
        (await query<BroadcastDoc>("SELECT * FROM c WHERE c.type = 'broadcast' AND (c.status = 'queued' OR c.status = 'sending')", [])).map(
          toBroadcast,
        ),
      ),

    listShowingEvent: (eventId) => listShowing('eventId', eventId),
    listShowing,

    addDeliveries: (broadcastId, recipients, now) =>
      storeCall(async () => {
        let added = 0;
        const at = now.toISOString();
        for (let i = 0; i < recipients.length; i += BULK_CHUNK) {
          const operations: OperationInput[] = recipients.slice(i, i + BULK_CHUNK).map((r) => ({
            operationType: 'Create' as const,
            partitionKey: broadcastId,
            // Plain JSON; the SDK's type only lacks our interface's index signature.
            resourceBody: toDeliveryDoc(newDelivery(broadcastId, r, at)) as unknown as JSONObject,
          }));
          const results = await container.items.bulk(operations, { continueOnError: true });
          for (const result of results) {
            if (result.statusCode === 201) added++;
            // 409: this recipient already has a record (an earlier, interrupted read of the audience).
            else if (result.statusCode !== 409) throw Object.assign(new Error('could not add delivery records'), { code: result.statusCode });
          }
        }
        return added;
      }),

    dueDeliveries: (broadcastId, revision, now, limit) =>
      storeCall(async () =>
        (
          await query<DeliveryDoc>(
            'SELECT TOP @limit * FROM c WHERE c.broadcastId = @b AND c.type = \'delivery\' AND c.claimUntil < @now AND c.notBefore <= @now' +
              " AND (c.state = 'pending' OR (c.state = 'sent' AND c.revision < @rev AND c.failedRevision < @rev))",
            [
              { name: '@limit', value: limit },
              { name: '@b', value: broadcastId },
              { name: '@now', value: now.toISOString() },
              { name: '@rev', value: revision },
            ],
          )
        ).map(toDelivery),
      ),

    replaceDelivery: (current, next) => {
      if (!current.version) return Promise.reject(new Error('a delivery record must be read before it is replaced'));
      return replaceDeliveries(current.broadcastId, { current, next });
    },

    counts: (broadcastId, revision) =>
      storeCall(async () => {
        const [row] = await query<Partial<DeliveryCounts>>(
          'SELECT COUNT(1) AS total,' +
            " SUM(c.state = 'sent' ? 1 : 0) AS sent, SUM(c.state = 'pending' ? 1 : 0) AS pending," +
            " SUM(c.state = 'failed' ? 1 : 0) AS failed, SUM(c.state = 'blocked' ? 1 : 0) AS blocked," +
            " SUM(c.state = 'not_found' ? 1 : 0) AS notFound," +
            " SUM(c.state = 'sent' AND c.revision = @rev ? 1 : 0) AS current," +
            " SUM(c.state = 'sent' AND c.revision < @rev AND c.failedRevision < @rev ? 1 : 0) AS updating," +
            " SUM(c.state = 'sent' AND c.revision < @rev AND c.failedRevision >= @rev ? 1 : 0) AS updateFailed" +
            " FROM c WHERE c.broadcastId = @b AND c.type = 'delivery'",
          [
            { name: '@b', value: broadcastId },
            { name: '@rev', value: revision },
          ],
        );
        const counts = emptyDeliveryCounts();
        for (const key of Object.keys(counts) as (keyof DeliveryCounts)[]) {
          const value = row?.[key];
          if (typeof value === 'number') counts[key] = value;
        }
        return counts;
      }),

    failureReasons: (broadcastId, revision, limit) =>
      storeCall(async () => {
        // No GROUP BY on the embedded server: read the (few) failed records' reasons and count here.
        const rows = await query<{ state: Delivery['state']; reason?: string; failedRevision: number }>(
          "SELECT c.state, c.reason, c.failedRevision FROM c WHERE c.broadcastId = @b AND c.type = 'delivery'" +
            " AND (c.state IN ('failed', 'blocked', 'not_found') OR (c.state = 'sent' AND c.failedRevision >= @rev))",
          [
            { name: '@b', value: broadcastId },
            { name: '@rev', value: revision },
          ],
        );
        const tally = new Map<string, FailureReason>();
        for (const row of rows) {
          const state: FailureReason['state'] = row.state === 'sent' ? 'update_failed' : (row.state as FailureReason['state']);
          const reason = row.reason ?? 'no reason recorded';
          const key = `${state}|${reason}`;
          const entry = tally.get(key) ?? { state, reason, count: 0 };
          entry.count++;
          tally.set(key, entry);
        }
        return [...tally.values()].sort((a, b) => b.count - a.count).slice(0, limit);
      }),

    resetFailed: (broadcastId, now) =>
      storeCall(async () => {
        const failed = (
          await query<DeliveryDoc>("SELECT * FROM c WHERE c.broadcastId = @b AND c.type = 'delivery' AND c.state = 'failed'", [
            { name: '@b', value: broadcastId },
          ])
        ).map(toDelivery);
        let reset = 0;
        for (const delivery of failed) {
          const next: Delivery = { ...delivery, state: 'pending', attempts: 0, notBefore: '', updatedAt: now.toISOString() };
          try {
            await container
              .item(delivery.id, broadcastId)
              .replace(toDeliveryDoc(next), { accessCondition: { type: 'IfMatch', condition: delivery.version ?? '' } });
            reset++;
          } catch (error) {
            // Changed since we read it (someone else reset it, or a sender is on it): leave it.
            if (!isStatus(error, 412)) throw error;
          }
        }
        return reset;
      }),
  };
}
