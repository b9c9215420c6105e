import { z } from 'zod/v4';
import { DomainError } from '../errors';
import { eventIdSchema } from '../events/event';
import { parseInput } from '../validation';
import type { AuthoringKind, Target } from './authoring';
import type { AuthoringDeps } from './ports';

/** "edit <id>", "edit event <id>", "cancel deadline <id>": an optional kind word, then the id. */
const commandArgs = z
  .string()
  .regex(/^((event|workshop|deadline|call) )?[a-z0-9][a-z0-9-]{1,79}$/, 'type the id after the command, e.g. "edit practice-week-2024-conference"');

export function parseTargetArgs(rest: string): { hint?: AuthoringKind; id: string } {
  const parts = parseInput(commandArgs, rest, 'command').split(' ');
  return parts.length === 2 ? { hint: parts[0] as AuthoringKind, id: parts[1]! } : { id: parts[0]! };
}

/** Finds what an id names: an event (or workshop), a deadline or a call, in that order unless the kind was typed. */
export async function findTarget(deps: AuthoringDeps, id: string, hint?: AuthoringKind): Promise<Target> {
  const looks = (kind: AuthoringKind[]): boolean => !hint || kind.includes(hint);
  if (looks(['event', 'workshop']) && eventIdSchema.safeParse(id).success) {
    const event = await deps.events.getEvent(id);
    if (event) return { kind: 'event', event };
  }
  if (looks(['deadline'])) {
    const deadline = await deps.deadlines.getDeadline(id);
    if (deadline) return { kind: 'deadline', deadline };
  }
  if (looks(['call'])) {
    for (const group of await deps.taskGroups.listGroups()) {
      const call = await deps.taskGroups.getCall(group.id, id);
      if (call) return { kind: 'call', call };
    }
  }
  throw new DomainError('not_found', `Nothing called "${id}" is in the programme.`, {
    hint: 'Ids are on the organiser cards, e.g. "edit practice-week-2024-conference". Type "events", "deadlines" or "calls" to see them.',
  });
}

/**
 * Tries `base`, then `base-2`, `base-3`...: the first id the store lets us create, or the
 * first one already holding what this same request created before (`isRepeat`: a retry
 * after the store's answer was lost), so a repeat returns the first result, not a copy.
 */
export async function createWithFreshId(base: string, create: (id: string) => Promise<boolean>, isRepeat: (id: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; n <= 20; n++) {
    const id = n === 1 ? base : `${base.slice(0, 76)}-${n}`;
    if ((await create(id)) || (await isRepeat(id))) return id;
  }
  throw new DomainError('conflict', 'Something with this title and date already exists many times over.', { hint: 'Please change the title a little.' });
}
