import type { Deadline } from '../deadlines/deadline';
import type { NlcEvent } from '../events/event';
import { type Call, groupLabel, type TaskGroup } from '../task-groups/task-group';

/**
 * Find and share: what people can find from any chat's compose box and pass on by link.
 * Events and workshops, consultation deadlines and task groups' calls for contributions
 * each have a short public address and a card that works wherever it is dropped.
 */
export type SharedKind = 'event' | 'workshop' | 'deadline' | 'call';

/** Which thing a link or a search result means. Events and workshops share one address space (/e/). */
export type ShareRef = { kind: 'event'; id: string } | { kind: 'deadline'; id: string } | { kind: 'call'; groupId: string; id: string };

/** Published: anyone may see it. A draft only organisers; a cancelled one nobody. */
export type Publication = 'draft' | 'published' | 'cancelled';

/**
 * One line of the programme index: just what search matches, ranks and filters on. The
 * whole thing is read again when a card is drawn, so the index may lag by a few seconds.
 */
export interface IndexEntry {
  kind: SharedKind;
  id: string;
  /** Calls live in their task group. */
  groupId?: string;
  title: string;
  /** An event's series ("Norfolk Practice Week 2024"), a deadline's source, a call's task group. */
  series?: string;
  /** Where: the venue's name and address, or "Online". */
  venue?: string;
  flourish?: string;
  /** When it happens (events) or closes (deadlines, calls): UTC. */
  startsAt: string;
  /** After this it is past: an event's end, a deadline's or call's close (UTC). */
  endsAt: string;
  publication: Publication;
}

/** Who is looking, as far as visibility goes; decided on the server every request. */
export interface Viewer {
  /** An NLC organiser (the one organiser permission function). */
  organiser: boolean;
  /** In their own personal chat with the bot: what is inserted there is seen by them alone. */
  ownChat: boolean;
}

/** Anyone with a link: a browser, or a chat the viewer does not own. */
export const PUBLIC_VIEWER: Viewer = { organiser: false, ownChat: false };

/**
 * Who may see what. Cancelled: nobody. Drafts: organisers, in their own chat only, so a
 * draft is never dropped into a shared conversation. Past ones: a search shows them to
 * organisers only; a link keeps working after the day, saying it has taken place.
 */
export function isVisible(item: Pick<IndexEntry, 'publication' | 'endsAt'>, viewer: Viewer, now: Date, purpose: 'search' | 'link'): boolean {
  if (item.publication === 'cancelled') return false;
  if (item.publication === 'draft') return viewer.organiser && viewer.ownChat;
  return purpose === 'link' || viewer.organiser || new Date(item.endsAt) > now;
}

export const refOf = (entry: Pick<IndexEntry, 'kind' | 'id' | 'groupId'>): ShareRef =>
  entry.kind === 'call' ? { kind: 'call', groupId: entry.groupId ?? '', id: entry.id } : entry.kind === 'deadline' ? { kind: 'deadline', id: entry.id } : { kind: 'event', id: entry.id };

export const venueOf = (event: Pick<NlcEvent, 'location'>): string =>
  event.location.type === 'online' ? 'Online' : [event.location.name, event.location.address].filter(Boolean).join(', ');

const eventPublication = (status: NlcEvent['status']): Publication => (status === 'scheduled' ? 'published' : status);

export type EventFields = Pick<NlcEvent, 'id' | 'kind' | 'title' | 'series' | 'location' | 'flourish' | 'startsAt' | 'endsAt' | 'status'>;

export function entryOfEvent(event: EventFields): IndexEntry {
  return {
    kind: event.kind === 'workshop' ? 'workshop' : 'event',
    id: event.id,
    title: event.title,
    series: event.series,
    venue: venueOf(event),
    flourish: event.flourish,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    publication: eventPublication(event.status),
  };
}

/** Where an open offer (no closing date) sorts: after every dated item, and never past. */
const OPEN_ENDED = '9999-12-31T23:59:59.999Z';

export function entryOfDeadline(deadline: Pick<Deadline, 'id' | 'title' | 'from' | 'closesAt' | 'status'>): IndexEntry {
  return {
    kind: 'deadline',
    id: deadline.id,
    title: deadline.title,
    series: deadline.from,
    // An open offer has no closing date: it stays findable, after everything dated.
    startsAt: deadline.closesAt ?? OPEN_ENDED,
    endsAt: deadline.closesAt ?? OPEN_ENDED,
    publication: deadline.status === 'open' ? 'published' : 'cancelled',
  };
}

export function entryOfCall(call: Pick<Call, 'id' | 'groupId' | 'title' | 'closesAt'>, group: Pick<TaskGroup, 'number' | 'name'> | undefined): IndexEntry {
  return {
    kind: 'call',
    id: call.id,
    groupId: call.groupId,
    title: call.title,
    series: group ? `${groupLabel(group)}: ${group.name}` : undefined,
    startsAt: call.closesAt,
    endsAt: call.closesAt,
    publication: 'published',
  };
}
