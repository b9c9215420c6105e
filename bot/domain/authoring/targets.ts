import { z } from 'zod/v4';
import type { Clock } from '../../clock';
import type { Deadline } from '../deadlines/deadline';
import type { DeadlineFollowUps, DeadlineStore } from '../deadlines/ports';
import { DomainError } from '../errors';
import { eventIdSchema, type NlcEvent } from '../events/event';
import type { EventFollowUps } from '../events/organise';
import type { EventStore } from '../events/ports';
import type { Organisers } from '../organisers';
import type { Call } from '../task-groups/model';
import type { TaskGroupStore } from '../task-groups/ports';
import { parseInput } from '../validation';
import type { WorkshopStore } from '../workshops/ports';

/** What organisers author in Teams: one create / edit / cancel flow for all four. */
export const AUTHORING_KINDS = ['event', 'workshop', 'deadline', 'call'] as const;
export type AuthoringKind = (typeof AUTHORING_KINDS)[number];

export interface AuthoringDeps {
  events: EventStore;
  workshops: WorkshopStore;
  deadlines: DeadlineStore;
  taskGroups: TaskGroupStore;
  organisers: Organisers;
  clock: Clock;
  /** Broadcast copies of an event are updated, and people who said Going told of a cancellation. */
  followUps: EventFollowUps;
  deadlineFollowUps: DeadlineFollowUps;
}

/** Something that exists, found by the id an organiser typed. */
export type Target = { kind: 'event'; event: NlcEvent } | { kind: 'deadline'; deadline: Deadline } | { kind: 'call'; call: Call };

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
