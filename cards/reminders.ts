import type { ReminderOverview } from '../bot/domain/reminders/service';
import { formatDateTime } from '../bot/domain/time';
import { daysList } from './deadline';
import json from './reminders.json';
import { plural } from './plural';
import { type AdaptiveCardJson, cardTemplate } from './template';

export interface RemindersCardData {
  title: string;
  intro: string;
  slots: { title: string; value: string }[];
  peopleHeading: string;
  people: string;
  unreachable: string;
}

const expand = cardTemplate<RemindersCardData>(json);

/** Names listed on the card; the rest are counted (the card must stay small). */
const NAMES_SHOWN = 60;

function slotText(slot: ReminderOverview['slots'][number]): string {
  const at = formatDateTime(slot.dueAt);
  switch (slot.state) {
    case 'upcoming':
      return `${at}: to come`;
    case 'due':
      return `${at}: due, going out now (or from the reminder time, never at night)`;
    case 'superseded':
      return `${at}: missed while the bot was down; the later reminder goes instead`;
    case 'dropped':
      return `${at}: not sent (${slot.reason})`;
    case 'queued': {
      const c = slot.counts;
      if (!c) return `${at}: sending`;
      const failed = c.failed + c.blocked + c.notFound;
      return `${at}: sent to ${plural(c.sent, 'person', 'people')}${c.pending ? `, ${c.pending} still to send` : ''}${failed ? `, ${failed} could not be reached` : ''}`;
    }
  }
}

/** Organisers' view of one event's or deadline's reminders: when, what became of each, and who is on the list now. */
export function renderRemindersCard(overview: ReminderOverview): AdaptiveCardJson {
  const { subject, people } = overview;
  const reachable = people.filter((p) => p.reachable);
  const names = reachable.map((p) => p.name ?? 'A member').slice(0, NAMES_SHOWN);
  const more = reachable.length - names.length;
  const who = subject.kind === 'event' ? 'people who said Going or Maybe (or hold a place)' : 'people who pressed Remind me and have not responded';
  return expand({
    title: subject.title,
    intro: overview.slots.length
      ? `Reminders go ${daysList(subject.days)} before, at the reminder time (London), to ${who}.`
      : 'No reminders are set for this one.',
    slots: overview.slots.map((slot) => ({ title: `${slot.days} ${slot.days === 1 ? 'day' : 'days'} before`, value: slotText(slot) })),
    peopleHeading: `On the list now: ${plural(reachable.length, 'person', 'people')}`,
    people: `${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    unreachable:
      people.length > reachable.length
        ? `${plural(people.length - reachable.length, 'person', 'people')} on the list ${people.length - reachable.length === 1 ? 'has' : 'have'} no chat with the bot, so cannot be reminded.`
        : '',
  });
}
