import type { Deadline } from '../deadlines/deadline';
import type { NlcEvent } from '../events/event';
import { DEFAULT_EVENT_REMINDER_DAYS, type ReminderSubject } from './schedule';

/** The broadcast audience and content kinds of reminders (kinds.ts). */
export const EVENT_REMINDER = 'event-reminder';
export const DEADLINE_REMINDER = 'deadline-reminder';

/** An event (or workshop) as the reminder scheduler sees it. */
export const eventSubject = (event: NlcEvent): ReminderSubject => ({
  kind: 'event',
  id: event.id,
  title: event.title,
  at: new Date(event.startsAt),
  days: event.reminderDays ?? DEFAULT_EVENT_REMINDER_DAYS,
  live: event.status === 'scheduled',
});

/** A consultation deadline as the reminder scheduler sees it: reminders count back from its close. */
export const deadlineSubject = (deadline: Deadline): ReminderSubject => ({
  kind: 'deadline',
  id: deadline.id,
  title: deadline.title,
  at: new Date(deadline.closesAt),
  days: deadline.reminderDays,
  live: deadline.status === 'open',
});
