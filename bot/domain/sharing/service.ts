import type { Actor } from '../actor';
import type { ConversationStore } from '../conversations/ports';
import type { DeadlineStore } from '../deadlines/ports';
import { type DeadlineView, viewDeadline } from '../deadlines/service';
import type { EventView } from '../events/service';
import type { Organisers } from '../organisers';
import type { TaskGroupStore } from '../task-groups/ports';
import type { Call, TaskGroup } from '../task-groups/task-group';
import { type AttendeeList, attendeeList } from '../workshops/manage';
import { viewWorkshop, type WorkshopsDeps, type WorkshopView } from '../workshops/service';
import type { ProgrammeIndex } from './ports';
import { type Page, readSearchInput } from './query';
import { rankEntries, upcomingEntries } from './rank';
import { entryOfCall, entryOfDeadline, entryOfEvent, isVisible, PUBLIC_VIEWER, refOf, type ShareRef, type Viewer } from './sharing';

export interface SharingDeps extends WorkshopsDeps {
  programme: ProgrammeIndex;
  deadlines: DeadlineStore;
  taskGroups: TaskGroupStore;
  organisers: Organisers;
  conversations: ConversationStore;
}

/**
 * One found thing, ready to draw: the same views the bot's own cards are drawn from.
 * `drawnFor`: the person whose own view it is (in their chat with the bot); absent, it is
 * the shared view, which each person's client refreshes to their own.
 */
export type SharedItem = (
  | { kind: 'event'; view: EventView }
  | { kind: 'workshop'; view: WorkshopView }
  | { kind: 'deadline'; view: DeadlineView }
  | { kind: 'call'; call: Call; group: TaskGroup; now: Date }
  /** An organiser's own chat: a workshop as organisers see it, with who has booked. */
  | { kind: 'attendees'; list: AttendeeList }
) & { drawnFor?: Actor };

/** Who is searching or pasting a link, and where. */
export interface Searcher {
  actor: Actor;
  conversationId: string;
  /** Teams says the conversation is personal (a 1:1 chat: with the bot, or with a colleague). */
  personal: boolean;
}

/**
 * Organiser rights come from the one organiser check, every request. "Own chat" means the
 * person's personal chat with this bot as recorded at install: a 1:1 chat with a
 * colleague is personal to Teams too, but a card dropped there is seen by both.
 */
export async function viewerOf(deps: Pick<SharingDeps, 'organisers' | 'conversations'>, searcher: Searcher): Promise<Viewer> {
  const organiser = await deps.organisers.includes(searcher.actor.aadObjectId);
  if (!searcher.personal) return { organiser, ownChat: false };
  const chat = await deps.conversations.get(searcher.conversationId);
  const ownChat = chat?.active === true && chat.scope === 'personal' && chat.userAadObjectId === searcher.actor.aadObjectId;
  return { organiser, ownChat };
}

/** Whose view to draw: the searcher's own in their chat with the bot; elsewhere the shared view, which each person's client refreshes to their own. */
const drawnFor = (viewer: Viewer, actor: Actor | undefined): Actor | undefined => (viewer.ownChat ? actor : undefined);

/** The thing a link or result names, as `viewer` may see it now; undefined when it is gone or not theirs to see. */
export async function openShared(deps: SharingDeps, ref: ShareRef, viewer: Viewer, actor?: Actor): Promise<SharedItem | undefined> {
  const now = deps.clock.now();
  const person = drawnFor(viewer, actor);
  if (ref.kind === 'deadline') {
    const deadline = await deps.deadlines.getDeadline(ref.id);
    if (!deadline || !isVisible(entryOfDeadline(deadline), viewer, now, 'link')) return undefined;
    return { kind: 'deadline', view: await viewDeadline(deps, person, deadline), drawnFor: person };
  }
  if (ref.kind === 'call') {
    const [call, group] = await Promise.all([deps.taskGroups.getCall(ref.groupId, ref.id), deps.taskGroups.getGroup(ref.groupId)]);
    if (!call || !group || !isVisible(entryOfCall(call, group), viewer, now, 'link')) return undefined;
    return { kind: 'call', call, group, now };
  }
  const event = await deps.events.getEvent(ref.id);
  if (!event || !isVisible(entryOfEvent(event), viewer, now, 'link')) return undefined;
  if (event.kind === 'workshop' && event.booking) {
    const workshop = { ...event, booking: event.booking };
    if (viewer.organiser && person) return { kind: 'attendees', list: await attendeeList(deps, person, event.id), drawnFor: person };
    return { kind: 'workshop', view: await viewWorkshop(deps, person, workshop), drawnFor: person };
  }
  const mine = person ? await deps.events.getRsvp(event.id, person.aadObjectId) : undefined;
  // No counts: a search draws a card per result on every keystroke, and the card's refresh
  // brings them when it is seen.
  return { kind: 'event', view: { event, myResponse: mine?.response, now }, drawnFor: person };
}

/** A link pasted into a compose box: what it names, as the person pasting may see it. */
export async function openLinked(deps: SharingDeps, searcher: Searcher, ref: ShareRef): Promise<SharedItem | undefined> {
  return openShared(deps, ref, await viewerOf(deps, searcher), searcher.actor);
}

/** Where an item's public page is. */
export function refOfItem(item: SharedItem): ShareRef {
  switch (item.kind) {
    case 'event':
      return { kind: 'event', id: item.view.event.id };
    case 'workshop':
      return { kind: 'event', id: item.view.workshop.id };
    case 'attendees':
      return { kind: 'event', id: item.list.view.workshop.id };
    case 'deadline':
      return { kind: 'deadline', id: item.view.deadline.id };
    case 'call':
      return { kind: 'call', groupId: item.group.id, id: item.call.id };
  }
}

/** What a public page shows: never the organisers' view. */
export type PublicItem = Exclude<SharedItem, { kind: 'attendees' }>;

/** What anyone with the link may see (the public page). */
export async function openPublic(deps: SharingDeps, ref: ShareRef): Promise<PublicItem | undefined> {
  const item = await openShared(deps, ref, PUBLIC_VIEWER);
  return item?.kind === 'attendees' ? undefined : item;
}

export type SearchAnswer = { items: SharedItem[] } | { refused: string };

/** A search from the compose box: the matches the searcher may see, best first, one page of them drawn. */
export async function findInProgramme(deps: SharingDeps, searcher: Searcher, text: unknown, page: Page): Promise<SearchAnswer> {
  const input = readSearchInput(text);
  if (input.kind === 'refused') return { refused: input.message };
  const [viewer, entries] = await Promise.all([viewerOf(deps, searcher), deps.programme.entries()]);
  const now = deps.clock.now();
  const ranked = input.kind === 'words' ? rankEntries(entries, input.words, viewer, now) : upcomingEntries(entries, viewer, now);
  const shown = ranked.slice(page.skip, page.skip + page.count);
  const items = await Promise.all(shown.map((entry) => openShared(deps, refOf(entry), viewer, searcher.actor)));
  return { items: items.filter((item): item is SharedItem => item !== undefined) };
}
