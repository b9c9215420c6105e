import { z } from 'zod/v4';
import { DomainError } from '../errors';
import { hasStarted, type NlcEvent } from '../events/event';
import { parseInput } from '../validation';
import type { WorkshopTerms } from './terms';

/** The roles the booking form offers, as stored (key) and as shown (label). */
export const ROLES = {
  headteacher: 'Headteacher',
  'senior-leader': 'Senior leader',
  senco: 'SENCO',
  'inclusion-lead': 'Inclusion lead',
  other: 'Other',
} as const;
export type Role = keyof typeof ROLES;
const ROLE_KEYS = Object.keys(ROLES) as [Role, ...Role[]];

export const MAX_SCHOOL_LENGTH = 120;
export const MAX_NEEDS_LENGTH = 500;

/** The booking form's inputs; the ids match the card's input ids, so problems land beside their field. */
export const bookingFormSchema = z.object({
  role: z.enum(ROLE_KEYS, { error: 'Choose your role from the list.' }),
  school: z
    .string({ error: 'Enter the name of your school or setting.' })
    .trim()
    .min(2, 'Enter the name of your school or setting.')
    .max(MAX_SCHOOL_LENGTH, `Keep the school or setting name to ${MAX_SCHOOL_LENGTH} characters.`),
  needs: z
    .string({ error: 'Access or dietary needs must be text.' })
    .trim()
    .max(MAX_NEEDS_LENGTH, `Keep access or dietary needs to ${MAX_NEEDS_LENGTH} characters; the organisers will contact you for more.`)
    .optional()
    .transform((needs) => needs ?? ''),
});
export type BookingForm = z.infer<typeof bookingFormSchema>;

/** What the person typed, as text, so an invalid form can come back with their values in it. */
export type FormValues = Record<keyof BookingForm, string>;

export const parseBookingForm = (values: unknown): BookingForm => parseInput(bookingFormSchema, values, 'booking form');

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
