import { z } from 'zod/v4';
import { programmeTermsSchema, termsFromProgramme } from '../workshops/terms';
import { flourishSchema } from '../flourish';
import { eventIdSchema, eventSchema, locationSchema, type NlcEvent } from './event';
import { eventTimes } from './when';

/**
 * A programme entry as people write it: a London date and wall-clock times, not UTC
 * instants. The demo programme file uses this form, so the facts in it read exactly as
 * the NLC letter states them ("7 May 2024, 9-12"); where it gives a date and no time
 * ("save the date"), the entry leaves the times out and the event's time is to be confirmed.
 */
export const programmeEntrySchema = z.object({
  id: eventIdSchema,
  kind: z.enum(['event', 'workshop']).default('event'),
  title: z.string(),
  summary: z.string().optional(),
  date: z.iso.date(),
  start: z.iso.time({ precision: -1 }).optional(),
  end: z.iso.time({ precision: -1 }).optional(),
  location: locationSchema,
  audience: z.string(),
  flourish: flourishSchema.optional(),
  series: z.string().optional(),
  bookingUrl: z.string().optional(),
  brochureUrl: z.string().optional(),
  /** What is illustrative rather than from the source: the card says so. */
  example: z.string().optional(),
  /** Workshops: places, the "book by" date, and the organiser. */
  booking: programmeTermsSchema.optional(),
});
export type ProgrammeEntry = z.infer<typeof programmeEntrySchema>;

export function eventFromEntry(entry: ProgrammeEntry): NlcEvent {
  const { date, start, end, booking, ...rest } = entry;
  return eventSchema.parse({
    ...rest,
    ...(booking ? { booking: termsFromProgramme(booking) } : {}),
    ...eventTimes(date, start, end),
    status: 'scheduled',
    sequence: 0,
  });
}
