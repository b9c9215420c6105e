import type { Container } from '@azure/cosmos';
import { BATCH_REQUEST_FAILED, isStatus, isTransient, storeCall, toDomainError } from './errors';
import { groupCommit } from './group-commit';
import { withRetries } from '../../retry';

/** Cosmos' limit on operations in one transactional batch. */
export const MAX_TRANSACTIONAL_BATCH = 100;

type Operation = 'Create' | 'Upsert';

/** Writes documents into one partition: one request, a transactional batch when there are several. */
export async function writeAll(container: Container, partitionKey: string, docs: readonly { id: string }[], operation: Operation): Promise<void> {
  if (docs.length === 1) {
    const [doc] = docs;
    await (operation === 'Create' ? container.items.create(doc!) : container.items.upsert(doc!));
    return;
  }
  const response = await container.items
    .batch(
      docs.map((doc) => ({ operationType: operation, partitionKey, resourceBody: doc })),
      partitionKey,
    )
    .catch((error: unknown) => {
      // The SDK rethrows any failure of the batch request as a plain Error, the status
      // lost (a 503, a 429 past its retries, a dropped connection all look alike): the
      // request failed as a whole, which the person can only meet with "try again".
      throw Object.assign(new Error(error instanceof Error ? error.message : String(error), { cause: error }), { code: BATCH_REQUEST_FAILED });
    });
  // A failed transactional batch fails as a whole (Azure answers 207 with per-operation
  // codes); report the first real failure so transient ones become "try again".
  const failed = (response.result ?? []).find((op) => op.statusCode >= 300 && op.statusCode !== 424);
  if ((response.code !== undefined && response.code >= 300) || failed) {
    throw Object.assign(new Error('transactional batch failed'), { code: failed?.statusCode ?? response.code });
  }
}

/**
 * An idempotent write, tried again after a failure in passing (on top of the SDK's own
 * retries, which cover 429 but not a 503 or a dropped connection on a write). Three tries
 * close together: a Teams invoke has to be answered within a few seconds.
 */
const idempotently = (write: () => Promise<void>): Promise<void> =>
  withRetries(write, { attempts: 3, retryable: isTransient, baseDelayMs: 20, maxDelayMs: 40, jitter: 'full' });

/**
 * Upserts any number of documents into one partition: a transactional batch per hundred,
 * a few batches in flight at once, each tried again after a passing failure (an upsert
 * can be repeated safely). A roster page of 500 members is five requests.
 */
export async function upsertAll(container: Container, partitionKey: string, docs: readonly { id: string }[], inFlight = 5): Promise<void> {
  const chunks: { id: string }[][] = [];
  for (let i = 0; i < docs.length; i += MAX_TRANSACTIONAL_BATCH) chunks.push(docs.slice(i, i + MAX_TRANSACTIONAL_BATCH));
  for (let i = 0; i < chunks.length; i += inFlight) {
    await Promise.all(chunks.slice(i, i + inFlight).map((chunk) => idempotently(() => writeAll(container, partitionKey, chunk, 'Upsert'))));
  }
}

/** Creates one document; a 409 on its id means an earlier attempt of ours stored it. */
const createOne = (container: Container, doc: { id: string }): Promise<void> =>
  idempotently(async () => {
    try {
      await container.items.create(doc);
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
  });

/**
 * Creates documents whose ids are new (or derived from their content), so a create
 * that finds its id taken (409) finds its own earlier attempt. When the first attempt
 * fails in a way that may or may not have stored the documents (its answer lost, or
 * a batch the embedded server half-applied), each is created again on its own: a
 * conflict then means "already stored", and only a real failure reaches the person,
 * and only the person whose document it was. One result per document, in order: the
 * error for that document, or undefined when it is stored.
 */
export async function createAll(container: Container, partitionKey: string, docs: readonly { id: string }[]): Promise<(Error | undefined)[]> {
  try {
    await writeAll(container, partitionKey, docs, 'Create');
    return docs.map(() => undefined);
  } catch (error) {
    if (!isTransient(error) && !isStatus(error, 409)) throw error;
  }
  const failed = (error: unknown): Error => {
    const shown = toDomainError(error);
    return shown instanceof Error ? shown : new Error(String(shown));
  };
  return Promise.all(docs.map((doc) => createOne(container, doc).then(() => undefined, failed)));
}

/**
 * A writer whose writes to one partition are group-committed (see group-commit.ts):
 * alone, one request; in a burst, one transactional batch per round. Creates are
 * idempotent (see createAll).
 */
export function batchedWriter<T extends { id: string }>(container: Container, operation: Operation): (partitionKey: string, doc: T) => Promise<void> {
  const options = { maxBatch: MAX_TRANSACTIONAL_BATCH, idOf: (doc: T) => doc.id };
  if (operation === 'Upsert') {
    // An upsert of the same documents can be repeated safely.
    return groupCommit((partitionKey: string, docs: T[]) => storeCall(() => idempotently(() => writeAll(container, partitionKey, docs, operation))), options);
  }
  const create = groupCommit((partitionKey: string, docs: T[]) => storeCall(() => createAll(container, partitionKey, docs)), options);
  return async (partitionKey, doc) => {
    const failure = await create(partitionKey, doc);
    if (failure !== undefined) throw failure;
  };
}
