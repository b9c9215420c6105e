import { z } from 'zod/v4';
import type { Deadline } from '../deadlines/deadline';
import type { NlcEvent } from '../events/event';

/**
 * Reminders: people who said they are coming to an event, or asked to be reminded of a
 * consultation deadline, get a message some days before (schedule.ts says when). Each
 * due reminder is queued as a broadcast (planner.ts, broadcast-types.ts); what became of
 * it is recorded once per subject (ports.ts).
 */

export const MAX_REMINDER_DAYS = 60;

/** Reminder offsets: whole days before, at most 60, no repeats, largest first. */
export const reminderDaysSchema = z
  .array(z.number().int().min(0).max(MAX_REMINDER_DAYS))
  .max(6)
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));

export const DEFAULT_EVENT_REMINDER_DAYS: readonly number[] = [7, 1];

/** Something people can be reminded of: an event (or workshop), a consultation deadline, or a workshop's booking deadline. */
export interface ReminderSubject {
  kind: 'event' | 'deadline' | 'booking';
  id: string;
  title: string;
  /** When it starts (an event) or closes (a deadline). */
  at: Date;
  days: readonly number[];
  /** Still going ahead (scheduled, or open). */
  live: boolean;
}

export const subjectKey = (subject: Pick<ReminderSubject, 'kind' | 'id'>): string => `${subject.kind}:${subject.id}`;

/** The broadcast audience and content kinds of reminders (broadcast-types.ts). */
export const EVENT_REMINDER = 'event-reminder';
export const DEADLINE_REMINDER = 'deadline-reminder';
export const BOOKING_REMINDER = 'booking-reminder';

/** "Remind me to book" goes this many days before a workshop's booking deadline. */
export const BOOK_REMINDER_DAYS = 2;

/** An event (or workshop) as the reminder scheduler sees it. */
export const eventSubject = (event: NlcEvent): ReminderSubject => ({
  kind: 'event',
  id: event.id,
  title: event.title,
  at: new Date(event.startsAt),
  days: event.reminderDays ?? DEFAULT_EVENT_REMINDER_DAYS,
  live: event.status === 'scheduled',
});

/** The latest instant a Date holds: an open offer never closes. */
const NEVER = new Date(8.64e15);

/** A consultation deadline as the reminder scheduler sees it: reminders count back from its close (an open offer has none). */
export const deadlineSubject = (deadline: Deadline): ReminderSubject => ({
  kind: 'deadline',
  id: deadline.id,
  title: deadline.title,
  at: deadline.closesAt ? new Date(deadline.closesAt) : NEVER,
  days: deadline.closesAt ? deadline.reminderDays : [],
  live: deadline.status === 'open',
});

/** A workshop's booking deadline, for the people who pressed "Remind me to book" (workshops/book-reminders.ts). */
export const bookingSubject = (workshop: NlcEvent & { booking: { deadline: string } }): ReminderSubject => ({
  kind: 'booking',
  id: workshop.id,
  title: workshop.title,
  at: new Date(workshop.booking.deadline),
  days: [BOOK_REMINDER_DAYS],
  live: workshop.status === 'scheduled',
});

/**
 * What became of each due reminder of one subject (an event or a deadline), kept so that
 * every bot process agrees and a restart does not send or log a reminder again.
 */
export interface SlotRecord {
  state: 'queued' | 'dropped';
  /** UTC instant of the decision. */
  at: string;
  /** Queued: the broadcast that sends it (bot/jobs/broadcasts does the sending). */
  broadcastId?: string;
  /** Dropped: why, in words ("the event has started"). */
  reason?: string;
}

export interface ReminderRecord {
  /** The subject's key ("event:<id>", "deadline:<id>"). */
  subject: string;
  slots: Record<string, SlotRecord>;
}
