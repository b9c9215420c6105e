import type { Clock } from '../../clock';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { assertOrganiser, type Organisers } from '../organisers';
import { hasEnded, type NlcEvent } from './event';
import type { EventStore } from './ports';

/**
 * Organisers changing or cancelling an event (the forms are in bot/domain/authoring).
 * What happens to cards already posted is not this feature's business: it tells
 * `followUps` (broadcasts update every copy and notify the people who said Going) and
 * reports what they did.
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

/** The event an organiser means to change: it must exist, be scheduled, and not be over. */
export async function eventToOrganise(deps: Omit<OrganiseDeps, 'followUps'>, actor: Actor, eventId: string, what: string): Promise<NlcEvent> {
  assertOrganiser(deps.organisers, actor, what);
  const event = await deps.events.getEvent(eventId);
  if (!event) throw new DomainError('not_found', 'That event is not in the NLC programme.', { hint: 'Type "events" for the current programme.' });
  if (event.status === 'cancelled') throw new DomainError('closed', `"${event.title}" has already been cancelled.`);
  if (hasEnded(event, deps.clock.now())) throw new DomainError('closed', `"${event.title}" has already taken place.`);
  return event;
}

/** Saves an organiser's change as the next version, and has every posted copy updated. */
export async function saveChangedEvent(deps: OrganiseDeps, changed: NlcEvent): Promise<{ event: NlcEvent; copies: number }> {
  const event: NlcEvent = { ...changed, sequence: changed.sequence + 1 };
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
