import { z } from 'zod/v4';
import { londonToUtc } from '../time';
import { programmeTermsSchema, termsFromProgramme } from '../workshops/terms';
import { flourishSchema } from '../flourish';
import { eventIdSchema, eventSchema, locationSchema, type NlcEvent } from './event';

/**
 * A programme entry as people write it: a London date and wall-clock times, not UTC
 * instants. The demo programme file uses this form, so the facts in it read exactly as
 * the NLC letter states them ("7 May 2024, 9-12").
 */
export const programmeEntrySchema = z.object({
  id: eventIdSchema,
  kind: z.enum(['event', 'workshop']).default('event'),
  title: z.string(),
  summary: z.string().optional(),
  date: z.iso.date(),
  start: z.iso.time({ precision: -1 }),
  end: z.iso.time({ precision: -1 }),
  location: locationSchema,
  audience: z.string(),
  flourish: flourishSchema.optional(),
  series: z.string().optional(),
  /** Workshops: places, the "book by" date, and the organiser. */
  booking: programmeTermsSchema.optional(),
});
export type ProgrammeEntry = z.infer<typeof programmeEntrySchema>;

export function eventFromEntry(entry: ProgrammeEntry): NlcEvent {
  const { date, start, end, booking, ...rest } = entry;
  return eventSchema.parse({
    ...rest,
    ...(booking ? { booking: termsFromProgramme(booking) } : {}),
    startsAt: londonToUtc(date, start).toISOString(),
    endsAt: londonToUtc(date, end).toISOString(),
    status: 'scheduled',
    sequence: 0,
  });
}
