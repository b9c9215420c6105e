import type { Container, ItemDefinition } from '@azure/cosmos';
import { DomainError } from '../domain/errors';
import { isStatus, isTransient } from './errors';

export interface RmwOptions {
  /** Attempts before giving up with a `conflict` error. */
  maxAttempts?: number;
  /** Upper bound of the first back-off in ms; doubles each attempt, with full jitter. */
  baseDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
  const maxAttempts = options.maxAttempts ?? 10;
  const baseDelayMs = options.baseDelayMs ?? 5;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  let transientFailures = 0;
  for (let attempt = 1; ; attempt++) {
    try {
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
    } catch (error) {
      // A store failure in passing (a 503, a dropped connection: the SDK retries neither
      // on a write) is met like a lost race: read again and re-decide. Safe even when the
      // lost answer hid a write that landed: the re-read sees it.
      const transient = isTransient(error) && ++transientFailures < MAX_TRANSIENT_FAILURES;
      const lostRace = isStatus(error, 412) || isStatus(error, 409);
      if (!lostRace && !transient) throw error;
      if (attempt >= maxAttempts) {
        throw new DomainError('conflict', 'Lots of people changed this at the same moment and we could not save yours.', {
          hint: 'Please try again.',
        });
      }
      await sleep(random() * baseDelayMs * 2 ** Math.min(attempt - 1, 8));
    }
  }
}
