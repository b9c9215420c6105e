import { addDaysToDate, formatTime, londonDate, londonToUtc } from '../time';
import type { ReminderSubject } from './reminders';

/**
 * When reminders fall due. "N days before" is calendar-day arithmetic in London: the
 * reminder goes at the reminder time (09:00 by default) on the London date N days before
 * the event's London date, so "1 day before 09:00 on Monday 31 March 2025" (the day after
 * the clocks go forward) is 09:00 BST on Sunday 30 March, 08:00Z, never "minus 24 hours".
 */

/** When reminders may arrive, London wall-clock ("HH:MM"): from the reminder time until the evening, never at night. */
export interface CivilHours {
  from: string;
  until: string;
}

/** Reminders stop at 21:00 London; one found later waits for the next morning. */
export const CIVIL_UNTIL = '21:00';
export const civilHours = (reminderTime: string): CivilHours => ({ from: reminderTime, until: CIVIL_UNTIL });

export interface ReminderSlot {
  days: number;
  /** The UTC instant it falls due. */
  dueAt: Date;
  /** Stable for (offset, due instant): a moved event gets new slots, a re-read one the same. */
  key: string;
}

/**
 * The reminders of something happening (or closing) at `at`, soonest due first. A slot
 * that would fall due at or after `at` itself ("0 days before" an event at 08:30) is left out.
 */
export function reminderSlots(at: Date, days: readonly number[], reminderTime: string): ReminderSlot[] {
  const day = londonDate(at);
  return [...new Set(days)]
    .map((n) => {
      const dueAt = londonToUtc(addDaysToDate(day, -n), reminderTime);
      return { days: n, dueAt, key: `${n}d@${dueAt.toISOString()}` };
    })
    .filter((slot) => slot.dueAt < at)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

export function withinCivilHours(now: Date, hours: CivilHours): boolean {
  const time = formatTime(now);
  return time >= hours.from && time < hours.until;
}

/** The next instant reminders may go out: now, or the next opening of the civil hours. */
export function nextCivilStart(now: Date, hours: CivilHours): Date {
  if (withinCivilHours(now, hours)) return now;
  const today = londonDate(now);
  const opening = londonToUtc(today, hours.from);
  return opening > now ? opening : londonToUtc(addDaysToDate(today, 1), hours.from);
}

export type SlotDecision =
  | { action: 'send'; slot: ReminderSlot }
  | { action: 'drop'; slot: ReminderSlot; reason: string }
  /** Due, but outside the civil hours: looked at again on a later run. */
  | { action: 'wait'; slot: ReminderSlot };

/**
 * What to do now about a subject's due reminders that nobody has handled. Only the latest
 * due one can still be sent (after downtime, an older one is superseded by it rather than
 * arriving as a pair); it goes if the subject is still ahead and it is a civil hour, and is
 * dropped once the event has started or the deadline has closed.
 */
export function decideSlots(subject: ReminderSubject, handled: (slotKey: string) => boolean, now: Date, reminderTime: string): SlotDecision[] {
  const due = reminderSlots(subject.at, subject.days, reminderTime).filter((s) => s.dueAt <= now);
  const latest = due.at(-1);
  if (!latest) return [];
  const decisions: SlotDecision[] = due
    .filter((s) => s !== latest && !handled(s.key))
    .map((slot) => ({ action: 'drop', slot, reason: `superseded by the ${latest.days}-day reminder` }));
  if (handled(latest.key)) return decisions;
  const over = overReason(subject, now);
  if (over) decisions.push({ action: 'drop', slot: latest, reason: over });
  else if (!withinCivilHours(now, civilHours(reminderTime))) decisions.push({ action: 'wait', slot: latest });
  else decisions.push({ action: 'send', slot: latest });
  return decisions;
}

const OVER: Record<ReminderSubject['kind'], { gone: string; past: string }> = {
  event: { gone: 'the event was cancelled', past: 'the event has started' },
  deadline: { gone: 'the deadline was withdrawn', past: 'the deadline has closed' },
  booking: { gone: 'the workshop was cancelled', past: 'booking has closed' },
};

/** Why a reminder about this subject is no use any more, if it is not. */
export function overReason(subject: Pick<ReminderSubject, 'kind' | 'live' | 'at'>, now: Date): string | undefined {
  if (!subject.live) return OVER[subject.kind].gone;
  if (now >= subject.at) return OVER[subject.kind].past;
  return undefined;
}
