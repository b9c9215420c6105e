import type { Clock } from '../../clock';
import type { Actor } from '../actor';
import { assertOrganiser, type Organisers } from '../organisers';
import { countByWeek, type WeekCount } from '../time-series';
import { bookedCount, waitlist } from '../workshops/ledger';
import type { WorkshopStore } from '../workshops/ports';
import { asWorkshop } from '../workshops/workshop';
import { hasEnded, type NlcEvent } from './event';
import type { EventStore } from './ports';
import type { RsvpCounts, RsvpResponse } from './rsvp';

/**
 * The whole programme for organisers (the organiser tab): every event and workshop, to
 * come and past, narrowed by series and FLOURISH outcome, a page at a time, each with its
 * answers or its places; and one event's answers by name. Organisers only, checked here
 * as the bot's attendee list checks it.
 */
export interface OverviewDeps {
  events: EventStore;
  workshops: Pick<WorkshopStore, 'getLedger'>;
  organisers: Organisers;
  clock: Clock;
}

export interface ProgrammeFilter {
  series?: string;
  flourish?: string;
  when: 'upcoming' | 'past' | 'all';
  page: number;
  pageSize: number;
}

export interface Places {
  capacity: number;
  booked: number;
  waiting: number;
  closed: boolean;
}

export interface ProgrammeRow {
  event: NlcEvent;
  past: boolean;
  counts?: RsvpCounts;
  places?: Places;
}

export interface ProgrammePage {
  rows: ProgrammeRow[];
  total: number;
  /** Every series and FLOURISH outcome in the programme, for the filters. */
  series: string[];
  flourish: string[];
}

const WHAT = 'see the whole programme';

async function rowOf(deps: OverviewDeps, event: NlcEvent, now: Date, counts?: RsvpCounts): Promise<ProgrammeRow> {
  const past = hasEnded(event, now);
  if (event.kind !== 'workshop') return { event, past, counts: counts ?? (await deps.events.countRsvps(event.id)) };
  const ledger = await deps.workshops.getLedger(event.id);
  const capacity = ledger?.capacity ?? asWorkshop(event).booking.capacity;
  return { event, past, places: { capacity, booked: bookedCount(ledger), waiting: waitlist(ledger).length, closed: ledger?.closed ?? false } };
}

export async function programmePage(deps: OverviewDeps, actor: Actor, filter: ProgrammeFilter): Promise<ProgrammePage> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const now = deps.clock.now();
  const all = await deps.events.listProgramme();
  const chosen = all.filter(
    (e) =>
      (!filter.series || e.series === filter.series) &&
      (!filter.flourish || e.flourish === filter.flourish) &&
      (filter.when === 'all' || (filter.when === 'past') === hasEnded(e, now)),
  );
  // Past events newest first: the one just held is the one organisers look for.
  if (filter.when === 'past') chosen.reverse();
  const page = chosen.slice(filter.page * filter.pageSize, (filter.page + 1) * filter.pageSize);
  const distinct = (values: (string | undefined)[]): string[] => [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  const counts = await deps.events.countRsvpsOf(page.filter((e) => e.kind !== 'workshop').map((e) => e.id));
  return {
    rows: await Promise.all(page.map((event) => rowOf(deps, event, now, counts.get(event.id)))),
    total: chosen.length,
    series: distinct(all.map((e) => e.series)),
    flourish: distinct(all.map((e) => e.flourish)),
  };
}

export interface EventAnswers {
  row: ProgrammeRow;
  /** Names by answer (events without places). */
  people: Record<RsvpResponse, string[]>;
  /** Answers (or booking requests) per week, by when they were given. */
  overTime: WeekCount[];
}

/** One event for organisers: its figures, who answered what, and when answers came in. */
export async function eventAnswers(deps: OverviewDeps, actor: Actor, event: NlcEvent): Promise<EventAnswers> {
  await assertOrganiser(deps.organisers, actor, 'see who answered');
  const now = deps.clock.now();
  const people: Record<RsvpResponse, string[]> = { going: [], maybe: [], notGoing: [] };
  if (event.kind === 'workshop') {
    const [row, ledger] = await Promise.all([rowOf(deps, event, now), deps.workshops.getLedger(event.id)]);
    return { row, people, overTime: countByWeek((ledger?.entries ?? []).map((e) => new Date(e.requestedAt))) };
  }
  const [row, rsvps] = await Promise.all([rowOf(deps, event, now), deps.events.listRsvpsOfEvent(event.id)]);
  for (const rsvp of rsvps) people[rsvp.response].push(rsvp.userName ?? 'Someone (no name given)');
  for (const names of Object.values(people)) names.sort((a, b) => a.localeCompare(b));
  return { row, people, overTime: countByWeek(rsvps.map((r) => new Date(r.respondedAt))) };
}
