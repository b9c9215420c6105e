import { hasEnded, hasStarted } from '../bot/domain/events/event';
import type { PublicItem, SharedItem } from '../bot/domain/sharing/service';
import { KIND_LABELS } from '../bot/domain/task-groups/contribution-kinds';
import { groupLabel, isOpen } from '../bot/domain/task-groups/task-group';
import { formatDate, formatRange } from '../bot/domain/time';
import { renderAttendeesCard } from './attendees';
import { renderCallCard } from './call';
import { closesOn, closesText, renderDeadlineCard } from './deadline';
import { eyebrowText, renderEventCard } from './event';
import { whereText } from '../bot/domain/events/when';
import { withShareAction } from './share';
import type { AdaptiveCardJson, RefreshAudience } from './template';
import { renderWorkshopCard } from './workshop';

/**
 * A found or linked thing (bot/domain/sharing) as cards and words: the card dropped into a
 * chat is the bot's own card for it; the words are what a search result's preview and
 * the public page say. Nothing personal is in the words: no names, no counts of people.
 */
export type { PublicItem };

export interface SharedFacts {
  kind: string;
  title: string;
  /** Series, source or task group, and the FLOURISH outcome. */
  eyebrow: string;
  /** Europe/London. */
  when: string;
  where?: string;
  /** Who it is for, or what a call asks for. */
  audience?: { label: string; text: string };
  summary?: string;
  status: string;
  link?: { title: string; url: string };
}

function eventStatus(item: Extract<PublicItem, { kind: 'event' | 'workshop' }>): string {
  const { event, now } = item.kind === 'event' ? item.view : { event: item.view.workshop, now: item.view.now };
  const noun = item.kind === 'event' ? 'event' : 'workshop';
  if (event.status === 'draft') return `Draft: this ${noun} is not published yet.`;
  if (hasEnded(event, now)) return `This ${noun} has taken place.`;
  if (hasStarted(event, now)) return `This ${noun} is under way.`;
  if (item.kind === 'event') return "Say whether you're coming on its card in Microsoft Teams.";
  const { availability, workshop } = item.view;
  if (availability === 'closed') return item.view.closedReason ?? 'Booking is closed.';
  if (availability === 'full') return 'All places are taken: join the waiting list in Microsoft Teams.';
  return `Places are available: book in Microsoft Teams by ${formatDate(new Date(workshop.booking.deadline))}.`;
}

export function describeShared(item: PublicItem): SharedFacts {
  if (item.kind === 'deadline') {
    const { deadline, now } = item.view;
    return {
      kind: 'Consultation deadline',
      title: deadline.title,
      eyebrow: deadline.from ?? '',
      when: `Closes ${closesOn(deadline)}`,
      audience: { label: 'Who should respond', text: deadline.respondents },
      summary: deadline.summary,
      status: closesText(deadline, now),
      link: { title: 'How to respond', url: deadline.link },
    };
  }
  if (item.kind === 'call') {
    const { call, group, now } = item;
    return {
      kind: 'Call for contributions',
      title: call.title,
      eyebrow: `${groupLabel(group)}: ${group.name}`,
      when: `Closes ${formatDate(new Date(call.closesAt))}`,
      audience: { label: 'Asking for', text: KIND_LABELS[call.kind] },
      summary: call.asks,
      status: isOpen(call, now) ? 'Open: answer it on its card in Microsoft Teams.' : 'This call has closed.',
    };
  }
  const event = item.kind === 'event' ? item.view.event : item.view.workshop;
  return {
    kind: item.kind === 'event' ? 'Event' : 'Workshop',
    title: event.title,
    eyebrow: eyebrowText(event),
    when: formatRange(new Date(event.startsAt), new Date(event.endsAt)),
    where: whereText(event),
    audience: { label: 'For', text: event.audience },
    summary: event.summary,
    status: eventStatus(item),
  };
}

/**
 * The bot's own card for the item (the organisers' attendee card in an organiser's own
 * chat), with Share while it is open and has a public page. It refreshes for the person it was drawn
 * for, or for everyone in the chat it is dropped into.
 */
export function renderSharedCard(item: SharedItem, pageUrl: string | undefined): AdaptiveCardJson {
  const refreshUserIds: RefreshAudience = item.drawnFor ? [item.drawnFor.teamsUserId] : 'everyone';
  switch (item.kind) {
    case 'attendees':
      return renderAttendeesCard(item.list);
    case 'event':
      return renderEventCard(item.view, { refreshUserIds, shareUrl: pageUrl });
    case 'workshop':
      return renderWorkshopCard(item.view, { refreshUserIds, shareUrl: pageUrl });
    case 'deadline':
      return renderDeadlineCard(item.view, { refreshUserIds, shareUrl: pageUrl });
    case 'call':
      return withShareAction(renderCallCard(item.call, item.group), isOpen(item.call, item.now) ? pageUrl : undefined);
  }
}

/** A search result's line in Teams' list (a thumbnail card): what, when, where. */
export function renderSharedPreview(item: SharedItem): { contentType: 'application/vnd.microsoft.card.thumbnail'; content: { title: string; text: string } } {
  const facts = item.kind === 'attendees' ? { ...describeShared({ kind: 'workshop', view: item.list.view }), kind: "Workshop (organisers' view)" } : describeShared(item);
  const text = [facts.kind, facts.when, facts.where].filter(Boolean).join(' · ');
  return { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: facts.title, text } };
}
