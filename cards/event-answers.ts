import type { EventAnswers } from '../bot/domain/events/answers';
import { hasStarted, type NlcEvent } from '../bot/domain/events/event';
import { whenText } from '../bot/domain/events/when';
import type { FieldProblem } from '../bot/domain/errors';
import { FOLLOW_UP_FIELDS } from '../bot/domain/broadcasts/follow-up';
import { formatDateTime, formatTime } from '../bot/domain/time';
import { renderFormCard } from './form';
import { type ListButton, renderListCard } from './list';
import type { AdaptiveCardJson } from './template';
import { EVENT_ANSWERS, EVENT_ANSWERS_EXPORT, EVENT_FOLLOW_UP, EVENT_FOLLOW_UP_SEND, WORKSHOP_ATTENDEES } from './verbs';

/** Names listed on the card; the export has everyone (the card must stay under Teams' size). */
const NAMES_SHOWN = 100;

/** An organiser's view of who is coming: Going and Maybe by name, Export, and a follow-up once it has taken place. */
export function renderEventAnswersCard(answers: EventAnswers, banner?: string): AdaptiveCardJson {
  const { event, going, maybe } = answers;
  const rows = [...going.map((r) => ({ r, said: 'Going' })), ...maybe.map((r) => ({ r, said: 'Maybe' }))];
  const shown = rows.slice(0, NAMES_SHOWN);
  const after = event.status === 'scheduled' && hasStarted(event, answers.now);
  const actions: ListButton[] = [{ title: 'Export as CSV', verb: EVENT_ANSWERS_EXPORT, data: { eventId: event.id } }];
  if (after) actions.push({ title: 'Send a follow-up', verb: EVENT_FOLLOW_UP, data: { eventId: event.id } });
  return renderListCard({
    eyebrow: 'Who is coming',
    title: event.title,
    banner: banner ? { text: banner, tone: 'good' } : undefined,
    facts: [
      { title: 'When', value: whenText(event) },
      { title: 'Going', value: String(going.length) },
      { title: 'Maybe', value: String(maybe.length) },
      { title: "Can't go", value: String(answers.notGoing) },
    ],
    empty: 'Nobody has said Going or Maybe yet.',
    items: shown.map(({ r, said }) => ({ headline: r.userName ?? 'Name not recorded', detail: `${said}, answered ${formatDateTime(new Date(r.respondedAt))}` })),
    footer: [
      rows.length > shown.length ? `And ${rows.length - shown.length} more: the export has everyone.` : '',
      answers.export ? `The CSV link works until ${formatTime(answers.export.expiresAt)}.` : '',
    ].filter(Boolean).join(' '),
    link: answers.export ? { title: 'Download the CSV', url: answers.export.url } : undefined,
    actions,
  });
}

/** The events an organiser can ask about, each with the button that lists its people. */
export function renderEventsToAskCard(events: readonly NlcEvent[], now: Date): AdaptiveCardJson {
  return renderListCard({
    title: 'Who is coming',
    intro: 'Events still to come, and those of the last two months (to send a follow-up).',
    empty: 'There are no events to show.',
    items: events.map((e) => ({
      headline: e.title,
      detail: `${whenText(e)}${e.status === 'cancelled' ? ' · cancelled' : hasStarted(e, now) ? ' · has taken place' : ''}`,
      buttons: [e.kind === 'workshop' ? { title: 'Bookings', verb: WORKSHOP_ATTENDEES, data: { eventId: e.id } } : { title: "Who's coming", verb: EVENT_ANSWERS, data: { eventId: e.id } }],
    })),
  });
}

/** The follow-up form: what to send to the people who said Going, after the event. */
export function renderFollowUpForm(event: NlcEvent, values: Record<string, string>, problems?: readonly FieldProblem[]): AdaptiveCardJson {
  return renderFormCard({
    eyebrow: 'Follow-up',
    title: event.title,
    intro: 'Sent to the personal chat of everyone who said Going (or had a place), as an announcement from the NLC organisers.',
    fields: FOLLOW_UP_FIELDS,
    values,
    problems,
    banner: problems?.length ? 'Some answers need another look; nothing was sent.' : undefined,
    actions: [{ title: 'Send the follow-up', verb: EVENT_FOLLOW_UP_SEND, data: { eventId: event.id } }],
  });
}
