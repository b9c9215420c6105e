import { type AudienceResolution, recipientsOfPeople } from '../broadcasts/recipients';
import type { ReachDeps } from '../conversations/personal-chats';
import type { ConversationStore } from '../conversations/ports';
import { wantsReminder } from '../deadlines/deadline';
import type { DeadlineStore } from '../deadlines/ports';
import type { NlcEvent } from '../events/event';
import type { EventStore } from '../events/ports';
import { isAttending } from '../events/rsvp';
import type { WorkshopStore } from '../workshops/ports';

/**
 * Who a reminder goes to, read when it falls due (so an answer changed the day before
 * counts): for an event, the people who said Going or Maybe; for a workshop, the people
 * holding a place; for a deadline, the people who pressed Remind me and not I've responded.
 */
export interface PeopleDeps {
  events: EventStore;
  workshops: WorkshopStore;
  deadlines: DeadlineStore;
  conversations: ConversationStore;
}

export interface Person {
  userId: string;
  name?: string;
}

export async function peopleComingTo(deps: Pick<PeopleDeps, 'events' | 'workshops'>, event: NlcEvent): Promise<Person[]> {
  if (event.kind === 'workshop') {
    const ledger = await deps.workshops.getLedger(event.id);
    return (ledger?.entries ?? []).filter((e) => e.status === 'booked').map((e) => ({ userId: e.userId, ...(e.name ? { name: e.name } : {}) }));
  }
  const rsvps = await deps.events.listRsvpsOfEvent(event.id);
  return rsvps.filter((r) => isAttending(r.response)).map((r) => ({ userId: r.userId, ...(r.userName ? { name: r.userName } : {}) }));
}

export async function peopleFollowing(deps: Pick<PeopleDeps, 'deadlines'>, deadlineId: string): Promise<Person[]> {
  const follows = await deps.deadlines.listFollows(deadlineId);
  return follows.filter(wantsReminder).map((f) => ({ userId: f.userId, ...(f.userName ? { name: f.userName } : {}) }));
}

/** Each in a personal chat: the one they have, or one the bot opens; those it cannot reach are counted, with why. */
export const reachable = (deps: ReachDeps, people: readonly Person[]): Promise<AudienceResolution> => recipientsOfPeople(deps, people.map((p) => p.userId));
