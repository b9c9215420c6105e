import { DomainError } from '../errors';
import { hasStarted, type NlcEvent } from '../events/event';
import type { WorkshopTerms } from './terms';

/** An event that takes bookings: a workshop, with its terms. */
export type Workshop = NlcEvent & { booking: WorkshopTerms };

export function asWorkshop(event: NlcEvent | undefined): Workshop {
  if (!event) {
    throw new DomainError('not_found', 'That workshop is no longer in the NLC programme.', { hint: 'Type "events" for the current programme.' });
  }
  if (event.kind !== 'workshop' || !event.booking) {
    throw new DomainError('not_found', `"${event.title}" is not a workshop with places to book.`, {
      hint: 'Answer Going, Maybe or Can\'t go on its card instead. Type "events" for the programme.',
    });
  }
  return event as Workshop;
}

export const deadlinePassed = (workshop: Workshop, now: Date): boolean => now > new Date(workshop.booking.deadline);

/** Why no new booking is taken, if none is; the organisers' close switch lives in the ledger. */
export function closedReason(workshop: Workshop, now: Date, closedByOrganiser: boolean): string | undefined {
  if (workshop.status === 'cancelled') return `"${workshop.title}" has been cancelled.`;
  if (workshop.status === 'draft') return `"${workshop.title}" is not published yet.`;
  if (hasStarted(workshop, now)) return `"${workshop.title}" has already started.`;
  if (deadlinePassed(workshop, now)) return `The booking deadline for "${workshop.title}" has passed.`;
  if (closedByOrganiser) return `The organisers have closed booking for "${workshop.title}".`;
  return undefined;
}

export function assertCanBook(workshop: Workshop, now: Date, closedByOrganiser = false): void {
  const reason = closedReason(workshop, now, closedByOrganiser);
  if (reason) throw new DomainError('closed', `${reason} Booking is closed, so nothing was booked.`, { hint: 'Type "my bookings" to see your places.' });
}

/** Cancelling stays open after the deadline, so a place can go to the waitlist, until the workshop starts. */
export function assertCanCancel(workshop: Workshop, now: Date): void {
  if (hasStarted(workshop, now)) {
    throw new DomainError('closed', `"${workshop.title}" has already started, so bookings can no longer be changed.`, {
      hint: 'If you cannot come, please tell the organisers.',
    });
  }
}

/** Organisers change capacity and open or close booking until the workshop starts. */
export function assertCanManage(workshop: Workshop, now: Date): void {
  if (hasStarted(workshop, now)) {
    throw new DomainError('closed', `"${workshop.title}" has already started, so its booking can no longer be changed.`);
  }
}
