import type { ComposeChoices, ComposeForm } from '../bot/domain/broadcasts/compose';
import json from './broadcast-compose.json';
import { type AdaptiveCardJson, cardTemplate } from './template';
import { BROADCAST_PREVIEW } from './verbs';

/** Every input's value and problem, as text ('' = none), so the template never meets a missing field. */
type FormText = Required<{ [K in keyof ComposeForm]: string }>;

export interface ComposeCardData extends ComposeChoices {
  problem: string;
  values: FormText;
  errors: FormText;
}

const expand = cardTemplate<ComposeCardData>(json, { preview: BROADCAST_PREVIEW });

const FIELDS: (keyof ComposeForm)[] = ['content', 'eventId', 'call', 'deadline', 'title', 'text', 'audience', 'channel', 'team', 'taskGroup', 'answersEventId', 'answers'];

/**
 * The organiser's compose form. After a failed preview it comes back with what they
 * entered and each problem under its own field.
 */
export function renderComposeCard(
  choices: ComposeChoices,
  options: { values?: ComposeForm; problems?: { field: string; message: string }[] } = {},
): AdaptiveCardJson {
  const values = Object.fromEntries(FIELDS.map((f) => [f, options.values?.[f] ?? ''])) as FormText;
  const errors = Object.fromEntries(FIELDS.map((f) => [f, ''])) as FormText;
  const unplaced: string[] = [];
  for (const p of options.problems ?? []) {
    if ((FIELDS as string[]).includes(p.field)) errors[p.field as keyof ComposeForm] ||= p.message;
    else unplaced.push(p.message);
  }
  return expand({
    problem: options.problems?.length ? ['Please check the fields marked below.', ...unplaced].join(' ') : '',
    ...choices,
    values,
    errors,
  });
}
