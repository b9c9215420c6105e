import { DomainError } from '../errors';
import type { BookingForm } from './booking-form';
import { tooManyChanges, tooManyChangesError, withChange } from './entry-history';
import { activeEntryOf, bookedCount, type BookingEntry, type Ledger, newLedger, waitlist } from './ledger';

/**
 * Every change to a workshop's ledger (ledger.ts), as pure functions of the ledger as
 * stored: booking, promotion from the waitlist, cancellation, capacity, closing. The
 * store runs them inside one etag-guarded write, so a write that loses a race simply
 * decides again against what won.
 */

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
  /** A colleague's booking: their email, and who booked it for them. */
  email?: string;
  bookedBy?: { userId: string; name?: string };
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
      ...(request.email ? { email: request.email } : {}),
      ...(request.bookedBy ? { bookedBy: request.bookedBy } : {}),
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

/** Cancels the person's own booking or waitlist place, or one they made for a colleague; a freed place goes to the first in line at once. */
export function cancelEntry(ledger: Ledger | undefined, bookingId: string, userId: string, at: string): CancelResult {
  const entry = ledger?.entries.find((e) => e.bookingId === bookingId);
  if (!ledger || !entry) {
    throw new DomainError('not_found', 'We could not find that booking for this workshop, so nothing was changed.', {
      hint: 'Type "my bookings" to see your places.',
    });
  }
  if (entry.userId !== userId && entry.bookedBy?.userId !== userId) {
    throw new DomainError('forbidden', 'That booking belongs to someone else, so nothing was changed.', {
      hint: 'You can cancel your own booking and those you made for colleagues. Type "my bookings" to see them.',
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
