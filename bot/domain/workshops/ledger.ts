import { DomainError } from '../errors';
import type { BookingForm } from './booking-form';
import { type EntryChange, tooManyChanges, tooManyChangesError, withChange } from './entry-history';

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
  /** When the workshop ends, as the event says now. */
  eventEndsAt?: string;
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
  | { kind: 'closed'; ledger: Ledger }
  /** The person changed their place too often in the last minute: nothing changed. */
  | { kind: 'busy'; ledger: Ledger };

/**
 * Decides requests that arrived together, in arrival order, against the current ledger:
 * a place while places are left, else the end of the waitlist; someone who already holds
 * a place or a waitlist spot keeps it, and someone who cancelled gets their entry back
 * (with a new place in the queue). Pure, so a write that loses a race simply decides
 * again against what won. `next` is undefined when nothing changed.
 */
export function decideBookings(current: Ledger | undefined, requests: readonly BookingRequest[]): { next?: Ledger; results: BookingDecision[] } {
  const first = requests[0];
  if (!first) return { results: [] };
  const endsAt = first.eventEndsAt ? { eventEndsAt: first.eventEndsAt } : {};
  const ledger = current ? { ...current, ...endsAt, entries: [...current.entries] } : newLedger(first.eventId, first.initialCapacity, first.eventEndsAt);
  let booked = bookedCount(ledger);
  let changed = false;
  const results: BookingDecision[] = requests.map((request) => {
    if (ledger.closed) return { kind: 'closed', ledger };
    const existing = activeEntryOf(ledger, request.userId);
    if (existing) return { kind: 'existing', entry: existing, ledger };
    const previous = ledger.entries.filter((e) => e.userId === request.userId).at(-1);
    if (tooManyChanges(previous, request.at)) return { kind: 'busy', ledger };
    const placed = booked < ledger.capacity;
    const status = placed ? 'booked' : 'waitlisted';
    const entry: BookingEntry = {
      // A new booking reference (a Cancel button on a card of the earlier booking must not
      // cancel this one); the calendar link stays, and the revision tells calendars it changed.
      bookingId: request.bookingId,
      userId: request.userId,
      ...(request.name ? { name: request.name } : {}),
      ...request.form,
      status,
      seq: ledger.nextSeq++,
      requestedAt: request.at,
      ...(placed ? { bookedAt: request.at } : { waitlistedAt: request.at }),
      revision: previous ? previous.revision + 1 : 0,
      // A new booking shows a new calendar link (the old one retires); the revision keeps rising so calendars update the same UID.
      calendarTokenHash: request.calendarTokenHash,
      history: withChange(previous, status, request.at),
    };
    if (previous) ledger.entries = ledger.entries.filter((e) => e.userId !== request.userId);
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
    const up: BookingEntry = { ...e, status: 'booked', bookedAt: at, promotedAt: at, revision: e.revision + 1, history: withChange(e, 'booked', at) };
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
  if (tooManyChanges(entry, at)) throw tooManyChangesError();
  const cancelled: BookingEntry = { ...entry, status: 'cancelled', cancelledAt: at, revision: entry.revision + 1, history: withChange(entry, 'cancelled', at) };
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
