import { z } from 'zod/v4';
import { endOfLondonDay, londonToUtc } from '../time';

/**
 * What makes an event a bookable workshop: how many places, until when people may
 * book, and who organises it (the calendar file's ORGANIZER). Kept apart from the
 * event model so the event schema only gains one optional block.
 */
export const MAX_CAPACITY = 1000;

export const capacitySchema = z
  .number({ error: 'Enter the number of places as a whole number.' })
  .int('Enter the number of places as a whole number.')
  .min(1, 'A workshop needs at least 1 place.')
  .max(MAX_CAPACITY, `A workshop can have at most ${MAX_CAPACITY} places.`);

const organiserSchema = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.email(),
});

export const workshopTermsSchema = z.object({
  capacity: capacitySchema,
  /** The last instant a booking is taken (UTC): the end of the deadline day in London. */
  deadline: z.iso.datetime({ message: 'expected a UTC instant like 2024-04-29T22:59:59.999Z' }),
  organiser: organiserSchema,
});
export type WorkshopTerms = z.infer<typeof workshopTermsSchema>;

/** Terms as a programme file writes them: the deadline is a London calendar date ("book by 29 April"). */
export const programmeTermsSchema = workshopTermsSchema.extend({ deadline: z.iso.date() });
export type ProgrammeTerms = z.infer<typeof programmeTermsSchema>;

/** "Book by Monday 29 April" means until that day ends in London, whichever clock (BST or GMT) is in force. */
export const deadlineFromDate = (date: string): Date => endOfLondonDay(londonToUtc(date, '12:00'));

export const termsFromProgramme = (terms: ProgrammeTerms): WorkshopTerms => ({
  ...terms,
  deadline: deadlineFromDate(terms.deadline).toISOString(),
});
