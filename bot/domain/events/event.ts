import { z } from 'zod/v4';
import { reminderDaysSchema } from '../reminders/reminders';
import { workshopTermsSchema } from '../workshops/terms';
import { requestKeySchema } from '../request-key';
import { flourishSchema } from '../flourish';
import { exampleSchema, httpsUrlSchema } from '../content-fields';

/** Ids appear in card data and Cosmos ids, so they are short, lower-case slugs. */
export const eventIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,79}$/, 'an event id is lower-case letters, digits and dashes');

const utcInstant = z.iso.datetime({ message: 'expected a UTC instant like 2024-05-07T08:00:00Z' });

export const locationSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('venue'),
    name: z.string().trim().min(2).max(120),
    address: z.string().trim().max(200).optional(),
  }),
  z.object({
    type: z.literal('online'),
    /** A Teams meeting link; optional because some sessions publish it later ("joining details to follow"). */
    joinUrl: httpsUrlSchema.optional(),
  }),
]);
export type EventLocation = z.infer<typeof locationSchema>;

export const eventSchema = z
  .object({
    id: eventIdSchema,
    kind: z.enum(['event', 'workshop']).default('event'),
    title: z.string().trim().min(3).max(140),
    summary: z.string().trim().max(600).optional(),
    startsAt: utcInstant,
    endsAt: utcInstant,
    location: locationSchema,
    audience: z.string().trim().min(2).max(200),
    flourish: flourishSchema.optional(),
    /** Groups sessions, e.g. "Norfolk Practice Week 2024". */
    series: z.string().trim().max(80).optional(),
    /**
     * A draft is not published yet: only organisers find it (in their own chat with the bot),
     * it takes no answers or bookings, and its public page is "not found". Listings show
     * scheduled events only.
     */
    status: z.enum(['scheduled', 'draft', 'cancelled']).default('scheduled'),
    /** The date is known, the time is not yet: the instants span the London day and cards say "time to be confirmed" (when.ts). */
    timeToBeConfirmed: z.literal(true).optional(),
    /** Where people book when it is not booked here (e.g. Eventbrite): a button on the card. */
    bookingUrl: httpsUrlSchema.optional(),
    /** Its programme or brochure: a button on the card. */
    brochureUrl: httpsUrlSchema.optional(),
    /** What on its card is illustrative rather than fact (demo data). */
    example: exampleSchema.optional(),
    /** Bumped on every change, so calendar files and posted cards can tell they are stale. */
    sequence: z.number().int().min(0).default(0),
    /** Workshops only: places, booking deadline and organiser. */
    booking: workshopTermsSchema.optional(),
    /** Days before the start that people who are coming get a reminder; absent = the default (7 and 1). */
    reminderDays: reminderDaysSchema.optional(),
    /** The request that created it (request-key.ts): a repeat of that request finds this instead of making a copy. */
    createdFrom: requestKeySchema.optional(),
  })
  .refine((e) => e.endsAt > e.startsAt, { path: ['endsAt'], message: 'the end must be after the start' })
  .refine((e) => (e.kind === 'workshop') === (e.booking !== undefined), {
    path: ['booking'],
    message: 'a workshop needs booking terms, and only a workshop has them',
  });

export type NlcEvent = z.infer<typeof eventSchema>;

export const hasStarted = (event: NlcEvent, now: Date): boolean => new Date(event.startsAt) <= now;
export const hasEnded = (event: NlcEvent, now: Date): boolean => new Date(event.endsAt) <= now;
