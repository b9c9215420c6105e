import type { EventView } from '../bot/domain/events/service';
import { hasEnded, hasStarted, type NlcEvent } from '../bot/domain/events/event';
import type { RsvpCounts, RsvpResponse } from '../bot/domain/events/rsvp';
import { whenText, whereText } from '../bot/domain/events/when';
import json from './event.json';
import { withShareAction } from './share';
import { type AdaptiveCardJson, cardTemplate, type RefreshAudience, withRefresh } from './template';
import { EVENT_RSVP, EVENT_VIEW } from './verbs';

export interface EventCardData {
  eventId: string;
  eyebrow: string;
  title: string;
  example: string;
  banner: string;
  summary: string;
  when: string;
  where: string;
  audience: string;
  /** Link buttons: join, book elsewhere, the brochure; only those that apply. */
  links: { title: string; url: string }[];
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
  if (hasEnded(event, now)) return { statusText: 'This event has taken place; answers are closed.', statusColor: 'Default', open: false };
  if (hasStarted(event, now)) {
    const today = event.timeToBeConfirmed ? 'This event is today; answers are closed.' : 'This event is under way; answers are closed.';
    return { statusText: today, statusColor: 'Default', open: false };
  }
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

/** The link buttons an event shows: joining while it is open, booking elsewhere while it is ahead, the brochure always. */
export function eventLinks(event: NlcEvent, open: boolean): EventCardData['links'] {
  const links: EventCardData['links'] = [];
  if (open && event.location.type === 'online' && event.location.joinUrl) links.push({ title: 'Join online', url: event.location.joinUrl });
  if (open && event.bookingUrl) links.push({ title: 'Book a place', url: event.bookingUrl });
  if (event.brochureUrl) links.push({ title: 'See the brochure', url: event.brochureUrl });
  return links;
}

/** One event as one person sees it: their own answer, the counts, and the buttons while open. */
export function renderEventCard(view: EventView, options: EventCardOptions): AdaptiveCardJson {
  const { event } = view;
  const { open, ...shown } = status(view);
  const card = expand({
    eventId: event.id,
    eyebrow: eyebrowText(event),
    title: event.title,
    example: event.example ?? '',
    // A closed card's status says why it takes no answers; a banner would say it twice.
    banner: open ? (options.banner ?? '') : '',
    summary: event.summary ?? '',
    when: whenText(event),
    where: whereText(event),
    audience: event.audience,
    links: eventLinks(event, open),
    countsText: countsText(view.counts),
    ...shown,
    // Going is the card's one main action; the person's own answer is ticked, not
    // coloured, so Maybe never looks like Going.
    buttons: open
      ? BUTTONS.map((b) => ({ ...b, title: b.response === view.myResponse ? `✓ ${b.title}` : b.title, style: b.response === 'going' ? 'positive' : 'default' }))
      : [],
  });
  return withShareAction(withRefresh(card, EVENT_VIEW, { eventId: event.id }, options.refreshUserIds), open ? options.shareUrl : undefined);
}
