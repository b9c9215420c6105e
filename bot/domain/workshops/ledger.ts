import { DomainError } from '../errors';
import type { BookingForm } from './booking';

/**
 * The allocation of one workshop's places: one document, the single source of truth for
 * who is booked, who waits, and in which order. Every change to it is one etag-guarded
 * write of the whole ledger, so that write is the commit point: nothing about a booking
 * lives anywhere else that could disagree with it after a crash. Entries are never
 * deleted; their timestamps are the history the attendee list and export show.
 */
export type BookingStatus = 'booked' | 'waitlisted' | 'cancelled';

/** What came of telling a promoted person; absent until someone tried. */
export type PromotionNotice =
  | { status: 'sent'; at: string; messageId: string }
  /** They have no personal chat with the bot, so Teams gives us no way to reach them. */
  | { status: 'no_personal_chat'; at: string }
  /** Teams refused for good (blocked, gone) or we gave up retrying. */
  | { status: 'failed'; at: string; failure: string }
  /** Throttled or a passing failure: the promotion-notices job tries again. */
  | { status: 'retry'; at: string; failure: string; attempts: number };

export interface BookingEntry extends BookingForm {
  bookingId: string;
  /** Entra object id of the person who booked. */
  userId: string;
  /** Display name from Teams, for the attendee list. */
  name?: string;
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
  capacity: number;
  /** Closed by an organiser (the deadline closes booking by itself, see booking.ts). */
  closed: boolean;
  nextSeq: number;
  entries: BookingEntry[];
  changes: LedgerChange[];
}

export const newLedger = (eventId: string, capacity: number): Ledger => ({ eventId, capacity, closed: false, nextSeq: 1, entries: [], changes: [] });

export const activeEntryOf = (ledger: Ledger | undefined, userId: string): BookingEntry | undefined =>
  ledger?.entries.find((e) => e.userId === userId && e.status !== 'cancelled');

export const bookedCount = (ledger: Ledger | undefined): number => ledger?.entries.filter((e) => e.status === 'booked').length ?? 0;

/** Waiting entries, first in line first. */
export const waitlist = (ledger: Ledger | undefined): BookingEntry[] =>
  (ledger?.entries ?? []).filter((e) => e.status === 'waitlisted').sort((a, b) => a.seq - b.seq);

/** 1 for the first person waiting; undefined when not waiting. */
export function waitlistPosition(ledger: Ledger, entry: BookingEntry): number | undefined {
  if (entry.status !== 'waitlisted') return undefined;
  return ledger.entries.filter((e) => e.status === 'waitlisted' && e.seq < entry.seq).length + 1;
}

export interface BookingRequest {
  eventId: string;
  /** Capacity to start the ledger with if this is the workshop's first booking. */
  initialCapacity: number;
  userId: string;
  name?: string;
  form: BookingForm;
  at: string;
  bookingId: string;
  /** SHA-256 of the new booking's calendar link secret. */
  calendarTokenHash: string;
}

export type BookingDecision =
  | { kind: 'booked' | 'waitlisted' | 'existing'; entry: BookingEntry; ledger: Ledger }
  | { kind: 'closed'; ledger: Ledger };

/**
 * Decides requests that arrived together, in arrival order, against the current ledger:
 * a place while places are left, else the end of the waitlist; someone who already holds
 * a place or a waitlist spot keeps it. Pure, so a write that loses a race simply decides
 * again against what won. `next` is undefined when nothing changed.
 */
export function decideBookings(current: Ledger | undefined, requests: readonly BookingRequest[]): { next?: Ledger; results: BookingDecision[] } {
  const first = requests[0];
  if (!first) return { results: [] };
  const ledger = current ? { ...current, entries: [...current.entries] } : newLedger(first.eventId, first.initialCapacity);
  let booked = bookedCount(ledger);
  let changed = false;
  const results: BookingDecision[] = requests.map((request) => {
    if (ledger.closed) return { kind: 'closed', ledger };
    const existing = activeEntryOf(ledger, request.userId);
    if (existing) return { kind: 'existing', entry: existing, ledger };
    const placed = booked < ledger.capacity;
    const entry: BookingEntry = {
      bookingId: request.bookingId,
      userId: request.userId,
      ...(request.name ? { name: request.name } : {}),
      ...request.form,
      status: placed ? 'booked' : 'waitlisted',
      seq: ledger.nextSeq++,
      requestedAt: request.at,
      ...(placed ? { bookedAt: request.at } : { waitlistedAt: request.at }),
      revision: 0,
      calendarTokenHash: request.calendarTokenHash,
    };
    ledger.entries.push(entry);
    if (placed) booked++;
    changed = true;
    return { kind: placed ? 'booked' : 'waitlisted', entry, ledger };
  });
  return { next: changed ? ledger : undefined, results };
}

