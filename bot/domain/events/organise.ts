import { z } from 'zod/v4';
import type { Clock } from '../../clock';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { assertOrganiser, type Organisers } from '../organisers';
import { parseInput } from '../validation';
import { formatTime, londonDate, londonToUtc } from '../time';
import { eventIdSchema, eventSchema, hasEnded, type NlcEvent } from './event';
import type { EventStore } from './ports';

/**
 * Organisers correcting or cancelling an event. What happens to cards already posted
 * is not this feature's business: it tells `followUps` (broadcasts update every copy and
 * notify the people who said Going) and reports what they did.
 */
export interface EventFollowUps {
  changed(event: NlcEvent): Promise<{ copies: number }>;
  cancelled(event: NlcEvent, actor: Actor): Promise<{ copies: number; notified: number; unreachable: number }>;
}

export interface OrganiseDeps {
  events: EventStore;
  organisers: Organisers;
  clock: Clock;
  followUps: EventFollowUps;
}

/** The edit form, as the card sends it (London date and times, as organisers write them). */
export const eventEditFormSchema = z.strictObject({
  eventId: eventIdSchema,
  title: z.string().max(500).optional(),
  summary: z.string().max(2000).optional(),
  date: z.string().max(40).optional(),
  start: z.string().max(40).optional(),
  end: z.string().max(40).optional(),
  audience: z.string().max(500).optional(),
});
export type EventEditForm = z.infer<typeof eventEditFormSchema>;

/** The form's values for an event as it is now. */
export function editFormOf(event: NlcEvent): EventEditForm {
  const start = new Date(event.startsAt);
  return {
    eventId: event.id,
    title: event.title,
    summary: event.summary ?? '',
    date: londonDate(start),
    start: formatTime(start),
    end: formatTime(new Date(event.endsAt)),
    audience: event.audience,
  };
}

const editRules = z
  .object({
    title: z.string().trim().min(3, 'at least 3 characters').max(140, 'at most 140 characters'),
    summary: z.string().trim().max(600, 'at most 600 characters'),
    date: z.iso.date({ message: 'a date like 2024-05-07' }),
    start: z.string().regex(/^\d{2}:\d{2}$/, 'a time like 09:30'),
    end: z.string().regex(/^\d{2}:\d{2}$/, 'a time like 12:00'),
    audience: z.string().trim().min(2, 'say who it is for').max(200, 'at most 200 characters'),
  })
  .refine((f) => f.end > f.start, { path: ['end'], message: 'the end must be after the start' });

async function eventToOrganise(deps: OrganiseDeps, actor: Actor, eventId: string, what: string): Promise<NlcEvent> {
  assertOrganiser(deps.organisers, actor, what);
  const event = await deps.events.getEvent(eventId);
  if (!event) throw new DomainError('not_found', 'That event is not in the NLC programme.', { hint: 'Type "events" for the current programme.' });
  if (event.status === 'cancelled') throw new DomainError('closed', `"${event.title}" has already been cancelled.`);
  if (hasEnded(event, deps.clock.now())) throw new DomainError('closed', `"${event.title}" has already taken place.`);
  return event;
}

export const eventForEditing = (deps: OrganiseDeps, actor: Actor, eventId: string): Promise<NlcEvent> =>
  eventToOrganise(deps, actor, eventId, 'edit events');

export async function editEvent(deps: OrganiseDeps, actor: Actor, form: EventEditForm): Promise<{ event: NlcEvent; copies: number }> {
  const current = await eventToOrganise(deps, actor, form.eventId, 'edit events');
  const f = parseInput(editRules, { ...editFormOf(current), ...definedOnly(form) }, 'event');
  const event = eventSchema.parse({
    ...current,
    title: f.title,
    summary: f.summary === '' ? undefined : f.summary,
    startsAt: londonToUtc(f.date, f.start).toISOString(),
    endsAt: londonToUtc(f.date, f.end).toISOString(),
    audience: f.audience,
    sequence: current.sequence + 1,
  });
  await deps.events.saveEvent(event);
  return { event, ...(await deps.followUps.changed(event)) };
}

export async function cancelEvent(
  deps: OrganiseDeps,
  actor: Actor,
  eventId: string,
): Promise<{ event: NlcEvent; copies: number; notified: number; unreachable: number }> {
  const current = await eventToOrganise(deps, actor, eventId, 'cancel events');
  const event: NlcEvent = { ...current, status: 'cancelled', sequence: current.sequence + 1 };
  await deps.events.saveEvent(event);
  return { event, ...(await deps.followUps.cancelled(event, actor)) };
}

const definedOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
