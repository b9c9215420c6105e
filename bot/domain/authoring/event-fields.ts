import { FLOURISH, type FlourishTag } from '../flourish';
import type { FieldSpec, FormValues } from '../forms';
import { DEFAULT_EVENT_REMINDER_DAYS } from '../reminders/reminders';
import { MAX_CAPACITY } from '../workshops/terms';
import type { EventInput } from './event-input';

/**
 * The event and workshop forms, described once: the card draws its inputs from these
 * lists and the server checks submissions (and rows of an imported programme) against
 * them. The ids are EventInput's names, so every problem lands beside its input.
 */
export const REMINDER_DAY_OPTIONS = [14, 7, 3, 2, 1].map((d) => ({ title: `${d} ${d === 1 ? 'day' : 'days'} before`, value: String(d) }));

export const reminderDaysField = (label: string): FieldSpec => ({ kind: 'multiChoice', id: 'reminders', label, required: false, options: REMINDER_DAY_OPTIONS, max: 5 });

export const EVENT_FIELDS: readonly FieldSpec[] = [
  { kind: 'text', id: 'title', label: 'Title', required: true, minLength: 3, maxLength: 140 },
  { kind: 'text', id: 'summary', label: 'Summary (optional)', required: false, maxLength: 600, multiline: true },
  { kind: 'date', id: 'date', label: 'Date (London)', required: true },
  { kind: 'time', id: 'start', label: 'Starts (empty if the time is not known yet: the card says "time to be confirmed")', required: false },
  { kind: 'time', id: 'end', label: 'Ends', required: false },
  {
    kind: 'titledChoice',
    id: 'where',
    label: 'Where',
    required: true,
    options: [
      { title: 'Online (Microsoft Teams)', value: 'online' },
      { title: 'At a venue', value: 'venue' },
    ],
  },
  { kind: 'url', id: 'joinUrl', label: 'Teams join link (online events; empty: "joining details to follow", add it later)', required: false, placeholder: 'https://teams.microsoft.com/l/meetup-join/...' },
  { kind: 'text', id: 'venue', label: 'Venue (in person)', required: false, minLength: 2, maxLength: 120 },
  { kind: 'text', id: 'address', label: 'Address (optional)', required: false, maxLength: 200 },
  { kind: 'text', id: 'audience', label: 'Who it is for', required: true, minLength: 2, maxLength: 200 },
  { kind: 'titledChoice', id: 'flourish', label: 'FLOURISH outcome (optional)', required: false, options: FLOURISH.map((f) => ({ title: f, value: f })) },
  { kind: 'text', id: 'series', label: 'Series (optional, e.g. Norfolk Practice Week 2024)', required: false, maxLength: 80 },
  { kind: 'url', id: 'bookingUrl', label: 'Booked elsewhere (optional: the booking page, e.g. Eventbrite)', required: false, placeholder: 'https://' },
  { kind: 'url', id: 'brochureUrl', label: 'Brochure or programme (optional link)', required: false, placeholder: 'https://' },
  reminderDaysField('Remind people who are coming'),
];

export const WORKSHOP_FIELDS: readonly FieldSpec[] = [
  ...EVENT_FIELDS,
  { kind: 'number', id: 'capacity', label: 'Places', required: true, min: 1, max: MAX_CAPACITY },
  { kind: 'date', id: 'bookBy', label: 'Book by (the last day, London)', required: true },
  { kind: 'text', id: 'organiserName', label: 'Organiser (shown in calendar invitations)', required: true, minLength: 2, maxLength: 120 },
  { kind: 'text', id: 'organiserEmail', label: "Organiser's email", required: true, minLength: 3, maxLength: 200 },
];

/** A form value as text, or undefined when it was left empty. */
export const text = (values: FormValues, id: string): string | undefined => {
  const value = values[id];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** "7,1" as the multi-choice sends it -> [7, 1]; nothing chosen = no reminders. */
export const reminderDaysOf = (values: FormValues): number[] => ((values.reminders as string[] | undefined) ?? []).map(Number);

/** Checked form values (see checkForm) as an event. */
export function eventInputOf(values: FormValues, workshop: boolean): EventInput {
  return {
    title: text(values, 'title') ?? '',
    summary: text(values, 'summary'),
    date: text(values, 'date') ?? '',
    start: text(values, 'start'),
    end: text(values, 'end'),
    where: values.where === 'venue' ? 'venue' : 'online',
    joinUrl: text(values, 'joinUrl'),
    venue: text(values, 'venue'),
    address: text(values, 'address'),
    audience: text(values, 'audience') ?? '',
    flourish: text(values, 'flourish') as FlourishTag | undefined,
    series: text(values, 'series'),
    bookingUrl: text(values, 'bookingUrl'),
    brochureUrl: text(values, 'brochureUrl'),
    reminderDays: reminderDaysOf(values),
    ...(workshop
      ? {
          booking: {
            capacity: typeof values.capacity === 'number' ? values.capacity : 0,
            bookBy: text(values, 'bookBy') ?? '',
            organiserName: text(values, 'organiserName') ?? '',
            organiserEmail: text(values, 'organiserEmail') ?? '',
          },
        }
      : {}),
  };
}

/** An event's input as the form shows it (strings, as Adaptive Card inputs hold them). */
export function formTextOf(input: EventInput): Record<string, string> {
  const { booking, reminderDays, ...rest } = input;
  const shown: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) if (typeof value === 'string') shown[key] = value;
  shown.reminders = (reminderDays ?? DEFAULT_EVENT_REMINDER_DAYS).join(',');
  if (booking) {
    shown.capacity = String(booking.capacity);
    shown.bookBy = booking.bookBy;
    shown.organiserName = booking.organiserName;
    shown.organiserEmail = booking.organiserEmail;
  }
  return shown;
}
