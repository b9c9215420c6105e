import { z } from 'zod/v4';
import { DomainError } from '../errors';

/**
 * The organiser's compose form, as the card sends it: every input is optional text, and
 * which ones matter depends on the content and audience chosen, so each content and
 * audience type reads its own fields (content-types.ts, audience-types.ts) and names the field of
 * any problem. Unknown keys are refused (strict), like every card's data.
 */
export const composeFormSchema = z.strictObject({
  /** The compose card's step: "choose" what and to whom, then the "details" that choice needs. */
  step: z.enum(['choose', 'details']).optional(),
  content: z.string().max(40).optional(),
  eventId: z.string().max(100).optional(),
  title: z.string().max(500).optional(),
  text: z.string().max(5000).optional(),
  audience: z.string().max(40).optional(),
  channel: z.string().max(400).optional(),
  answersEventId: z.string().max(100).optional(),
  answers: z.string().max(200).optional(),
  /** A call for contributions, as "<groupId>/<callId>". */
  call: z.string().max(200).optional(),
  taskGroup: z.string().max(100).optional(),
  /** A team the bot is in (its id), for "everyone in a team". */
  team: z.string().max(400).optional(),
  /** A consultation deadline's id. */
  deadline: z.string().max(100).optional(),
  /** A personal note above the card (sending-options.ts). */
  note: z.string().max(2000).optional(),
  /** Send later: a London date ("2024-05-07") and time ("09:00"); both empty = at once. */
  sendDate: z.string().max(20).optional(),
  sendTime: z.string().max(20).optional(),
});
export type ComposeForm = z.infer<typeof composeFormSchema>;

export interface Choice {
  value: string;
  title: string;
}

/** What the compose card offers. */
export interface ComposeChoices {
  contents: Choice[];
  audiences: Choice[];
  events: Choice[];
  channels: Choice[];
  answers: Choice[];
  calls: Choice[];
  taskGroups: Choice[];
  /** Teams the bot is in, by name. */
  teams: Choice[];
  /** Open consultation deadlines. */
  deadlines: Choice[];
}

/** One problem beside one field of the form. */
export const fieldProblem = (field: string, message: string): DomainError =>
  new DomainError('invalid_input', 'Some of the form was not right, so nothing was sent.', { fields: [{ field, message }] });

/** A kind-keyed list that features add to (bookings, task groups, workshops...). */
export interface Kinds<T extends { kind: string }> {
  all(): readonly T[];
  get(kind: string): T | undefined;
}

export function kinds<T extends { kind: string }>(types: readonly T[]): Kinds<T> {
  const byKind = new Map(types.map((t) => [t.kind, t]));
  if (byKind.size !== types.length) throw new Error('two types share one kind');
  return { all: () => types, get: (kind) => byKind.get(kind) };
}
