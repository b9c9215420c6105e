import type { Container } from '@azure/cosmos';
import type { BookingEntry, Ledger } from '../domain/workshops/ledger';
import { type BookingDecision, type BookingRequest, decideBookings } from '../domain/workshops/ledger-changes';
import type { ExportGrant, WorkshopStore } from '../domain/workshops/ports';
import { coalesce } from './cosmos/coalesce';
import { ttlAfter, type TtlOptions } from './cosmos/ttl';
import { storeCall } from './cosmos/errors';
import { readModifyWrite, type VersionSlot, versionSlots } from './cosmos/etag';
import { groupCommit } from './cosmos/group-commit';
import { bookingReminderMethods } from './booking-reminder-store';

/**
 * Workshop bookings live in the workshop's own partition of the events container
 * (partition key /eventId), beside the event document:
 *   { type: "ledger", id: "ledger", eventId, capacity, closed, nextSeq, entries: [...], changes: [...] }
 *   (an entry keeps only the SHA-256 of its calendar link's secret: calendarTokenHash)
 *   { type: "export", id: "export:<sha256 of token>", eventId, by, createdAt, expiresAt }
 * The ledger holds every booking with its details and history, so the one etag-guarded
 * replace of it is the commit point of every booking, cancellation and promotion. In
 * Azure each carries its own Cosmos TTL (the ledger's from the workshop's end, an export
 * grant's from its expiry), so neither outlives the event document that Cosmos removes.
 */
const LEDGER_ID = 'ledger';
type LedgerDoc = Ledger & { id: typeof LEDGER_ID; type: 'ledger'; ttl?: number };
type ExportDoc = ExportGrant & { id: string; type: 'export'; ttl?: number };

const exportId = (tokenHash: string): string => `export:${tokenHash}`;

function toLedger(doc: LedgerDoc): Ledger {
  const { eventId, eventEndsAt, capacity, closed, nextSeq, entries, changes } = doc;
  return { eventId, ...(eventEndsAt ? { eventEndsAt } : {}), capacity, closed, nextSeq, entries, changes };
}

/** The Cosmos TTL a document gets, if any: none outside Azure. */
type Ttl = { ttl?: number };
/**
 * Entries written before calendar links were hashed carry the link's secret itself
 * (`calendarToken`): it is dropped on the ledger's next write, and the person gets a new
 * link from Add to calendar.
 */
const withoutPlainToken = (entry: BookingEntry): BookingEntry => {
  if (!('calendarToken' in entry)) return entry;
  const { calendarToken: _plain, ...rest } = entry as BookingEntry & { calendarToken?: string };
  return rest;
};

const toDoc = (ledger: Ledger, ttl: Ttl): LedgerDoc => ({ ...ledger, entries: ledger.entries.map(withoutPlainToken), id: LEDGER_ID, type: 'ledger', ...ttl });

/** One etag-guarded read-modify-write of a ledger; `change` is re-run after a lost race, and the result of the run that was written comes back. */
async function changeLedger<R>(
  container: Container,
  ttlOf: (ledger: Ledger) => Ttl,
  eventId: string,
  change: (current: Ledger | undefined) => { next?: Ledger; result: R },
  known: VersionSlot<LedgerDoc>,
): Promise<R> {
  let result: R | undefined;
  await readModifyWrite<LedgerDoc>(container, LEDGER_ID, eventId, (current) => {
    const outcome = change(current ? toLedger(current) : undefined);
    result = outcome.result;
    return outcome.next ? toDoc(outcome.next, ttlOf(outcome.next)) : undefined;
  }, {}, known);
  // readModifyWrite runs `change` at least once before it returns.
  return result as R;
}

/**
 * A whole ledger write per burst, not per click: hundreds of people pressing Book at
 * once would otherwise each read the ledger, lose the etag race to one another and
 * retry (hundreds of 412s). Requests that arrive while a write is in flight are decided
 * together by the next one; other instances of the bot still race through the etag.
 */
const MAX_REQUESTS_PER_WRITE = 1000;
const GATHER_ROUNDS = 64;

/**
 * Ledgers whose last version this process keeps to write over without reading it first
 * (a full workshop's is about 150 kB: reading it back before each write of a burst was a
 * third of the burst's JSON). Another instance's write makes it stale: one 412, one read.
 */
const LEDGERS_KNOWN = 20;

export function createWorkshopStore(container: Container, options: TtlOptions = {}): WorkshopStore {
  // Cosmos TTL in Azure only (cosmos/ttl.ts): a ledger RETENTION_DAYS after its workshop, an export grant when it expires.
  const ledgerTtl = (ledger: Ledger): Ttl => ttlAfter(options, ledger.eventEndsAt, options.retentionDays ?? 0);
  const known = versionSlots<LedgerDoc>(LEDGERS_KNOWN);
  const change = <R>(eventId: string, decide: (current: Ledger | undefined) => { next?: Ledger; result: R }): Promise<R> =>
    storeCall(() => changeLedger(container, ledgerTtl, eventId, decide, known(eventId)));
  const book = groupCommit<string, BookingRequest, BookingDecision>(
    (eventId, requests) => change(eventId, (current) => {
      const { next, results } = decideBookings(current, requests);
      return { next, result: results };
    }),
    { maxBatch: MAX_REQUESTS_PER_WRITE, gatherRounds: GATHER_ROUNDS },
  );

  // A posted card refreshes for every member who sees it, and a full workshop's ledger
  // is a sizeable document: concurrent readers share one read that started after they
  // asked (so each still sees its own earlier writes).
  const getLedger = coalesce((eventId: string) =>
    storeCall(async () => {
      const { resource } = await container.item(LEDGER_ID, eventId).read<LedgerDoc>();
      return resource ? toLedger(resource) : undefined;
    }),
  );

  return {
    ...bookingReminderMethods(container, options),
    getLedger,

    book: (request) => book(request.eventId, request),

    updateLedger: change,

    workshopsOfUser: (userId) =>
      storeCall(async () => {
        // The embedded server has no DISTINCT; a person has few entries, so de-duplicate here.
        const { resources } = await container.items
          .query<string>({
            query: "SELECT VALUE c.eventId FROM c JOIN e IN c.entries WHERE c.type = 'ledger' AND (e.userId = @userId OR e.bookedBy.userId = @userId)",
            parameters: [{ name: '@userId', value: userId }],
          })
          .fetchAll();
        return [...new Set(resources)];
      }),

    saveExportGrant: (grant) =>
      storeCall(async () => {
        const doc: ExportDoc = { ...grant, id: exportId(grant.tokenHash), type: 'export', ...ttlAfter(options, grant.expiresAt, 0) };
        await container.items.create(doc);
      }),

    getExportGrant: (eventId, tokenHash) =>
      storeCall(async () => {
        const { resource } = await container.item(exportId(tokenHash), eventId).read<ExportDoc>();
        if (!resource || resource.type !== 'export') return undefined;
        const { eventId: id, tokenHash: hash, by, createdAt, expiresAt } = resource;
        return { eventId: id, tokenHash: hash, by, createdAt, expiresAt };
      }),
  };
}
