import type { Clock } from '../../clock';
import type { Actor } from '../actor';
import { DomainError, isDomainError } from '../errors';
import { hasEnded, type NlcEvent } from './event';
import type { EventStore } from './ports';
import { assertCanRespond, isAttending, newRsvp, type RsvpCounts, type RsvpResponse } from './rsvp';

export interface EventsDeps {
  events: EventStore;
  clock: Clock;
}

/** What one person sees on one event card: the event, the counts, and their own answer. */
export interface EventView {
  event: NlcEvent;
  /** Absent when the store could not count just now (the answer itself was saved). */
  counts?: RsvpCounts;
  myResponse?: RsvpResponse;
  now: Date;
}

export const UPCOMING_LIMIT = 10;

async function requireEvent(deps: EventsDeps, eventId: string): Promise<NlcEvent> {
  const event = await deps.events.getEvent(eventId);
  if (!event) {
    throw new DomainError('not_found', 'That event is no longer in the NLC programme.', {
      hint: 'Type "events" for the current programme.',
    });
  }
  return event;
}

async function viewOf(deps: EventsDeps, event: NlcEvent, actor: Actor | undefined, now: Date): Promise<EventView> {
  const [counts, mine] = await Promise.all([
    deps.events.countRsvps(event.id),
    actor ? deps.events.getRsvp(event.id, actor.aadObjectId) : Promise.resolve(undefined),
  ]);
  return { event, counts, myResponse: mine?.response, now };
}

export async function viewEvent(deps: EventsDeps, actor: Actor | undefined, eventId: string): Promise<EventView> {
  return viewOf(deps, await requireEvent(deps, eventId), actor, deps.clock.now());
}

/** Record (or change) a person's answer. Clicking twice, or racing, leaves one record. */
export async function respondToEvent(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  response: RsvpResponse,
): Promise<EventView> {
  const event = await requireEvent(deps, eventId);
  const now = deps.clock.now();
  assertCanRespond(event, now);
  await deps.events.saveRsvp(newRsvp(event, actor, response, now));
  // The answer is saved: a busy store must not turn that into "try again", which would
  // be untrue. The card then shows the answer without counts.
  const counts = await deps.events.countRsvps(eventId).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'unavailable') return undefined;
    throw error;
  });
  return { event, counts, myResponse: response, now };
}

export interface MyEvent {
  event: NlcEvent;
  response: RsvpResponse;
}

/** Events the person said Going or Maybe to that have not ended, soonest first. */
export async function listMyEvents(deps: EventsDeps, actor: Actor): Promise<MyEvent[]> {
  const now = deps.clock.now();
  const rsvps = (await deps.events.listRsvpsOfUser(actor.aadObjectId)).filter((r) => isAttending(r.response));
  const events = await Promise.all(rsvps.map((r) => deps.events.getEvent(r.eventId)));
  return rsvps
    .flatMap((rsvp, i) => {
      const event = events[i];
      return event && event.status === 'scheduled' && !hasEnded(event, now) ? [{ event, response: rsvp.response }] : [];
    })
    .sort((a, b) => a.event.startsAt.localeCompare(b.event.startsAt));
}

/** The upcoming programme with counts (and, when `actor` is given, their own answers). */
export async function upcomingEventViews(deps: EventsDeps, actor: Actor | undefined): Promise<EventView[]> {
  const now = deps.clock.now();
  const events = await deps.events.listUpcoming(now, UPCOMING_LIMIT);
  return Promise.all(events.map((event) => viewOf(deps, event, actor, now)));
}
