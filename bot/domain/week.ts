import type { Clock } from '../clock';
import type { Actor } from './actor';
import { type Deadline, deadlineState, type DeadlineFollow } from './deadlines/deadline';
import type { DeadlineStore } from './deadlines/ports';
import type { NlcEvent } from './events/event';
import type { EventStore } from './events/ports';
import type { RsvpResponse } from './events/rsvp';
import { listMyEvents } from './events/service';
import { addLondonDays, endOfLondonDay } from './time';
import type { BookingEntry } from './workshops/ledger';
import type { DownloadLinks, WorkshopStore } from './workshops/ports';
import { listMyBookings } from './workshops/service';

/**
 * "upcoming" / "my week": one person's next seven days in one list: the events they said
 * Going or Maybe to, their workshop places, and the deadlines they asked to be reminded
 * of (or have answered), by time.
 */
export interface WeekDeps {
  events: EventStore;
  workshops: WorkshopStore;
  deadlines: DeadlineStore;
  clock: Clock;
  links: DownloadLinks;
}

export type WeekItem =
  | { kind: 'event'; at: Date; event: NlcEvent; response: RsvpResponse }
  | { kind: 'booking'; at: Date; event: NlcEvent; entry: BookingEntry; position?: number }
  | { kind: 'deadline'; at: Date; deadline: Deadline; follow: DeadlineFollow };

export interface Week {
  from: Date;
  /** The end of the seventh London day, today included. */
  to: Date;
  items: WeekItem[];
}

export async function myWeek(deps: WeekDeps, actor: Actor): Promise<Week> {
  const from = deps.clock.now();
  const to = endOfLondonDay(addLondonDays(from, 6));
  const within = (at: Date): boolean => at >= from && at <= to;
  const [events, bookings, follows] = await Promise.all([listMyEvents(deps, actor), listMyBookings(deps, actor), deps.deadlines.listFollowsOfUser(actor.aadObjectId)]);
  const deadlines = await Promise.all(follows.filter((f) => f.remind || f.responded).map(async (follow) => ({ follow, deadline: await deps.deadlines.getDeadline(follow.deadlineId) })));
  const items: WeekItem[] = [
    ...events.map(({ event, response }): WeekItem => ({ kind: 'event', at: new Date(event.startsAt), event, response })),
    ...bookings.flatMap((view): WeekItem[] => (view.mine ? [{ kind: 'booking', at: new Date(view.workshop.startsAt), event: view.workshop, entry: view.mine.entry, position: view.mine.position }] : [])),
    ...deadlines.flatMap(({ follow, deadline }): WeekItem[] =>
      deadline?.closesAt && deadlineState(deadline, from) === 'open' ? [{ kind: 'deadline', at: new Date(deadline.closesAt), deadline, follow }] : [],
    ),
  ];
  // Events under way are still this week's: kept by their end, shown by their start.
  const current = items.filter((item) => (item.kind === 'deadline' ? within(item.at) : item.at <= to && new Date(item.event.endsAt) > from));
  return { from, to, items: current.sort((a, b) => a.at.getTime() - b.at.getTime()) };
}
