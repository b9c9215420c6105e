import type { EventView } from '../bot/domain/events/service';
import { hasEnded, hasStarted, type NlcEvent } from '../bot/domain/events/event';
import type { RsvpCounts, RsvpResponse } from '../bot/domain/events/rsvp';
import { formatRange } from '../bot/domain/time';
import json from './event.json';
import { withShareAction } from './share';
import { type AdaptiveCardJson, cardTemplate, type RefreshAudience, withRefresh } from './template';
import { EVENT_RSVP, EVENT_VIEW } from './verbs';

export interface EventCardData {
  eventId: string;
  eyebrow: string;
  title: string;
  banner: string;
  summary: string;
  when: string;
  where: string;
  audience: string;
  joinUrl: string;
  countsText: string;
  statusText: string;
  statusColor: 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';
  buttons: { title: string; response: RsvpResponse; style: 'positive' | 'default' }[];
}

const expand = cardTemplate<EventCardData>(json, { rsvp: EVENT_RSVP });

const BUTTONS: { response: RsvpResponse; title: string }[] = [
  { response: 'going', title: 'Going' },
  { response: 'maybe', title: 'Maybe' },
  { response: 'notGoing', title: "Can't go" },
];

const ANSWER_TEXT: Record<RsvpResponse, string> = {
  going: "You're going. Change your answer?",
  maybe: 'You said maybe. Change your answer?',
  notGoing: "You can't go. Change your answer?",
};

export function whereText(event: NlcEvent): string {
  if (event.location.type === 'online') return 'Online (Microsoft Teams)';
  return event.location.address ? `${event.location.name}, ${event.location.address}` : event.location.name;
}

export function countsText(counts: RsvpCounts | undefined): string {
  if (!counts) return 'Counts will show when you next open this card.';
  return `${counts.going} going · ${counts.maybe} maybe · ${counts.notGoing} can't go`;
}

export function eyebrowText(event: NlcEvent): string {
  return [event.series, event.flourish && `FLOURISH: ${event.flourish}`].filter(Boolean).join(' · ');
}

function status(view: EventView): Pick<EventCardData, 'statusText' | 'statusColor'> & { open: boolean } {
  const { event, now, myResponse } = view;
  if (event.status === 'cancelled') return { statusText: 'This event has been cancelled.', statusColor: 'Attention', open: false };
  if (event.status === 'draft') return { statusText: 'Draft: only organisers see this until it is published.', statusColor: 'Warning', open: false };
  if (hasEnded(event, now)) return { statusText: 'This event has taken place.', statusColor: 'Default', open: false };
  if (hasStarted(event, now)) return { statusText: 'This event is under way; answers are closed.', statusColor: 'Default', open: false };
  if (myResponse) return { statusText: ANSWER_TEXT[myResponse], statusColor: myResponse === 'notGoing' ? 'Default' : 'Good', open: true };
  return { statusText: 'Will you come?', statusColor: 'Default', open: true };
}

export interface EventCardOptions {
  /** Whose clients refresh the card to their own view (template.ts: RefreshAudience). */
  refreshUserIds: RefreshAudience;
  /** A line shown above the details, e.g. why an answer was not recorded. */
  banner?: string;
  /** Its public page: while it is open (answers, bookings, responses), the card offers Share. */
  shareUrl?: string;
}

/** One event as one person sees it: their own answer, the counts, and the buttons while open. */
export function renderEventCard(view: EventView, options: EventCardOptions): AdaptiveCardJson {
  const { event } = view;
  const { open, ...shown } = status(view);
  const card = expand({
    eventId: event.id,
    eyebrow: eyebrowText(event),
    title: event.title,
    banner: options.banner ?? '',
    summary: event.summary ?? '',
    when: formatRange(new Date(event.startsAt), new Date(event.endsAt)),
    where: whereText(event),
    audience: event.audience,
    joinUrl: event.location.type === 'online' && open ? (event.location.joinUrl ?? '') : '',
    countsText: countsText(view.counts),
    ...shown,
    buttons: open
      ? BUTTONS.map((b) => ({ ...b, style: b.response === view.myResponse ? 'positive' : 'default' }))
      : [],
  });
  return withShareAction(withRefresh(card, EVENT_VIEW, { eventId: event.id }, options.refreshUserIds), open ? options.shareUrl : undefined);
}
