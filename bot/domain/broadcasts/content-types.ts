import { z } from 'zod/v4';
import type { DownloadLinks } from '../downloads';
import { callIdSchema, groupIdSchema, isOpen } from '../task-groups/task-group';
import type { TaskGroupStore } from '../task-groups/ports';
import { asWorkshop } from '../workshops/workshop';
import type { WorkshopStore } from '../workshops/ports';
import { workshopView } from '../workshops/service';
import { refreshIdsOf } from './recipients';
import type { Clock } from '../../clock';
import { DomainError } from '../errors';
import { eventIdSchema, hasStarted, type NlcEvent } from '../events/event';
import type { EventStore } from '../events/ports';
import type { CardJson, OutgoingMessage } from '../messaging';
import type { Broadcast, ContentSpec, Recipient } from './broadcast';
import { type ComposeForm, fieldProblem } from './compose';
import type { ContentCards } from './ports';
import { parseInput } from '../validation';

/**
 * What a broadcast can carry. Each content type reads its fields from the compose form,
 * and renders the card every recipient gets: once per revision, with per-recipient
 * touches (a personal chat's card refreshes to that person's own answers). Workshops,
 * deadlines and calls for contributions are added as further types.
 */
export interface ContentDeps {
  events: EventStore;
  workshops: WorkshopStore;
  taskGroups: TaskGroupStore;
  /** Calendar links on workshop cards. */
  links: DownloadLinks;
  clock: Clock;
}

export interface PreparedContent {
  /** Names the broadcast on the organiser's cards. */
  title: string;
  /** The content's own version (an event's sequence): a copy is never posted from an older one than the broadcast asks for. */
  version: number;
  messageFor(recipient: Pick<Recipient, 'scope' | 'reference'>): OutgoingMessage;
  /** The card as recipients will see it, for the organiser's preview. */
  sample: CardJson;
  /** Timely content (reminders): copies not yet posted are not posted at all, for this reason ("the event has started"). */
  expired?: string;
  /** Timely content: copies not yet posted wait until this instant (reminders wait for a civil hour). */
  notBefore?: Date;
}

export interface ContentType {
  kind: string;
  /** As the compose card offers it. */
  label: string;
  /** Offered to organisers; false for notices the bot sends by itself. */
  composable: boolean;
  fromForm(form: ComposeForm, deps: ContentDeps): Promise<ContentSpec>;
  prepare(spec: ContentSpec, broadcast: Pick<Broadcast, 'withdrawn'>, deps: ContentDeps): Promise<PreparedContent>;
  /** The event this content shows, so that editing or cancelling the event reaches every copy. */
  eventIdOf?(spec: ContentSpec): string | undefined;
}

/** Content every recipient sees the same. */
export const sameForAll = (card: CardJson, title: string, version = 0): PreparedContent => ({
  title,
  version,
  sample: card,
  messageFor: () => ({ cards: [card] }),
});

/** Every copy of a withdrawn broadcast is replaced by this. */
export const withdrawn = (cards: ContentCards, title: string, version = 0): PreparedContent => sameForAll(cards.withdrawn(title), title, version);

async function requireEvent(deps: ContentDeps, eventId: string): Promise<NlcEvent> {
  const event = await deps.events.getEvent(eventId);
  if (!event) throw new DomainError('not_found', 'That event is no longer in the NLC programme.', { hint: 'Type "events" for the current programme.' });
  return event;
}

const eventSpec = z.object({ kind: z.literal('event'), eventId: eventIdSchema });

const eventContent = (cards: ContentCards): ContentType => ({
  kind: 'event',
  label: 'An event from the programme',
  composable: true,
  fromForm: async (form, deps) => {
    if (!form.eventId) throw fieldProblem('eventId', 'choose the event to send');
    const { eventId } = parseInput(z.object({ eventId: eventIdSchema }), { eventId: form.eventId }, 'form');
    const event = await deps.events.getEvent(eventId);
    if (!event) throw fieldProblem('eventId', 'that event is not in the programme');
    if (event.status !== 'scheduled' || hasStarted(event, deps.clock.now())) throw fieldProblem('eventId', 'that event is a draft, has started or has been cancelled');
    return { kind: 'event', eventId };
  },
  prepare: async (spec, broadcast, deps) => {
    const event = await requireEvent(deps, eventSpec.parse(spec).eventId);
    if (broadcast.withdrawn) return withdrawn(cards, event.title, event.sequence);
    if (event.kind === 'workshop') return workshopContent(cards, event, deps);
    const view = { event, counts: await deps.events.countRsvps(event.id), now: deps.clock.now() };
    return {
      title: event.title,
      version: event.sequence,
      sample: cards.event(view, []),
      // In a personal chat the card refreshes to that person's own answer and the live
      // counts; a channel's members see the shared card and their own view on clicking.
      messageFor: (recipient) => ({
        cards: [cards.event(view, refreshIdsOf(recipient))],
      }),
    };
  },
  eventIdOf: (spec) => eventSpec.safeParse(spec).data?.eventId,
});

