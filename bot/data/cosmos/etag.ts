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

/** A version of a document as this process last read or wrote it. */
export interface KnownVersion<T> {
  resource: T;
  etag: string;
}

/** Where a caller keeps the last version it saw of one document (see `readModifyWrite`'s `known`). */
export interface VersionSlot<T> {
  get(): KnownVersion<T> | undefined;
  set(version: KnownVersion<T> | undefined): void;
}

type Doc = ItemDefinition & { id: string };

/** Replaces the version with `etag` (If-Match), or creates the document when there was none (409 if someone did first). */
function writeOver<T extends Doc>(container: Container, id: string, partitionKey: string, next: T, etag: string | undefined) {
  return etag
    ? container.item(id, partitionKey).replace<T>(next, { accessCondition: { type: 'IfMatch', condition: etag } })
    : container.items.create<T>(next);
}

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
  /**
   * The version this process last saw, tried first without a read: a large document
   * written many times in a row (a workshop's ledger in a burst of bookings) is then not
   * read back before each write. A stale one costs a 412, then a read, at once.
   */
  known?: VersionSlot<T>,
): Promise<T | undefined> {
  const baseDelayMs = options.baseDelayMs ?? 5;
  let transientFailures = 0;
  let staleKnown = false;
  const remember = (resource: T | undefined, etag: string | undefined): void => known?.set(resource && etag ? { resource, etag } : undefined);
  return withRetries(
    async (attempt) => {
      staleKnown = false;
      const kept = attempt === 1 ? known?.get() : undefined;
      const { resource, etag } = kept ?? (await container.item(id, partitionKey).read<T>());
      if (!kept) remember(resource, etag);
      const next = change(resource);
      if (next === undefined) return resource;
      try {
        const written = await writeOver(container, id, partitionKey, next, resource ? etag : undefined);
        remember(written.resource, written.etag);
        return written.resource ?? next;
      } catch (error) {
        // Whatever failed, what we knew may be out of date: the next try reads.
        known?.set(undefined);
        // Written or deleted since (412, 404), or created when we knew of none (409).
        staleKnown = kept !== undefined && (isStatus(error, 412) || isStatus(error, 409) || isStatus(error, 404));
        throw error;
      }
    },
    {
      attempts: options.maxAttempts ?? 10,
      // A store failure in passing (a 503, a dropped connection: the SDK retries neither
      // on a write) is met like a lost race: read again and re-decide. Safe even when the
      // lost answer hid a write that landed: the re-read sees it.
      retryable: (error) => staleKnown || isStatus(error, 412) || isStatus(error, 409) || (isTransient(error) && ++transientFailures < MAX_TRANSIENT_FAILURES),
      exhausted: () =>
        new DomainError('conflict', 'Lots of people changed this at the same moment and we could not save yours.', {
          hint: 'Please try again.',
        }),
      // Writers who lost a race spread out at once; the ceiling stops doubling after eight tries.
      baseDelayMs,
      maxDelayMs: baseDelayMs * 2 ** 8,
      // Losing only because what we knew was out of date is no crowd to spread out from.
      waitOf: () => (staleKnown ? 0 : undefined),
      jitter: 'full',
      ...(options.random ? { random: options.random } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
    },
  );
}

/**
 * The last version seen of each of a few documents, the most recently used kept
 * (`readModifyWrite`'s `known`): memory for `max` documents at most.
 */
export function versionSlots<T>(max: number): (key: string) => VersionSlot<T> {
  const versions = new Map<string, KnownVersion<T>>();
  return (key) => ({
    get: () => versions.get(key),
    set: (version) => {
      versions.delete(key);
      if (!version) return;
      if (versions.size >= max) versions.delete(versions.keys().next().value as string);
      versions.set(key, version);
    },
  });
}
