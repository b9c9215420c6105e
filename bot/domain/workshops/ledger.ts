import type { UnreachableReason } from '../conversations/reach';
import type { BookingForm } from './booking-form';
import type { EntryChange } from './entry-history';

/**
 * The allocation of one workshop's places: one document, the single source of truth for
 * who is booked, who waits, and in which order. Every change to it is one etag-guarded
 * write of the whole ledger, so that write is the commit point: nothing about a booking
 * lives anywhere else that could disagree with it after a crash. A person has one entry,
 * reused when they book again after cancelling; its timestamps and its short history are
 * what the attendee list and export show (see entry-history.ts).
 */
export type BookingStatus = 'booked' | 'waitlisted' | 'cancelled';

/** What came of telling a promoted person; absent until someone tried. */
export type PromotionNotice =
  | { status: 'sent'; at: string; messageId: string }
  /** The bot could not reach them, for `reason` (absent on records from before reasons were kept: no personal chat). */
  | { status: 'no_personal_chat'; at: string; reason?: UnreachableReason }
  /** Teams refused for good (blocked, gone) or we gave up retrying. */
  | { status: 'failed'; at: string; failure: string }
  /** Throttled or a passing failure: the promotion-notices job tries again. */
  | { status: 'retry'; at: string; failure: string; attempts: number };

export interface BookingEntry extends BookingForm {
  bookingId: string;
  /**
   * Who the place is for: their Entra object id, or, for a colleague booked by someone
   * else whom the bot does not know in Teams, `email:<their email>` (colleague.ts). One
   * entry per attendee, whoever clicked.
   */
  userId: string;
  /** Display name from Teams (or as a colleague's booker typed it), for the attendee list. */
  name?: string;
  /** A colleague's work email, as their booker gave it. */
  email?: string;
  /** Someone who booked this place for a colleague (and may cancel it). */
  bookedBy?: { userId: string; name?: string };
  status: BookingStatus;
  /** Arrival order within this workshop; the waitlist is served in this order. */
  seq: number;
  /** UTC instants of each state change. */
  requestedAt: string;
  bookedAt?: string;
  waitlistedAt?: string;
  promotedAt?: string;
  cancelledAt?: string;
  /** Bumped on every status change: the calendar file's SEQUENCE grows with it. */
  revision: number;
  /** SHA-256 of the secret in this booking's current calendar link (the secret is never kept: see calendar-links.ts). */
  calendarTokenHash?: string;
  notice?: PromotionNotice;
  /** The latest status changes, oldest first, at most HISTORY_LIMIT. */
  history?: EntryChange[];
}

export interface LedgerChange {
  at: string;
  kind: 'capacity' | 'closed' | 'reopened';
  /** Entra object id of the organiser. */
  by: string;
  from?: number;
  to?: number;
}

export interface Ledger {
  eventId: string;
  /** When the workshop ends (UTC), so the ledger's retention is known without the event (bot/data/retention-rules.ts). */
  eventEndsAt?: string;
  capacity: number;
  /** Closed by an organiser (the deadline closes booking by itself, see workshop.ts). */
  closed: boolean;
  nextSeq: number;
  entries: BookingEntry[];
  changes: LedgerChange[];
}

export const newLedger = (eventId: string, capacity: number, eventEndsAt?: string): Ledger => ({
  eventId,
  ...(eventEndsAt ? { eventEndsAt } : {}),
  capacity,
  closed: false,
  nextSeq: 1,
  entries: [],
  changes: [],
});

export const activeEntryOf = (ledger: Ledger | undefined, userId: string): BookingEntry | undefined =>
  ledger?.entries.find((e) => e.userId === userId && e.status !== 'cancelled');

/** Places a person booked for colleagues and that still stand. */
export const bookedForOthers = (ledger: Ledger | undefined, userId: string): BookingEntry[] =>
  (ledger?.entries ?? []).filter((e) => e.bookedBy?.userId === userId && e.status !== 'cancelled');

export const bookedCount = (ledger: Ledger | undefined): number => ledger?.entries.filter((e) => e.status === 'booked').length ?? 0;

/** Waiting entries, first in line first. */
export const waitlist = (ledger: Ledger | undefined): BookingEntry[] =>
  (ledger?.entries ?? []).filter((e) => e.status === 'waitlisted').sort((a, b) => a.seq - b.seq);

/** 1 for the first person waiting; undefined when not waiting. */
export function waitlistPosition(ledger: Ledger, entry: BookingEntry): number | undefined {
  if (entry.status !== 'waitlisted') return undefined;
  return ledger.entries.filter((e) => e.status === 'waitlisted' && e.seq < entry.seq).length + 1;
}
