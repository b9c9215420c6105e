import { hashToken, newToken, sameSecret } from '../downloads';
import { DomainError } from '../errors';
import { addLondonDays, formatDate } from '../time';
import type { Workshop } from './workshop';
import { activeEntryOf, type BookingEntry, type Ledger } from './ledger';

/**
 * A booking's calendar link carries a secret: whoever has the link gets the file. The
 * ledger keeps only a hash of it (as export grants do), so a copy of the data is no key
 * to the files; and since App Service logs request paths, a link stops working a week
 * after the workshop ends. The secret is known only when the link is made (on booking,
 * or when the person asks for one later), so only that answer shows the link; asking
 * again makes a new one and retires the last.
 */
export const CALENDAR_LINK_DAYS_AFTER = 7;

/** When a workshop's calendar links stop working. */
export const calendarLinksEnd = (workshop: Workshop): Date => addLondonDays(new Date(workshop.endsAt), CALENDAR_LINK_DAYS_AFTER);

/** Whether a calendar link for this workshop may be made or used now. */
export const calendarLinksOpen = (workshop: Workshop, now: Date): boolean => workshop.status !== 'cancelled' && now <= calendarLinksEnd(workshop);

/** A fresh link secret, and the hash the ledger keeps of it. */
export function newCalendarToken(): { token: string; hash: string } {
  const token = newToken();
  return { token, hash: hashToken(token) };
}

/** The entry this link is for, if the token is one the ledger holds the hash of. */
export function entryForCalendarToken(ledger: Ledger | undefined, token: string): BookingEntry | undefined {
  const hash = hashToken(token);
  return ledger?.entries.find((e) => e.calendarTokenHash !== undefined && sameSecret(e.calendarTokenHash, hash));
}

/** Whether `token` is the secret of this entry's current link. */
export const isCalendarTokenOf = (entry: BookingEntry, token: string | undefined): boolean =>
  token !== undefined && entry.calendarTokenHash !== undefined && sameSecret(entry.calendarTokenHash, hashToken(token));

/**
 * Gives the person's own booking or waitlist place a new link hash (the last link stops
 * working). Pure, for an etag-guarded ledger write; refuses when there is no place to
 * link to or the links have ended.
 */
export function withNewCalendarLink(ledger: Ledger | undefined, workshop: Workshop, userId: string, hash: string, now: Date): Ledger {
  if (!calendarLinksOpen(workshop, now)) {
    const why = workshop.status === 'cancelled' ? 'the workshop was cancelled' : `calendar links end a week after the workshop (${formatDate(calendarLinksEnd(workshop))})`;
    throw new DomainError('closed', `There is no calendar file for "${workshop.title}" any more: ${why}.`);
  }
  const entry = activeEntryOf(ledger, userId);
  if (!ledger || !entry) {
    throw new DomainError('not_found', `You have no place in "${workshop.title}", so there is no calendar file to add.`, {
      hint: 'Type "my bookings" to see your places.',
    });
  }
  return { ...ledger, entries: ledger.entries.map((e) => (e === entry ? { ...e, calendarTokenHash: hash } : e)) };
}
