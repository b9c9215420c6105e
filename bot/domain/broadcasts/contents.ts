import { z } from 'zod/v4';
import { renderAnnouncementCard } from '../../../cards/announcement';
import { renderCallCard } from '../../../cards/contributions';
import { renderEventCard, whereText } from '../../../cards/event';
import { renderWorkshopCard } from '../../../cards/workshop';
import type { DownloadLinks } from '../downloads';
import { callIdSchema, groupIdSchema, isOpen } from '../task-groups/model';
import type { TaskGroupStore } from '../task-groups/ports';
import { asWorkshop } from '../workshops/booking';
import type { WorkshopStore } from '../workshops/ports';
import { workshopView } from '../workshops/service';
import { renderNoticeCard } from '../../../cards/notice';
import type { AdaptiveCardJson } from '../../../cards/template';
import type { Clock } from '../../clock';
import { DomainError } from '../errors';
import { eventIdSchema, hasStarted, type NlcEvent } from '../events/event';
import type { EventStore } from '../events/ports';
import type { OutgoingMessage } from '../messaging';
import { formatRange } from '../time';
import type { Broadcast, ContentSpec, Recipient } from './broadcast';
import { type ComposeForm, fieldProblem } from './compose';
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
  sample: AdaptiveCardJson;
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

const same = (card: AdaptiveCardJson, title: string, version = 0): PreparedContent => ({
  title,
  version,
  sample: card,
  messageFor: () => ({ cards: [card] }),
});

/** Every copy of a withdrawn broadcast is replaced by this. */
const withdrawn = (title: string, version = 0): PreparedContent =>
  same(renderNoticeCard({ title: 'Withdrawn', message: `The NLC organisers withdrew "${title}".`, hint: 'There is nothing you need to do.' }), title, version);

async function requireEvent(deps: ContentDeps, eventId: string): Promise<NlcEvent> {
  const event = await deps.events.getEvent(eventId);
  if (!event) throw new DomainError('not_found', 'That event is no longer in the NLC programme.', { hint: 'Type "events" for the current programme.' });
  return event;
}

const eventSpec = z.object({ kind: z.literal('event'), eventId: eventIdSchema });

const eventCard: ContentType = {
  kind: 'event',
  label: 'An event from the programme (choose it below)',
  composable: true,
  fromForm: async (form, deps) => {
    if (!form.eventId) throw fieldProblem('eventId', 'choose the event to send');
    const { eventId } = parseInput(z.object({ eventId: eventIdSchema }), { eventId: form.eventId }, 'form');
    const event = await deps.events.getEvent(eventId);
    if (!event) throw fieldProblem('eventId', 'that event is not in the programme');
    if (event.status === 'cancelled' || hasStarted(event, deps.clock.now())) throw fieldProblem('eventId', 'that event has started or been cancelled');
    return { kind: 'event', eventId };
  },
  prepare: async (spec, broadcast, deps) => {
    const event = await requireEvent(deps, eventSpec.parse(spec).eventId);
    if (broadcast.withdrawn) return withdrawn(event.title, event.sequence);
    if (event.kind === 'workshop') return workshopContent(event, deps);
    const view = { event, counts: await deps.events.countRsvps(event.id), now: deps.clock.now() };
    return {
      title: event.title,
      version: event.sequence,
      sample: renderEventCard(view, { refreshUserIds: [] }),
      // In a personal chat the card refreshes to that person's own answer and the live
      // counts; a channel's members see the shared card and their own view on clicking.
      messageFor: (recipient) => ({
        cards: [renderEventCard(view, { refreshUserIds: recipient.scope === 'personal' && recipient.reference.user ? [recipient.reference.user.id] : [] })],
      }),
    };
  },
  eventIdOf: (spec) => eventSpec.safeParse(spec).data?.eventId,
};

/**
 * A workshop goes out as its booking card: places left and the Book form, and in a
 * personal chat the person's own place (booked, waitlisted) with its calendar link.
 */
async function workshopContent(event: NlcEvent, deps: ContentDeps): Promise<PreparedContent> {
  const workshop = asWorkshop(event);
  const ledger = await deps.workshops.getLedger(workshop.id);
  const now = deps.clock.now();
  const cardFor = (userAadObjectId: string | undefined, refreshUserIds: string[]) =>
    renderWorkshopCard(workshopView(workshop, ledger, userAadObjectId, now, deps.links), { refreshUserIds });
  return {
    title: workshop.title,
    version: workshop.sequence,
    sample: cardFor(undefined, []),
    messageFor: (recipient) => {
      const personal = recipient.scope === 'personal' ? recipient.reference.user : undefined;
      return { cards: [cardFor(personal?.aadObjectId?.toLowerCase(), personal ? [personal.id] : [])] };
    },
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
export const callContent: ContentType = {
  kind: 'call',
  label: 'A call for contributions (choose it below)',
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
    return broadcast.withdrawn ? withdrawn(call.title) : same(renderCallCard(call, group), call.title);
  },
};

const announcementFields = z.object({
  title: z.string({ message: 'give the announcement a title' }).trim().min(3, 'at least 3 characters').max(140, 'at most 140 characters'),
  text: z.string({ message: 'write the announcement' }).trim().min(1, 'write the announcement').max(2000, 'at most 2,000 characters'),
});
const announcementSpec = announcementFields.extend({ kind: z.literal('announcement') });

const announcement: ContentType = {
  kind: 'announcement',
  label: 'An announcement (title and text below)',
  composable: true,
  fromForm: (form) => Promise.resolve({ kind: 'announcement', ...parseInput(announcementFields, { title: form.title, text: form.text }, 'form') }),
  prepare: (spec, broadcast) => {
    const { title, text } = announcementSpec.parse(spec);
    return Promise.resolve(broadcast.withdrawn ? withdrawn(title) : same(renderAnnouncementCard({ title, text }), title));
  },
};

const cancelledSpec = z.object({ kind: z.literal('event-cancelled'), eventId: eventIdSchema });

/** The short personal notice people who said Going get when an event is cancelled. */
const eventCancelledNotice: ContentType = {
  kind: 'event-cancelled',
  label: 'Cancellation notice',
  composable: false,
  fromForm: () => Promise.reject(new DomainError('invalid_input', 'Cancellation notices are sent by cancelling the event.')),
  prepare: async (spec, broadcast, deps) => {
    const event = await requireEvent(deps, cancelledSpec.parse(spec).eventId);
    if (broadcast.withdrawn) return withdrawn(`Cancelled: ${event.title}`, event.sequence);
    const card = renderNoticeCard({
      title: `Cancelled: ${event.title}`,
      message: `${formatRange(new Date(event.startsAt), new Date(event.endsAt))}, ${whereText(event)}. You said you would come (or had a place), so we wanted you to know it will not go ahead.`,
      tone: 'warning',
      hint: 'Type "events" to see what else is coming up.',
    });
    return same(card, `Cancelled: ${event.title}`, event.sequence);
  },
};

export const defaultContentTypes = (): ContentType[] => [eventCard, announcement, callContent, eventCancelledNotice];

export const eventCancelledContent = (eventId: string): ContentSpec => ({ kind: eventCancelledNotice.kind, eventId });
