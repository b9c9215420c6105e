import type { ExportGrantRecord } from '../downloads';
import type { Ledger } from './ledger';
import type { BookingReminder } from './book-reminders';
import type { BookingDecision, BookingRequest } from './ledger-changes';

/** What workshop booking needs from storage. `bot/data/workshop-store.ts` implements it on Cosmos. */
export interface WorkshopStore {
  getLedger(eventId: string): Promise<Ledger | undefined>;
  /**
   * Decides a booking request with `decideBookings`. Requests for one workshop that
   * arrive while a write for it is in flight are decided together, in arrival order, by
   * the next etag-guarded write of the ledger.
   */
  book(request: BookingRequest): Promise<BookingDecision>;
  /**
   * Read-modify-write of a workshop's ledger, guarded by its etag: `change` may run more
   * than once (it is re-run against the winner after a lost race), so it must be pure.
   * It returns the next ledger (or undefined to leave it) and a result for the caller.
   */
  updateLedger<R>(eventId: string, change: (current: Ledger | undefined) => { next?: Ledger; result: R }): Promise<R>;
  /** Ids of the workshops where this person has an entry, or booked one for a colleague (any status). */
  workshopsOfUser(userId: string): Promise<string[]>;
  /** "Remind me to book" requests: one per (workshop, person); saving twice keeps one, deleting a missing one changes nothing. */
  saveBookingReminder(reminder: BookingReminder): Promise<void>;
  getBookingReminder(eventId: string, userId: string): Promise<BookingReminder | undefined>;
  deleteBookingReminder(eventId: string, userId: string): Promise<void>;
  listBookingReminders(eventId: string): Promise<BookingReminder[]>;
  /** A short-lived permission to download a workshop's attendee list, kept by the hash of its token. */
  saveExportGrant(grant: ExportGrant): Promise<void>;
  getExportGrant(eventId: string, tokenHash: string): Promise<ExportGrant | undefined>;
}

export interface ExportGrant extends ExportGrantRecord {
  eventId: string;
}

export type { DownloadLinks } from '../downloads';
