import { z } from 'zod/v4';
import { deadlineFromDate } from '../workshops/terms';
import { type Deadline, deadlineIdSchema, deadlineSchema } from './deadline';

/** A deadline as a programme file writes it: the last day to respond, a London date ("closes 20 June"); none for an open offer. */
export const deadlineEntrySchema = z.object({
  id: deadlineIdSchema,
  title: z.string(),
  summary: z.string().optional(),
  respondents: z.string(),
  from: z.string().optional(),
  link: z.string(),
  closes: z.iso.date().optional(),
  reminderDays: z.array(z.number()).optional(),
  example: z.string().optional(),
});
export type DeadlineEntry = z.infer<typeof deadlineEntrySchema>;

/** "Closes 20 June" means until that day ends in London, whichever clock is in force. */
export function deadlineFromEntry(entry: DeadlineEntry): Deadline {
  const { closes, ...rest } = entry;
  return deadlineSchema.parse({ ...rest, ...(closes ? { closesAt: deadlineFromDate(closes).toISOString() } : {}), status: 'open', sequence: 0 });
}
