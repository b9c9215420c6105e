import { DomainError } from '../errors';
import type { BookingEntry, BookingStatus } from './ledger';

/**
 * What a person's entry remembers of its past, and how often they may change it. A
 * workshop's ledger is one document that every booking shares, so one person's clicks
 * must neither grow it (their entry is reused when they book again, and only its latest
 * changes are kept) nor keep rewriting it for everyone (a few changes a minute at most).
 */
export interface EntryChange {
  status: BookingStatus;
  at: string;
}

/** Enough for the attendee list and for the rate below; older changes are dropped. */
export const HISTORY_LIMIT = 10;

/** A person's changes to their place in one workshop in any minute: any real change of mind fits; a stuck button or a script does not. */
export const MAX_CHANGES_PER_MINUTE = 6;
const MINUTE_MS = 60_000;

export const withChange = (entry: Pick<BookingEntry, 'history'> | undefined, status: BookingStatus, at: string): EntryChange[] =>
  [...(entry?.history ?? []), { status, at }].slice(-HISTORY_LIMIT);

export function tooManyChanges(entry: Pick<BookingEntry, 'history'> | undefined, at: string): boolean {
  const since = Date.parse(at) - MINUTE_MS;
  return (entry?.history ?? []).filter((change) => Date.parse(change.at) > since).length >= MAX_CHANGES_PER_MINUTE;
}

export const tooManyChangesError = (): DomainError =>
  new DomainError('rate_limited', 'You have changed this booking many times; try again in a minute.', {
    hint: 'Nothing was changed this time. Type "my bookings" to see your place.',
  });
