import type { Container, JSONObject, OperationInput } from '@azure/cosmos';
import { type Delivery, type DeliveryCounts, emptyDeliveryCounts, type FailureReason, type Recipient } from '../domain/broadcasts/broadcast';
import type { BroadcastStore } from '../domain/broadcasts/ports';
import { storeCall } from './cosmos/errors';
import { groupCommit } from './cosmos/group-commit';
import { queryAll } from './cosmos/query';
import { BULK_CHUNK, type DeliveryDoc, newDelivery, replaceAll, type Replacement, toDelivery, toDeliveryDoc } from './delivery-records';

/**
 * A broadcast's delivery records, in its partition of the broadcasts container
 * (delivery-records.ts). Every write of a record is a replace guarded by its etag: that
 * is how two senders never both claim one record.
 */
type DeliveryMethods = Pick<BroadcastStore, 'addDeliveries' | 'dueDeliveries' | 'replaceDelivery' | 'counts' | 'failureReasons' | 'resetFailed'>;

const inBroadcast = (broadcastId: string, revision?: number) => [
  { name: '@b', value: broadcastId },
  ...(revision === undefined ? [] : [{ name: '@rev', value: revision }]),
];

export function createDeliveryStore(container: Container): DeliveryMethods {
  // Every copy costs two record writes (the claim, the outcome): those that arrive while
  // a record write is in flight go together in the next bulk request, whichever
  // broadcast they belong to, each still conditional on its own etag (see
  // cosmos/group-commit.ts). One queue for all: 200 reminders sending at once have one or
  // two copies each in flight, too few to share a request per broadcast.
  const replaceDeliveries = groupCommit((_all: 'records', replacements: Replacement[]) => storeCall(() => replaceAll(container, replacements)), {
    maxBatch: BULK_CHUNK,
    idOf: (r) => `${r.current.broadcastId}/${r.current.id}`,
  });
  return {
    addDeliveries: (broadcastId, recipients, now) => storeCall(() => addDeliveries(container, broadcastId, recipients, now.toISOString())),
    dueDeliveries: (broadcastId, revision, now, limit) =>
      storeCall(async () =>
        (
          await queryAll<DeliveryDoc>(
            container,
            'SELECT TOP @limit * FROM c WHERE c.broadcastId = @b AND c.type = \'delivery\' AND c.claimUntil < @now AND c.notBefore <= @now' +
              " AND (c.state = 'pending' OR (c.state = 'sent' AND c.revision < @rev AND c.failedRevision < @rev))",
            [{ name: '@limit', value: limit }, { name: '@now', value: now.toISOString() }, ...inBroadcast(broadcastId, revision)],
            broadcastId,
          )
        ).map(toDelivery),
      ),
    replaceDelivery: (current, next) => {
      if (!current.version) return Promise.reject(new Error('a delivery record must be read before it is replaced'));
      return replaceDeliveries('records', { current, next });
    },
    counts: (broadcastId, revision) => storeCall(() => countDeliveries(container, broadcastId, revision)),
    failureReasons: (broadcastId, revision, limit) => storeCall(() => failureReasons(container, broadcastId, revision, limit)),
    resetFailed: (broadcastId, now) =>
      storeCall(async () => {
        const failed = (await queryAll<DeliveryDoc>(container, "SELECT * FROM c WHERE c.broadcastId = @b AND c.type = 'delivery' AND c.state = 'failed'", inBroadcast(broadcastId), broadcastId)).map(
          toDelivery,
        );
        let reset = 0;
        for (const delivery of failed) {
          const next: Delivery = { ...delivery, state: 'pending', attempts: 0, notBefore: '', updatedAt: now.toISOString() };
          // Undefined: changed since we read it (someone else reset it, or a sender is on it), so it is left.
          const [saved] = await replaceAll(container, [{ current: delivery, next }]);
          if (saved) reset++;
        }
        return reset;
      }),
  };
}

/** One pending record per recipient; recipients that already have one keep it (a 409). */
async function addDeliveries(container: Container, broadcastId: string, recipients: readonly Recipient[], at: string): Promise<number> {
  let added = 0;
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
}

async function countDeliveries(container: Container, broadcastId: string, revision: number): Promise<DeliveryCounts> {
  const [row] = await queryAll<Partial<DeliveryCounts>>(
    container,
    'SELECT COUNT(1) AS total,' +
      " SUM(c.state = 'sent' ? 1 : 0) AS sent, SUM(c.state = 'pending' ? 1 : 0) AS pending," +
      " SUM(c.state = 'pending' AND c.attempts > 0 ? 1 : 0) AS retrying," +
      " SUM(c.state = 'failed' ? 1 : 0) AS failed, SUM(c.state = 'blocked' ? 1 : 0) AS blocked," +
      " SUM(c.state = 'not_found' ? 1 : 0) AS notFound, SUM(c.state = 'unreachable' ? 1 : 0) AS unreachable," +
      " SUM(c.state = 'sent' AND (c.opensChat = 'roster' OR c.opensChat = 'graph') ? 1 : 0) AS opened," +
      " SUM(c.state = 'sent' AND c.revision = @rev ? 1 : 0) AS current," +
      " SUM(c.state = 'sent' AND c.revision < @rev AND c.failedRevision < @rev ? 1 : 0) AS updating," +
      " SUM(c.state = 'sent' AND c.revision < @rev AND c.failedRevision >= @rev ? 1 : 0) AS updateFailed" +
      " FROM c WHERE c.broadcastId = @b AND c.type = 'delivery'",
    inBroadcast(broadcastId, revision),
    broadcastId,
  );
  const counts = emptyDeliveryCounts();
  for (const key of Object.keys(counts) as (keyof DeliveryCounts)[]) {
    const value = row?.[key];
    if (typeof value === 'number') counts[key] = value;
  }
  return counts;
}

/** No GROUP BY on the embedded server: the (few) failed records' reasons are read and counted here. */
async function failureReasons(container: Container, broadcastId: string, revision: number, limit: number): Promise<FailureReason[]> {
  const rows = await queryAll<{ state: Delivery['state']; reason?: string; failedRevision: number }>(
    container,
    "SELECT c.state, c.reason, c.failedRevision FROM c WHERE c.broadcastId = @b AND c.type = 'delivery'" +
      " AND (c.state IN ('failed', 'blocked', 'not_found', 'unreachable') OR (c.state = 'sent' AND c.failedRevision >= @rev))",
    inBroadcast(broadcastId, revision),
    broadcastId,
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
}
