import type { Deadline } from '../bot/domain/deadlines/deadline';
import type { NlcEvent } from '../bot/domain/events/event';
import { formatDate, formatTime, londonDaysBetween } from '../bot/domain/time';
import { closesText } from './deadline';

/** The line above a reminder's card: "Reminder: ... is tomorrow, Mon 20 May 2024 at 12:30." */
export function eventReminderText(event: NlcEvent, now: Date): string {
  const start = new Date(event.startsAt);
  const days = londonDaysBetween(now, start);
  const at = event.timeToBeConfirmed ? ' (time to be confirmed)' : ` at ${formatTime(start)}`;
  const when = days <= 0 ? `today${at}` : `${days === 1 ? 'tomorrow' : `in ${days} days`}, ${formatDate(start)}${at}`;
  return `Reminder: **${event.title}** is ${when}.`;
}

/** "Reminder: ... closes in 3 days: Thu 20 June 2024." */
export function deadlineReminderText(deadline: Deadline, now: Date): string {
  const text = closesText(deadline, now);
  return `Reminder: **${deadline.title}** ${text.charAt(0).toLowerCase()}${text.slice(1)}.`;
}

/** "Reminder: booking for ... closes in 2 days, on Mon 29 April 2024. Book now if you would like to come." */
export function bookingReminderText(workshop: NlcEvent & { booking: { deadline: string } }, now: Date): string {
  const deadline = new Date(workshop.booking.deadline);
  const days = londonDaysBetween(now, deadline);
  const when = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days, on ${formatDate(deadline)}`;
  return `Reminder: booking for **${workshop.title}** closes ${when}. Book now if you would like to come.`;
}