/** Fills free places from the front of the waitlist; returns the ledger and who moved up. */
export function promote(ledger: Ledger, at: string): { ledger: Ledger; promoted: BookingEntry[] } {
  const free = ledger.capacity - bookedCount(ledger);
  const moving = new Set(waitlist(ledger).slice(0, Math.max(0, free)).map((e) => e.bookingId));
  if (moving.size === 0) return { ledger, promoted: [] };
  const promoted: BookingEntry[] = [];
  const entries = ledger.entries.map((e) => {
    if (!moving.has(e.bookingId)) return e;
    const up: BookingEntry = { ...e, status: 'booked', bookedAt: at, promotedAt: at, revision: e.revision + 1 };
    promoted.push(up);
    return up;
  });
  return { ledger: { ...ledger, entries }, promoted };
}

export interface CancelResult {
  ledger: Ledger;
  cancelled: BookingEntry;
  promoted: BookingEntry[];
  /** False when it was already cancelled (a second click): nothing changed. */
  changed: boolean;
}

/** Cancels the person's own booking or waitlist place; a freed place goes to the first in line at once. */
export function cancelEntry(ledger: Ledger | undefined, bookingId: string, userId: string, at: string): CancelResult {
  const entry = ledger?.entries.find((e) => e.bookingId === bookingId);
  if (!ledger || !entry) {
    throw new DomainError('not_found', 'We could not find that booking for this workshop, so nothing was changed.', {
      hint: 'Type "my bookings" to see your places.',
    });
  }
  if (entry.userId !== userId) {
    throw new DomainError('forbidden', 'That booking belongs to someone else, so nothing was changed.', {
      hint: 'You can only cancel your own booking. Type "my bookings" to see yours.',
    });
  }
  if (entry.status === 'cancelled') return { ledger, cancelled: entry, promoted: [], changed: false };
  const cancelled: BookingEntry = { ...entry, status: 'cancelled', cancelledAt: at, revision: entry.revision + 1 };
  const withoutIt = { ...ledger, entries: ledger.entries.map((e) => (e.bookingId === bookingId ? cancelled : e)) };
  const { ledger: next, promoted } = promote(withoutIt, at);
  return { ledger: next, cancelled, promoted, changed: true };
}

/** Raising capacity promotes from the waitlist; lowering it never takes a place away from anyone. */
export function changeCapacity(ledger: Ledger, capacity: number, by: string, at: string): { ledger: Ledger; promoted: BookingEntry[] } {
  if (capacity === ledger.capacity) return { ledger, promoted: [] };
  const changes = [...ledger.changes, { at, kind: 'capacity' as const, by, from: ledger.capacity, to: capacity }];
  return promote({ ...ledger, capacity, changes }, at);
}

/** Organisers' switch for new bookings; cancelling and promotion carry on either way. */
export function setClosed(ledger: Ledger, closed: boolean, by: string, at: string): Ledger {
  if (ledger.closed === closed) return ledger;
  return { ...ledger, closed, changes: [...ledger.changes, { at, kind: closed ? 'closed' : 'reopened', by }] };
}

export function recordNotice(ledger: Ledger, bookingId: string, notice: PromotionNotice): Ledger {
  return { ...ledger, entries: ledger.entries.map((e) => (e.bookingId === bookingId ? { ...e, notice } : e)) };
}

export interface ForgetResult {
  ledger: Ledger;
  /** How many of the person's entries were removed (any status). */
  removed: number;
  /** People moved up into a place the person held. */
  promoted: BookingEntry[];
}

/**
 * Removes every entry of one person ("forget me"): unlike a cancellation, nothing of
 * theirs is kept, not even the history. A place they held goes to the first in line, as
 * when they cancel, unless `refill` is false (the workshop has started).
 */
export function forgetPerson(ledger: Ledger, userId: string, at: string, refill: boolean): ForgetResult {
  const entries = ledger.entries.filter((e) => e.userId !== userId);
  const removed = ledger.entries.length - entries.length;
  if (removed === 0) return { ledger, removed, promoted: [] };
  const without = { ...ledger, entries };
  const { ledger: next, promoted } = refill ? promote(without, at) : { ledger: without, promoted: [] };
  return { ledger: next, removed, promoted };
}
