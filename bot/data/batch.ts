import type { Container } from '@azure/cosmos';
import { storeCall } from './errors';
import { groupCommit } from './group-commit';

/** Cosmos' limit on operations in one transactional batch. */
export const MAX_TRANSACTIONAL_BATCH = 100;

/** How long a read of a rarely-changing document (an event, a group, a call) may be reused. */
export const READ_REUSE_MS = 250;

type Operation = 'Create' | 'Upsert';

/** Writes documents into one partition: one request, a transactional batch when there are several. */
export async function writeAll(container: Container, partitionKey: string, docs: readonly { id: string }[], operation: Operation): Promise<void> {
  if (docs.length === 1) {
    const [doc] = docs;
    await (operation === 'Create' ? container.items.create(doc!) : container.items.upsert(doc!));
    return;
  }
  const response = await container.items.batch(
    docs.map((doc) => ({ operationType: operation, partitionKey, resourceBody: doc })),
    partitionKey,
  );
  // A failed transactional batch fails as a whole (Azure answers 207 with per-operation
  // codes); report the first real failure so transient ones become "try again".
  const failed = (response.result ?? []).find((op) => op.statusCode >= 300 && op.statusCode !== 424);
  if ((response.code !== undefined && response.code >= 300) || failed) {
    throw Object.assign(new Error('transactional batch failed'), { code: failed?.statusCode ?? response.code });
  }
}

/**
 * A writer whose writes to one partition are group-committed (see group-commit.ts):
 * alone, one request; in a burst, one transactional batch per round.
 */
export function batchedWriter<T extends { id: string }>(container: Container, operation: Operation): (partitionKey: string, doc: T) => Promise<void> {
  return groupCommit((partitionKey: string, docs: T[]) => storeCall(() => writeAll(container, partitionKey, docs, operation)), {
    maxBatch: MAX_TRANSACTIONAL_BATCH,
    idOf: (doc) => doc.id,
  });
}