/**
 * A workshop goes out as its booking card: places left and the Book form, and in a
 * personal chat the person's own place (booked, waitlisted) with its calendar link.
 */
async function workshopContent(cards: ContentCards, event: NlcEvent, deps: ContentDeps): Promise<PreparedContent> {
  const workshop = asWorkshop(event);
  const ledger = await deps.workshops.getLedger(workshop.id);
  const now = deps.clock.now();
  const cardFor = (userAadObjectId: string | undefined, refreshUserIds: string[]) =>
    cards.workshop(workshopView(workshop, ledger, userAadObjectId, now, deps.links), refreshUserIds);
  return {
    title: workshop.title,
    version: workshop.sequence,
    sample: cardFor(undefined, []),
    messageFor: (recipient) => ({ cards: [cardFor(recipient.scope === 'personal' ? recipient.reference.user?.aadObjectId?.toLowerCase() : undefined, refreshIdsOf(recipient))] }),
  };
}

const callSpec = z.object({ kind: z.literal('call'), groupId: groupIdSchema, callId: callIdSchema });

/** Reads "<groupId>/<callId>" as the compose card offers it. */
export function callRefOf(value: string | undefined): { groupId: string; callId: string } | undefined {
  const [groupId, callId, ...rest] = (value ?? '').split('/');
  const parsed = callSpec.omit({ kind: true }).safeParse({ groupId, callId });
  return parsed.success && rest.length === 0 ? parsed.data : undefined;
}

/** A call for contributions, with its form on the card: members answer it where it lands. */
const callContent = (cards: ContentCards): ContentType => ({
  kind: 'call',
  label: 'A call for contributions',
  composable: true,
  fromForm: async (form, deps) => {
    const ref = callRefOf(form.call);
    if (!ref) throw fieldProblem('call', 'choose the call for contributions');
    const call = await deps.taskGroups.getCall(ref.groupId, ref.callId);
    if (!call) throw fieldProblem('call', 'that call no longer exists');
    if (!isOpen(call, deps.clock.now())) throw fieldProblem('call', 'that call has closed');
    return { kind: 'call', ...ref };
  },
  prepare: async (spec, broadcast, deps) => {
    const { groupId, callId } = callSpec.parse(spec);
    const [group, call] = await Promise.all([deps.taskGroups.getGroup(groupId), deps.taskGroups.getCall(groupId, callId)]);
    if (!group || !call) throw new DomainError('not_found', 'That call for contributions no longer exists.');
    return broadcast.withdrawn ? withdrawn(cards, call.title) : sameForAll(cards.call(call, group), call.title);
  },
});

const announcementFields = z.object({
  title: z.string({ message: 'give the announcement a title' }).trim().min(3, 'at least 3 characters').max(140, 'at most 140 characters'),
  text: z.string({ message: 'write the announcement' }).trim().min(1, 'write the announcement').max(2000, 'at most 2,000 characters'),
});
const announcementSpec = announcementFields.extend({ kind: z.literal('announcement') });

const announcementContent = (cards: ContentCards): ContentType => ({
  kind: 'announcement',
  label: 'An announcement: a title and text',
  composable: true,
  fromForm: (form) => Promise.resolve({ kind: 'announcement', ...parseInput(announcementFields, { title: form.title, text: form.text }, 'form') }),
  prepare: (spec, broadcast) => {
    const { title, text } = announcementSpec.parse(spec);
    return Promise.resolve(broadcast.withdrawn ? withdrawn(cards, title) : sameForAll(cards.announcement({ title, text }), title));
  },
});

const EVENT_CANCELLED = 'event-cancelled';
const cancelledSpec = z.object({ kind: z.literal(EVENT_CANCELLED), eventId: eventIdSchema });

/** The short personal notice people who said Going get when an event is cancelled. */
const eventCancelledNotice = (cards: ContentCards): ContentType => ({
  kind: EVENT_CANCELLED,
  label: 'Cancellation notice',
  composable: false,
  fromForm: () => Promise.reject(new DomainError('invalid_input', 'Cancellation notices are sent by cancelling the event.')),
  prepare: async (spec, broadcast, deps) => {
    const event = await requireEvent(deps, cancelledSpec.parse(spec).eventId);
    if (broadcast.withdrawn) return withdrawn(cards, `Cancelled: ${event.title}`, event.sequence);
    return sameForAll(cards.eventCancelled(event), `Cancelled: ${event.title}`, event.sequence);
  },
});

export const defaultContentTypes = (cards: ContentCards): ContentType[] => [
  eventContent(cards),
  announcementContent(cards),
  callContent(cards),
  eventCancelledNotice(cards),
];

export const eventCancelledContent = (eventId: string): ContentSpec => ({ kind: EVENT_CANCELLED, eventId });
