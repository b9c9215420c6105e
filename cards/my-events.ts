import type { MyEvent } from '../bot/domain/events/service';
import { whenText, whereText } from '../bot/domain/events/when';
import json from './my-events.json';
import { type AdaptiveCardJson, cardTemplate } from './template';

export interface MyEventsCardData {
  items: { title: string; when: string; where: string; answer: string }[];
}

const expand = cardTemplate<MyEventsCardData>(json);

export function renderMyEventsCard(mine: readonly MyEvent[]): AdaptiveCardJson {
  return expand({
    items: mine.map(({ event, response }) => ({
      title: event.title,
      when: whenText(event),
      where: whereText(event),
      answer: response === 'going' ? "You're going" : 'You said maybe',
    })),
  });
}
