import type { Clock } from '../../clock';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { type Deadline, type DeadlineFollow, deadlineState } from './deadline';
import type { DeadlineStore } from './ports';

export interface DeadlinesDeps {
  deadlines: DeadlineStore;
  clock: Clock;
}

/** One deadline as one person sees it. */
export interface DeadlineView {
  deadline: Deadline;
  mine?: DeadlineFollow;
  now: Date;
}

export async function requireDeadline(deps: Pick<DeadlinesDeps, 'deadlines'>, deadlineId: string): Promise<Deadline> {
  const deadline = await deps.deadlines.getDeadline(deadlineId);
  if (!deadline) {
    throw new DomainError('not_found', 'That deadline is no longer listed.', { hint: 'Type "deadlines" for the open ones.' });
  }
  return deadline;
}

export async function viewDeadline(deps: DeadlinesDeps, actor: Actor | undefined, deadline: Deadline | string): Promise<DeadlineView> {
  const found = typeof deadline === 'string' ? await requireDeadline(deps, deadline) : deadline;
  const mine = actor ? await deps.deadlines.getFollow(found.id, actor.aadObjectId) : undefined;
  return { deadline: found, mine, now: deps.clock.now() };
}

export type FollowChange = { remind: boolean } | { responded: boolean };

/**
 * "Remind me", "Stop reminders", "I've responded" and "Not yet": one record per
 * person and deadline, so clicking twice (or racing) leaves one. Nothing changes once
 * the deadline has closed or been cancelled.
 */
export async function changeFollow(deps: DeadlinesDeps, actor: Actor, deadlineId: string, change: FollowChange): Promise<DeadlineView> {
  const deadline = await requireDeadline(deps, deadlineId);
  const now = deps.clock.now();
  const state = deadlineState(deadline, now);
  if (state !== 'open') {
    throw new DomainError('closed', state === 'cancelled' ? `"${deadline.title}" has been withdrawn.` : `"${deadline.title}" has closed.`, {
      hint: 'Type "deadlines" for the ones still open.',
    });
  }
  if ('remind' in change && change.remind && !deadline.closesAt) {
    throw new DomainError('invalid_input', `"${deadline.title}" has no closing date, so there is nothing to remind you of.`);
  }
  const follow = await deps.deadlines.updateFollow(deadlineId, actor.aadObjectId, (current) => ({
    deadlineId,
    userId: actor.aadObjectId,
    ...(actor.name ? { userName: actor.name } : {}),
    remind: current?.remind ?? false,
    responded: current?.responded ?? false,
    ...change,
    updatedAt: now.toISOString(),
  }));
  return { deadline, mine: follow, now };
}

/** Open deadlines, soonest closing first, each with the person's own answer. */
export async function openDeadlineViews(deps: DeadlinesDeps, actor: Actor | undefined): Promise<DeadlineView[]> {
  const now = deps.clock.now();
  const [open, follows] = await Promise.all([deps.deadlines.listOpen(now), actor ? deps.deadlines.listFollowsOfUser(actor.aadObjectId) : []]);
  const mine = new Map(follows.map((f) => [f.deadlineId, f]));
  return open.map((deadline) => ({ deadline, mine: mine.get(deadline.id), now }));
}
