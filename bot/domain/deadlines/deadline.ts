import { z } from 'zod/v4';
import { eventIdSchema } from '../events/event';
import { reminderDaysSchema } from '../reminders/reminders';
import { requestKeySchema } from '../request-key';
import { exampleSchema, httpsUrlSchema } from '../content-fields';

/**
 * A consultation deadline: a call for evidence, a survey or an expression of interest
 * that schools and settings should answer by a date (the DfE safeguarding call for
 * evidence closing 20 June 2024). People say "remind me" or "I've responded" on its
 * card; both are per person. An open offer (the Trauma Aware Practice Grant, "applications
 * remain open") is the same without a closing date.
 */
export const deadlineIdSchema = eventIdSchema;

/** Days before the close a reminder goes out, by default: 7, 3 and 1. */
export const DEFAULT_DEADLINE_REMINDER_DAYS = [7, 3, 1] as const;

export const deadlineSchema = z.object({
  id: deadlineIdSchema,
  title: z.string().trim().min(3).max(140),
  /** What it is, in a sentence or two. */
  summary: z.string().trim().max(600).optional(),
  /** Who should respond ("DSLs and senior leaders in schools and colleges"). */
  respondents: z.string().trim().min(2).max(200),
  /** Where to respond. */
  link: httpsUrlSchema,
  /** Who runs it ("Department for Education"). */
  from: z.string().trim().max(120).optional(),
  /**
   * The last instant a response counts (UTC): usually the end of the closing day in London.
   * Absent for an open offer ("applications remain open"): no countdown and no reminders.
   */
  closesAt: z.iso.datetime().optional(),
  status: z.enum(['open', 'cancelled']).default('open'),
  /** When an organiser withdrew it (UTC): an open offer's retention counts from it. */
  withdrawnAt: z.iso.datetime().optional(),
  /** What on its card is illustrative rather than fact (demo data). */
  example: exampleSchema.optional(),
  /** Bumped on every change, so posted copies can tell they are stale. */
  sequence: z.number().int().min(0).default(0),
  reminderDays: reminderDaysSchema.default([...DEFAULT_DEADLINE_REMINDER_DAYS]),
  /** The request that created it (request-key.ts): a repeat of that request finds this instead of making a copy. */
  createdFrom: requestKeySchema.optional(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export type DeadlineState = 'open' | 'closed' | 'cancelled';

export function deadlineState(deadline: Deadline, now: Date): DeadlineState {
  if (deadline.status === 'cancelled') return 'cancelled';
  return !deadline.closesAt || now < new Date(deadline.closesAt) ? 'open' : 'closed';
}

/** A deadline with a closing date; an open offer has none. */
export type ClosingDeadline = Deadline & { closesAt: string };
export const hasClosingDate = (deadline: Deadline): deadline is ClosingDeadline => deadline.closesAt !== undefined;

/** One person's answer on one deadline's card. At most one per (deadline, person). */
export interface DeadlineFollow {
  deadlineId: string;
  userId: string;
  /** Kept for the organisers' reminder list; removed with everything else by "forget me". */
  userName?: string;
  /** Pressed "Remind me" (and not "Stop reminders"). */
  remind: boolean;
  /** Pressed "I've responded". No reminder goes to someone who has. */
  responded: boolean;
  updatedAt: string;
}

/** Who gets deadline reminders: asked to be reminded and has not responded. */
export const wantsReminder = (follow: DeadlineFollow | undefined): boolean => Boolean(follow?.remind && !follow.responded);
