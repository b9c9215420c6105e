import type { Container, ItemDefinition } from '@azure/cosmos';
import { DomainError } from '../../domain/errors';
import { withRetries } from '../../retry';
import { isStatus, isTransient } from './errors';

export interface RmwOptions {
  /** Attempts before giving up with a `conflict` error. */
  maxAttempts?: number;
  /** Upper bound of the first back-off in ms; doubles each attempt, with full jitter (bot/retry.ts). */
  baseDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type Doc = ItemDefinition & { id: string };

/** Transient store failures one read-modify-write absorbs before the person is asked to try again. */
const MAX_TRANSIENT_FAILURES = 3;

/**
 * Optimistic read-modify-write of one document. `change` sees the current document (or
 * undefined) and returns the next one, or undefined to leave it as it is. The write is
 * guarded by the etag we read (If-Match), and creation by the id's uniqueness (409),
 * so two writers never silently overwrite each other: the loser reads again and
 * re-decides. The embedded server's batch is not atomic, so this is the one tool for
 * every read-modify-write in the bot.
 */
export async function readModifyWrite<T extends Doc>(
  container: Container,
  id: string,
  partitionKey: string,
  change: (current: T | undefined) => T | undefined,
  options: RmwOptions = {},
): Promise<T | undefined> {
  const baseDelayMs = options.baseDelayMs ?? 5;
  let transientFailures = 0;
  return withRetries(
    async () => {
      const { resource, etag } = await container.item(id, partitionKey).read<T>();
      const next = change(resource);
      if (next === undefined) return resource;
      if (resource && etag) {
        const { resource: saved } = await container
          .item(id, partitionKey)
          .replace<T>(next, { accessCondition: { type: 'IfMatch', condition: etag } });
        return saved ?? next;
      }
      const { resource: created } = await container.items.create<T>(next);
      return created ?? next;
    },
    {
      attempts: options.maxAttempts ?? 10,
      // A store failure in passing (a 503, a dropped connection: the SDK retries neither
      // on a write) is met like a lost race: read again and re-decide. Safe even when the
      // lost answer hid a write that landed: the re-read sees it.
      retryable: (error) => isStatus(error, 412) || isStatus(error, 409) || (isTransient(error) && ++transientFailures < MAX_TRANSIENT_FAILURES),
      exhausted: () =>
        new DomainError('conflict', 'Lots of people changed this at the same moment and we could not save yours.', {
          hint: 'Please try again.',
        }),
      // Writers who lost a race spread out at once; the ceiling stops doubling after eight tries.
      baseDelayMs,
      maxDelayMs: baseDelayMs * 2 ** 8,
      jitter: 'full',
      ...(options.random ? { random: options.random } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
    },
  );
}
