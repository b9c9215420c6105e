import type { Clock } from '../../clock';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import type { Organisers } from '../organisers';
import { isOpen, type Call, type TaskGroup } from './model';
import type { TaskGroupStore } from './ports';

export interface TaskGroupsDeps {
  taskGroups: TaskGroupStore;
  organisers: Organisers;
  clock: Clock;
  /** New contribution ids (random, unguessable); passed in so tests can predict them. */
  newId: () => string;
}

/** One group as one person sees it. */
export interface GroupView {
  group: TaskGroup;
  memberCount: number;
  isMember: boolean;
  /** Leads and organisers see the lead tools. */
  canLead: boolean;
  /** Organisers also choose the leads. */
  canOrganise: boolean;
  openCalls: Call[];
}

export const canLead = (deps: Pick<TaskGroupsDeps, 'organisers'>, group: TaskGroup, actor: Actor): boolean =>
  group.leadIds.includes(actor.aadObjectId) || deps.organisers.includes(actor.aadObjectId);

export function assertLead(deps: Pick<TaskGroupsDeps, 'organisers'>, group: TaskGroup, actor: Actor, what: string): void {
  if (!canLead(deps, group, actor)) {
    throw new DomainError('forbidden', `Only the leads of ${group.name} (and NLC organisers) can ${what}.`, {
      hint: 'If you lead this group and see this, ask the NLC team to add you as a lead.',
    });
  }
}

export async function requireGroup(deps: Pick<TaskGroupsDeps, 'taskGroups'>, groupId: string): Promise<TaskGroup> {
  const group = await deps.taskGroups.getGroup(groupId);
  if (!group) {
    throw new DomainError('not_found', 'That task group no longer exists.', { hint: 'Type "task groups" to see the current groups.' });
  }
  return group;
}

export async function requireCall(deps: Pick<TaskGroupsDeps, 'taskGroups'>, groupId: string, callId: string): Promise<Call> {
  const call = await deps.taskGroups.getCall(groupId, callId);
  if (!call) {
    throw new DomainError('not_found', 'That call for contributions no longer exists.', { hint: 'Type "calls" to see the open calls.' });
  }
  return call;
}

export function assertCallOpen(call: Call, now: Date): void {
  if (!isOpen(call, now)) {
    throw new DomainError('closed', `"${call.title}" has closed, so it no longer takes contributions.`, {
      hint: 'Type "calls" to see the calls that are still open.',
    });
  }
}

async function viewOf(deps: TaskGroupsDeps, group: TaskGroup, actor: Actor, openCalls: Call[]): Promise<GroupView> {
  const [memberCount, isMember] = await Promise.all([
    deps.taskGroups.countMembers(group.id),
    deps.taskGroups.isMember(group.id, actor.aadObjectId),
  ]);
  return {
    group,
    memberCount,
    isMember,
    canLead: canLead(deps, group, actor),
    canOrganise: deps.organisers.includes(actor.aadObjectId),
    openCalls: openCalls.filter((c) => c.groupId === group.id),
  };
}

export async function listGroupViews(deps: TaskGroupsDeps, actor: Actor): Promise<GroupView[]> {
  const [groups, calls] = await Promise.all([deps.taskGroups.listGroups(), deps.taskGroups.listOpenCalls(deps.clock.now())]);
  return Promise.all(groups.map((g) => viewOf(deps, g, actor, calls)));
}

export async function viewGroup(deps: TaskGroupsDeps, actor: Actor, groupId: string): Promise<GroupView> {
  const group = await requireGroup(deps, groupId);
  return viewOf(deps, group, actor, await deps.taskGroups.listOpenCalls(deps.clock.now()));
}

/** Joining twice, or leaving when not a member, changes nothing. */
export async function setMembership(deps: TaskGroupsDeps, actor: Actor, groupId: string, member: boolean): Promise<GroupView> {
  const group = await requireGroup(deps, groupId);
  if (member) {
    await deps.taskGroups.join({ groupId, userId: actor.aadObjectId, userName: actor.name, joinedAt: deps.clock.now().toISOString() });
  } else {
    await deps.taskGroups.leave(groupId, actor.aadObjectId);
  }
  return viewOf(deps, group, actor, await deps.taskGroups.listOpenCalls(deps.clock.now()));
}

export async function listOpenCalls(deps: TaskGroupsDeps): Promise<{ call: Call; group: TaskGroup }[]> {
  const [calls, groups] = await Promise.all([deps.taskGroups.listOpenCalls(deps.clock.now()), deps.taskGroups.listGroups()]);
  const byId = new Map(groups.map((g) => [g.id, g]));
  return calls.flatMap((call) => {
    const group = byId.get(call.groupId);
    return group ? [{ call, group }] : [];
  });
}
