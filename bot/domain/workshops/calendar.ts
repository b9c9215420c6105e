import { createEvent, type DateTime, type EventAttributes } from 'ics';
import type { Workshop } from './workshop';
import { addDaysToDate, londonDate } from '../time';
import type { BookingEntry } from './ledger';

/**
 * The calendar file (iCalendar, RFC 5545) for one booking. Its UID is the booking's, so
 * every later download updates the same calendar entry; SEQUENCE adds the workshop's
 * change counter to the booking's, so a changed workshop or a promotion or cancellation
 * always comes with a higher one. Times are UTC instants (DTSTART:...Z), which every
 * calendar shows in the reader's own zone: 09:00 London on 7 May 2024 is 08:00Z.
 */
export function calendarFile(workshop: Workshop, entry: BookingEntry, now: Date): string {
  const cancelled = entry.status === 'cancelled' || workshop.status === 'cancelled';
  const waiting = entry.status === 'waitlisted';
  const location = workshop.location;
  // `timestamp` (DTSTAMP) is read by the package but missing from its types.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: 'nlc-teams-bot',
    method: 'PUBLISH',
    uid: `${entry.bookingId}@nlc-teams-bot`,
    sequence: workshop.sequence + entry.revision,
    timestamp: now.getTime(),
    title: waiting ? `${workshop.title} (waiting list)` : workshop.title,
    description: [
      workshop.summary,
      `For: ${workshop.audience}.`,
      waiting ? 'You are on the waiting list: if a place opens you will be booked and told in Teams.' : undefined,
      cancelled ? 'This booking is cancelled.' : undefined,
      `Booking reference: ${entry.bookingId.slice(0, 8)}.`,
    ]
      .filter(Boolean)
      .join('\n'),
    ...times(workshop),
    location: location.type === 'venue' ? [location.name, location.address].filter(Boolean).join(', ') : 'Online (Microsoft Teams)',
    ...(location.type === 'online' && location.joinUrl ? { url: location.joinUrl } : {}),
    organizer: { name: workshop.booking.organiser.name, email: workshop.booking.organiser.email },
    status: cancelled ? 'CANCELLED' : waiting ? 'TENTATIVE' : 'CONFIRMED',
    busyStatus: waiting || cancelled ? 'FREE' : 'BUSY',
  };
  const { error, value } = createEvent(attributes);
  // Our own attributes failing the package's schema is a bug, not something a person can fix.
  if (error || !value) throw error ?? new Error('calendar file was not created');
  return value;
}

/** UTC instants; a workshop whose time is to be confirmed is an all-day entry on its London date (DTSTART;VALUE=DATE). */
type Times = Pick<EventAttributes, 'start' | 'startInputType' | 'startOutputType' | 'endInputType' | 'endOutputType'> & { end: DateTime };

function times(workshop: Workshop): Times {
  if (workshop.timeToBeConfirmed) {
    const day = (iso: string): [number, number, number] => iso.split('-').map(Number) as [number, number, number];
    const date = londonDate(new Date(workshop.startsAt));
    return { start: day(date), end: day(addDaysToDate(date, 1)) };
  }
  return {
    start: new Date(workshop.startsAt).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: new Date(workshop.endsAt).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
  };
}

/** A file name people recognise in their downloads folder. */
export const calendarFileName = (workshop: Workshop): string => `${workshop.id}.ics`;
