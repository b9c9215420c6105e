import type { Deadline } from '../deadlines/deadline';
import { DEFAULT_DEADLINE_REMINDER_DAYS, deadlineSchema } from '../deadlines/deadline';
import type { FieldProblem } from '../errors';
import type { FieldSpec, FormValues } from '../forms';
import { formatTime, londonDate, londonToUtc } from '../time';
import { deadlineFromDate } from '../workshops/terms';
import { reminderDaysField, reminderDaysOf, text } from './event-fields';

/** The consultation deadline form (organisers), described once for the card and the checks. */
export const DEADLINE_FIELDS: readonly FieldSpec[] = [
  { kind: 'text', id: 'title', label: 'Title', required: true, minLength: 3, maxLength: 140 },
  { kind: 'text', id: 'summary', label: 'What it is (optional)', required: false, maxLength: 600, multiline: true },
  { kind: 'text', id: 'respondents', label: 'Who should respond', required: true, minLength: 2, maxLength: 200 },
  { kind: 'text', id: 'from', label: 'Run by (optional, e.g. Department for Education)', required: false, maxLength: 120 },
  { kind: 'url', id: 'link', label: 'Where to respond', required: true, placeholder: 'https://' },
  { kind: 'date', id: 'closes', label: 'Last day to respond (London; empty for an open offer with no closing date)', required: false },
  { kind: 'time', id: 'closesTime', label: 'Closes at (optional; empty = the end of that day)', required: false },
  reminderDaysField('Remind people who ask'),
];

/** The deadline the checked form describes, with every problem beside its field; `current` when editing. */
export function deadlineFromForm(values: FormValues, base: Pick<Deadline, 'id' | 'status' | 'sequence'>, now: Date, current?: Deadline): { deadline?: Deadline; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const link = text(values, 'link') ?? '';
  if (!link.startsWith('https://')) problems.push({ field: 'link', message: 'Please give the https:// link where people respond.' });
  const closes = text(values, 'closes');
  const time = text(values, 'closesTime');
  // No date: an open offer ("applications remain open"), shown without a countdown.
  const closesAt = closes ? (time ? londonToUtc(closes, time) : deadlineFromDate(closes)) : undefined;
  if (!closes && time) problems.push({ field: 'closes', message: 'Give the day it closes on, or leave both empty for an open offer.' });
  if (closesAt && closesAt <= now && closesAt.toISOString() !== current?.closesAt) problems.push({ field: 'closes', message: 'This closing date has passed.' });
  if (problems.length > 0) return { problems };
  const deadline = deadlineSchema.parse({
    ...base,
    title: text(values, 'title'),
    ...(text(values, 'summary') ? { summary: text(values, 'summary') } : {}),
    respondents: text(values, 'respondents'),
    ...(text(values, 'from') ? { from: text(values, 'from') } : {}),
    link,
    ...(closesAt ? { closesAt: closesAt.toISOString() } : {}),
    reminderDays: reminderDaysOf(values),
  });
  return { deadline, problems };
}

/** A deadline as the form shows it. */
export function deadlineFormText(deadline: Deadline | undefined): Record<string, string> {
  if (!deadline) return { reminders: DEFAULT_DEADLINE_REMINDER_DAYS.join(',') };
  const closesAt = deadline.closesAt ? new Date(deadline.closesAt) : undefined;
  const time = closesAt ? formatTime(closesAt) : '';
  return {
    title: deadline.title,
    summary: deadline.summary ?? '',
    respondents: deadline.respondents,
    from: deadline.from ?? '',
    link: deadline.link,
    closes: closesAt ? londonDate(closesAt) : '',
    closesTime: time === '23:59' ? '' : time,
    reminders: deadline.reminderDays.join(','),
  };
}
