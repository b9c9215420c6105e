import { DomainError } from '../../domain/errors';

/** What @azure/cosmos throws: an ErrorResponse with an HTTP status in `code`. */
interface CosmosLikeError {
  code?: number | string;
  statusCode?: number;
  retryAfterInMs?: number;
}

export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as CosmosLikeError;
  if (typeof e.code === 'number') return e.code;
  if (typeof e.statusCode === 'number') return e.statusCode;
  return undefined;
}

export const isStatus = (error: unknown, status: number): boolean => statusOf(error) === status;

/** A transactional batch request that failed as a whole, its status lost by the SDK (see batch.ts). */
export const BATCH_REQUEST_FAILED = 'BatchRequestFailed';

/** Network-level failures the SDK surfaces with a string code instead of a status. */
const TRANSIENT_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'TimeoutError', 'REQUEST_TIMEOUT', BATCH_REQUEST_FAILED]);

/**
 * A store failure the person can do nothing about except try again: throttling the SDK
 * could not absorb, the service being unavailable, or the connection dropping. These
 * become `unavailable` so the person sees "try again" instead of a generic failure.
 */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status === 408 || status === 429 || status === 449 || status === 503 || status === 500) return true;
  const code = (error as CosmosLikeError | null)?.code;
  const name = (error as Error | null)?.name;
  return (typeof code === 'string' && TRANSIENT_NETWORK.has(code)) || name === 'TimeoutError' || name === 'AbortError';
}

export function toDomainError(error: unknown): unknown {
  if (isTransient(error)) {
    // Not "nothing was changed": when the store's answer is what got lost, the change
    // may have been made. Trying again is safe either way (see batch.ts, etag.ts).
    return new DomainError('unavailable', 'The NLC data store is busy right now and did not answer in time.', {
      hint: 'Please try again in a moment: trying again never records anything twice.',
    });
  }
  return error;
}

/** Runs one store operation and gives transient failures the shared "try again" meaning. */
export async function storeCall<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toDomainError(error);
  }
}
