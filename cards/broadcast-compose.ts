import type { ComposeChoices, ComposeForm } from '../bot/domain/broadcasts/compose';
import json from './broadcast-compose.json';
import { type AdaptiveCardJson, cardTemplate } from './template';
import { BROADCAST_COMPOSE, BROADCAST_PREVIEW } from './verbs';

type Field = Exclude<keyof ComposeForm, 'step'>;
/** Every input's value and problem, as text ('' = none), so the template never meets a missing field. */
type FormText = Record<Field, string>;

/** Which inputs the second step shows: only those the chosen content and audience read. */
type Shown = Record<'eventId' | 'call' | 'deadline' | 'title' | 'text' | 'channel' | 'team' | 'taskGroup' | 'answersEventId' | 'answers' | 'later' | 'noEvents' | 'noChannels', boolean>;

export interface ComposeCardData extends ComposeChoices {
  step: 'choose' | 'details';
  stepText: string;
  problem: string;
  values: FormText;
  errors: FormText;
  chosen: { content: string; audience: string };
  show: Shown;
  whenText: string;
}

const expand = cardTemplate<ComposeCardData>(json, { preview: BROADCAST_PREVIEW, compose: BROADCAST_COMPOSE });

const FIELDS: Field[] = ['content', 'eventId', 'call', 'deadline', 'title', 'text', 'audience', 'channel', 'team', 'taskGroup', 'answersEventId', 'answers', 'note', 'sendDate', 'sendTime'];
/** Problems with these send the organiser back to the first step, where they are chosen. */
const FIRST_STEP: Field[] = ['content', 'audience'];

function shown(values: FormText, choices: ComposeChoices, step: ComposeCardData['step']): Shown {
  // The first step shows none of them, whatever was chosen before Back.
  const { content, audience } = step === 'details' ? values : { content: '', audience: '' };
  const hasEvents = choices.events.length > 0;
  return {
    eventId: content === 'event' && hasEvents,
    call: content === 'call' && choices.calls.length > 0,
    deadline: content === 'deadline' && choices.deadlines.length > 0,
    title: content === 'announcement',
    text: content === 'announcement',
    channel: audience === 'channel' && choices.channels.length > 0,
    team: audience === 'team' && choices.teams.length > 0,
    taskGroup: audience === 'task-group' && choices.taskGroups.length > 0,
    answersEventId: audience === 'event-answers' && hasEvents,
    answers: audience === 'event-answers',
    later: step === 'details' && Boolean(values.sendDate || values.sendTime),
    noEvents: (content === 'event' || audience === 'event-answers') && !hasEvents,
    noChannels: audience === 'channel' && choices.channels.length === 0,
  };
}

const titleOf = (list: readonly { value: string; title: string }[], value: string): string => list.find((c) => c.value === value)?.title ?? value;

/**
 * The organiser's compose form, in two steps: first what to send and to whom, then only
 * the fields that choice needs (an event to pick, an announcement's title and text, a
 * channel...), an optional note and an optional time to send. After a failed preview it
 * comes back with what they entered and each problem under its own field.
 */
export function renderComposeCard(
  choices: ComposeChoices,
  options: { values?: ComposeForm; problems?: { field: string; message: string }[] } = {},
): AdaptiveCardJson {
  const values = Object.fromEntries(FIELDS.map((f) => [f, options.values?.[f] ?? ''])) as FormText;
  const errors = Object.fromEntries(FIELDS.map((f) => [f, ''])) as FormText;
  const unplaced: string[] = [];
  for (const p of options.problems ?? []) {
    if ((FIELDS as string[]).includes(p.field)) errors[p.field as Field] ||= p.message;
    else unplaced.push(p.message);
  }
  const contentKnown = choices.contents.some((c) => c.value === values.content);
  const audienceKnown = choices.audiences.some((a) => a.value === values.audience);
  // Next pressed without a choice (a client that does not enforce isRequired): say which.
  const asked = options.values?.step === 'details';
  if (asked && !contentKnown) errors.content ||= 'choose what to send';
  if (asked && !audienceKnown) errors.audience ||= 'choose who it goes to';
  const chosen = contentKnown && audienceKnown;
  const step = chosen && options.values?.step !== 'choose' && !FIRST_STEP.some((f) => errors[f]) ? 'details' : 'choose';
  return expand({
    ...choices,
    step,
    stepText: step === 'choose' ? 'Step 1 of 2: what to send, and to whom.' : 'Step 2 of 2: the details, then Preview.',
    problem: options.problems?.length || (asked && !chosen) ? ['Please check the fields marked below.', ...unplaced].join(' ') : '',
    values,
    errors,
    chosen: { content: titleOf(choices.contents, values.content), audience: titleOf(choices.audiences, values.audience) },
    show: shown(values, choices, step),
    whenText: values.sendDate || values.sendTime ? '**When:** at the date and time below (London time).' : '**When:** as soon as you press Send, or choose **Send later**.',
  });
}
