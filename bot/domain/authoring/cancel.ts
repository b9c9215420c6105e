import type { Actor } from '../actor';
import { type Deadline, deadlineState } from '../deadlines/deadline';
import { DomainError } from '../errors';
import { hasEnded } from '../events/event';
import { cancelEvent, eventToOrganise } from '../events/changes';
import { assertOrganiser } from '../organisers';
import { isOpen } from '../task-groups/task-group';
import { findTarget } from './targets';
import { type AuthoringDeps } from './ports';
import { type AuthoringKind } from './authoring';

/**
 * Cancelling, after the organiser confirms: an event or workshop is cancelled (posted
 * copies show it, people who said Going are told); a deadline is withdrawn (its copies
 * and reminders say so); a call for contributions closes now (what came in is kept).
 */
export interface CancelTarget {
  kind: Exclude<AuthoringKind, 'workshop'>;
  id: string;
  groupId?: string;
  title: string;
}

export type Cancelled =
  | { kind: 'event'; title: string; copies: number; notified: number; unreachable: number }
  | { kind: 'deadline'; title: string; copies: number }
  | { kind: 'call'; title: string };

const WHAT = 'cancel events, deadlines and calls';

/** What the id names, checked to be still cancellable, for the confirmation card. */
export async function cancelTargetOf(deps: AuthoringDeps, actor: Actor, id: string, hint?: AuthoringKind): Promise<CancelTarget> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const target = await findTarget(deps, id, hint);
  const now = deps.clock.now();
  switch (target.kind) {
    case 'event':
      // Already cancelled: confirming again finishes what a failure may have left undone (notices).
      if (target.event.status !== 'cancelled' || hasEnded(target.event, now)) await eventToOrganise(deps, actor, target.event.id, 'cancel events');
      return { kind: 'event', id: target.event.id, title: target.event.title };
    case 'deadline':
      if (deadlineState(target.deadline, now) !== 'open') throw new DomainError('closed', `"${target.deadline.title}" has already closed or been withdrawn.`);
      return { kind: 'deadline', id: target.deadline.id, title: target.deadline.title };
    case 'call':
      if (!isOpen(target.call, now)) throw new DomainError('closed', `"${target.call.title}" has already closed.`);
      return { kind: 'call', id: target.call.id, groupId: target.call.groupId, title: target.call.title };
  }
}

export async function cancelConfirmed(deps: AuthoringDeps, actor: Actor, target: Omit<CancelTarget, 'title'>): Promise<Cancelled> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const now = deps.clock.now();
  if (target.kind === 'event') {
    const done = await cancelEvent(deps, actor, target.id);
    return { kind: 'event', title: done.event.title, copies: done.copies, notified: done.notified, unreachable: done.unreachable };
  }
  if (target.kind === 'deadline') {
    // Confirming twice (a double click, a retry) withdraws it once; the copies are brought up to date each time.
    const deadline = await deps.deadlines.updateDeadline(target.id, (current): Deadline | undefined =>
      current.status !== 'cancelled' ? { ...current, status: 'cancelled', withdrawnAt: now.toISOString(), sequence: current.sequence + 1 } : undefined,
    );
    if (!deadline) throw new DomainError('not_found', 'That deadline is no longer listed.');
    return { kind: 'deadline', title: deadline.title, copies: (await deps.deadlineFollowUps.changed(deadline)).copies };
  }
  const call = target.groupId
    ? await deps.taskGroups.updateCall(target.groupId, target.id, (current) => (current && isOpen(current, now) ? { ...current, closesAt: now.toISOString() } : undefined))
    : undefined;
  if (!call) throw new DomainError('not_found', 'That call for contributions no longer exists.');
  return { kind: 'call', title: call.title };
}
