import type { Clock } from '../../clock';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { assertOrganiser, type Organisers } from '../organisers';
import { hasEnded, type NlcEvent } from './event';
import type { EventFollowUps, EventStore } from './ports';

/**
 * Organisers changing or cancelling an event (the forms are in bot/domain/authoring).
 * What happens to cards already posted is not this feature's business: it tells
 * `followUps` (broadcasts update every copy and notify the people who said Going) and
 * reports what they did.
 */
export interface EventChangeDeps {
  events: EventStore;
  organisers: Organisers;
  clock: Clock;
  followUps: EventFollowUps;
}

/** Why an organiser may not change this event, if they may not: it must exist, be scheduled, and not be over. */
function assertOrganisable(event: NlcEvent | undefined, now: Date): asserts event is NlcEvent {
  if (!event) throw new DomainError('not_found', 'That event is not in the NLC programme.', { hint: 'Type "events" for the current programme.' });
  if (event.status === 'cancelled') throw new DomainError('closed', `"${event.title}" has already been cancelled.`);
  if (hasEnded(event, now)) throw new DomainError('closed', `"${event.title}" has already taken place.`);
}

/** The event an organiser means to change: it must exist, be scheduled, and not be over. */
export async function eventToOrganise(deps: Omit<EventChangeDeps, 'followUps'>, actor: Actor, eventId: string, what: string): Promise<NlcEvent> {
  await assertOrganiser(deps.organisers, actor, what);
  const event = await deps.events.getEvent(eventId);
  assertOrganisable(event, deps.clock.now());
  return event;
}

/**
 * Saves an organiser's change as the next version, and has every posted copy updated.
 * `change` sees the event as stored at the moment of writing (it may run again after a
 * lost race, and must refuse what no longer applies); undefined leaves it as it is, and
 * the copies are still brought up to date (a retry finishes what a failure interrupted).
 */
export async function saveChangedEvent(deps: EventChangeDeps, eventId: string, change: (latest: NlcEvent) => NlcEvent | undefined): Promise<{ event: NlcEvent; copies: number }> {
  const now = deps.clock.now();
  const event = await deps.events.updateEvent(eventId, (latest) => {
    assertOrganisable(latest, now);
    return change(latest);
  });
  assertOrganisable(event, now);
  return { event, ...(await deps.followUps.changed(event)) };
}

/**
 * Cancels an event, then has its copies updated and its people told. Cancelling again
 * (after a failure between those steps, or a second click) changes nothing stored and
 * runs the steps after it again: each does only what is still missing.
 */
export async function cancelEvent(
  deps: EventChangeDeps,
  actor: Actor,
  eventId: string,
): Promise<{ event: NlcEvent; copies: number; notified: number; unreachable: number }> {
  await assertOrganiser(deps.organisers, actor, 'cancel events');
  const now = deps.clock.now();
  const event = await deps.events.updateEvent(eventId, (latest) => {
    if (latest?.status === 'cancelled') return undefined;
    assertOrganisable(latest, now);
    return { ...latest, status: 'cancelled', sequence: latest.sequence + 1 };
  });
  if (!event) throw new DomainError('not_found', 'That event is not in the NLC programme.', { hint: 'Type "events" for the current programme.' });
  return { event, ...(await deps.followUps.cancelled(event, actor)) };
}
