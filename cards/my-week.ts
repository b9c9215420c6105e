import type { Week, WeekItem } from '../bot/domain/week';
import { formatDate } from '../bot/domain/time';
import { whenText, whereText } from '../bot/domain/events/when';
import { closesText } from './deadline';
import json from './my-week.json';
import { type AdaptiveCardJson, cardTemplate } from './template';

type Color = 'Default' | 'Good' | 'Warning' | 'Attention';

export interface MyWeekCardData {
  range: string;
  items: { label: string; title: string; when: string; where: string; state: string; color: Color }[];
}

const expand = cardTemplate<MyWeekCardData>(json);

/** What an event's and a workshop's lines share. */
const sessionLines = (event: Extract<WeekItem, { kind: 'event' | 'booking' }>['event']) => ({
  title: event.title,
  when: whenText(event),
  where: whereText(event),
});

function itemOf(item: WeekItem, now: Date): MyWeekCardData['items'][number] {
  switch (item.kind) {
    case 'event':
      return {
        label: 'Event',
        ...sessionLines(item.event),
        state: item.response === 'going' ? "You're going" : 'You said maybe',
        color: 'Good',
      };
    case 'booking':
      return {
        label: 'Workshop',
        ...sessionLines(item.event),
        state: item.entry.status === 'booked' ? "You're booked" : `You're number ${item.position ?? '?'} on the waiting list`,
        color: item.entry.status === 'booked' ? 'Good' : 'Warning',
      };
    case 'deadline':
      return {
        label: 'Deadline',
        title: item.deadline.title,
        when: closesText(item.deadline, now),
        where: '',
        state: item.follow.responded ? "You've responded" : "You haven't responded yet",
        color: item.follow.responded ? 'Good' : 'Attention',
      };
  }
}

export function renderMyWeekCard(week: Week): AdaptiveCardJson {
  return expand({ range: `${formatDate(week.from)} to ${formatDate(week.to)}`, items: week.items.map((item) => itemOf(item, week.from)) });
}
