import { z } from 'zod/v4';
import type { Clock } from '../../clock';
import type { FieldProblem } from '../errors';
import { formatDateTime, isCalendarDate, londonToUtc } from '../time';
import type { ComposeForm } from './compose';
import type { PreparedContent } from './content-types';
import type { BroadcastStore } from './ports';

/**
 * What an organiser can add to any broadcast: a personal note above the card, and a
 * London time to send it at. A scheduled broadcast waits as 'scheduled' until the
 * scheduled-broadcasts job (bot/jobs) queues it at that time; until then Cancel stops it.
 */
export interface SendingOptions {
  note?: string;
  /** UTC instant (ISO) to send at; none = at once. */
  sendAt?: string;
}

/** A scheduled send is at least this far ahead (time to read the preview and press Schedule) ... */
export const MIN_LEAD_MS = 2 * 60_000;
/** ... and at most this far: four weeks, inside the shortest retention period (RETENTION_DAYS is at least 30), so nothing waiting is ever removed. */
export const MAX_SCHEDULE_DAYS = 28;

const noteSchema = z.string().trim().max(500, 'keep the note to 500 characters');
const dateSchema = z.string().refine(isCalendarDate, 'choose a date (day, month and year)');
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'choose a time (24-hour clock)');

/** Reads the note and the send time from the form; every problem beside its own field. */
export function sendingOptionsFromForm(form: ComposeForm, clock: Clock): { options: SendingOptions; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const options: SendingOptions = {};
  const note = noteSchema.safeParse(form.note ?? '');
  if (!note.success) problems.push({ field: 'note', message: note.error.issues[0]?.message ?? 'not a note' });
  else if (note.data) options.note = note.data;
  const [date, time] = [form.sendDate ?? '', form.sendTime ?? ''];
  if (!date && !time) return { options, problems };
  const parsedDate = dateSchema.safeParse(date);
  const parsedTime = timeSchema.safeParse(time);
  if (!parsedDate.success) problems.push({ field: 'sendDate', message: parsedDate.error.issues[0]?.message ?? 'not a date' });
  if (!parsedTime.success) problems.push({ field: 'sendTime', message: parsedTime.error.issues[0]?.message ?? 'not a time' });
  if (!parsedDate.success || !parsedTime.success) return { options, problems };
  const at = londonToUtc(parsedDate.data, parsedTime.data);
  const now = clock.now().getTime();
  if (at.getTime() < now + MIN_LEAD_MS) problems.push({ field: 'sendTime', message: 'choose a time at least a few minutes from now, or leave both empty to send at once' });
  else if (at.getTime() > now + MAX_SCHEDULE_DAYS * 24 * 3600_000) problems.push({ field: 'sendDate', message: `choose a date within ${MAX_SCHEDULE_DAYS} days` });
  else options.sendAt = at.toISOString();
  return { options, problems };
}

/** The organiser's note goes above the card, in the same message; a withdrawn copy loses it with the card. */
export function withNote(content: PreparedContent, note: string | undefined, withdrawn: boolean): PreparedContent {
  if (!note || withdrawn) return content;
  return { ...content, messageFor: (recipient) => ({ ...content.messageFor(recipient), text: note }) };
}

/** "Tue 7 May 2024, 09:00 (London time)" */
export const sendAtText = (sendAt: string): string => `${formatDateTime(new Date(sendAt))} (London time)`;

/**
 * Queues every scheduled broadcast whose time has come. Each change is conditional on
 * the stored version, so a Cancel pressed at the same moment either wins (nothing goes)
 * or finds it queued (and withdraws it the usual way); two processes queue it once.
 */
export async function queueDueBroadcasts(deps: { broadcasts: BroadcastStore; clock: Clock }): Promise<string[]> {
  const now = deps.clock.now();
  const due = await deps.broadcasts.listScheduledDue(now);
  const queued: string[] = [];
  for (const broadcast of due) {
    const saved = await deps.broadcasts.update(broadcast.id, (current) =>
      current.status === 'scheduled' && !current.withdrawn ? { ...current, status: 'queued', queuedAt: now.toISOString() } : undefined,
    );
    if (saved?.status === 'queued' && saved.queuedAt === now.toISOString()) queued.push(broadcast.id);
  }
  return queued;
}
