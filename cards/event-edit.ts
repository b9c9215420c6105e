import type { EventEditForm } from '../bot/domain/events/organise';
import json from './event-edit.json';
import { type AdaptiveCardJson, cardTemplate } from './template';

type Fields = Required<Omit<EventEditForm, 'eventId'>>;

export interface EventEditCardData {
  eventId: string;
  heading: string;
  intro: string;
  introColor: 'Default' | 'Attention';
  values: Fields;
  errors: Fields;
}

const expand = cardTemplate<EventEditCardData>(json);

const FIELDS: (keyof Fields)[] = ['title', 'summary', 'date', 'start', 'end', 'audience'];

/** The organiser's edit form; after a failed save, their values with each problem under its field. */
export function renderEventEditCard(values: EventEditForm, options: { heading: string; problems?: { field: string; message: string }[] }): AdaptiveCardJson {
  const errors = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Fields;
  for (const p of options.problems ?? []) if ((FIELDS as string[]).includes(p.field)) errors[p.field as keyof Fields] ||= p.message;
  return expand({
    eventId: values.eventId,
    heading: options.heading,
    intro: options.problems?.length
      ? 'Nothing was changed yet. Please check the fields marked below.'
      : 'Saving updates every copy of this event already posted by a broadcast.',
    introColor: options.problems?.length ? 'Attention' : 'Default',
    values: Object.fromEntries(FIELDS.map((f) => [f, values[f] ?? ''])) as Fields,
    errors,
  });
}
