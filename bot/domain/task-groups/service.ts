import type { Clock } from '../../clock';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { checkForm, type FieldSpec } from '../forms';
import { assertLeadOf, assertOrganiser, canLeadGroup, isOrganiser, type Organisers } from '../organisers';
import { slug } from '../slug';
import { LEAD_CHANGES_KEPT } from '../roles/roles';
import { isOpen, type Call, type TaskGroup } from './task-group';
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

export const canLead = (deps: Pick<TaskGroupsDeps, 'organisers'>, group: TaskGroup, actor: Actor): Promise<boolean> => canLeadGroup(deps.organisers, group, actor);

export const assertLead = (deps: Pick<TaskGroupsDeps, 'organisers'>, group: TaskGroup, actor: Actor, what: string): Promise<void> =>
  assertLeadOf(deps.organisers, group, actor, what);

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

async function viewOf(deps: TaskGroupsDeps, group: TaskGroup, actor: Actor, openCalls: Call[], organiser?: boolean): Promise<GroupView> {
  const [memberCount, isMember, canOrganise] = await Promise.all([
    deps.taskGroups.countMembers(group.id),
    deps.taskGroups.isMember(group.id, actor.aadObjectId),
    organiser ?? isOrganiser(deps.organisers, actor),
  ]);
  return {
    group,
    memberCount,
    isMember,
    canLead: canOrganise || group.leadIds.includes(actor.aadObjectId),
    canOrganise,
    openCalls: openCalls.filter((c) => c.groupId === group.id),
  };
}

export async function listGroupViews(deps: TaskGroupsDeps, actor: Actor): Promise<GroupView[]> {
  const [groups, calls, organiser] = await Promise.all([deps.taskGroups.listGroups(), deps.taskGroups.listOpenCalls(deps.clock.now()), isOrganiser(deps.organisers, actor)]);
  return Promise.all(groups.map((g) => viewOf(deps, g, actor, calls, organiser)));
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

/** The organiser's form for a new group; leads are chosen afterwards from its members. */
export const NEW_GROUP_FIELDS: FieldSpec[] = [
  { kind: 'number', id: 'number', label: 'Task group number (optional)', required: false, min: 1, max: 99 },
  { kind: 'text', id: 'name', label: 'Name', required: true, minLength: 3, maxLength: 120 },
  { kind: 'text', id: 'purpose', label: 'Purpose', required: true, minLength: 10, maxLength: 600, multiline: true },
  { kind: 'text', id: 'projects', label: 'Current projects (one per line)', required: false, maxLength: 1600, multiline: true },
];

export async function createGroup(deps: TaskGroupsDeps, actor: Actor, submitted: Record<string, unknown>): Promise<TaskGroup> {
  await assertOrganiser(deps.organisers, actor, 'create task groups');
  const checked = checkForm(NEW_GROUP_FIELDS, submitted);
  if (!checked.ok) throw new DomainError('invalid_input', 'Some answers need another look; nothing was saved yet.', { fields: checked.problems });
  const { number, name, purpose, projects } = checked.values as { number?: number; name: string; purpose: string; projects?: string };
  const id = [number ? `tg${number}` : '', slug(name)].filter(Boolean).join('-').slice(0, 60);

  const projectList = (projects ?? '')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 3)
    .slice(0, 8);
  const group: TaskGroup = { id, number, name, purpose, projects: projectList, leadIds: [], leadNames: [], leadChanges: [], createdAt: deps.clock.now().toISOString() };
  if (!(await deps.taskGroups.createGroup(group))) {
    throw new DomainError('invalid_input', 'A task group with that number and name already exists.', {
      fields: [{ field: 'name', message: 'There is already a group with this name.' }],
    });
  }
  return group;
}

/** Leads are chosen from the group's members: the bot knows their Teams identity. */
export async function leadFormFields(deps: TaskGroupsDeps, actor: Actor, groupId: string): Promise<{ group: TaskGroup; fields: FieldSpec[] }> {
  await assertOrganiser(deps.organisers, actor, 'choose task group leads');
  const group = await requireGroup(deps, groupId);
  const members = await deps.taskGroups.listMembers(groupId);
  const options = members.map((m) => ({ title: m.userName ?? 'A member', value: m.userId }));
  return { group, fields: [{ kind: 'multiChoice', id: 'leads', label: 'Leads (members of the group)', required: false, options, max: 10 }] };
}

export async function setLeads(deps: TaskGroupsDeps, actor: Actor, groupId: string, submitted: Record<string, unknown>): Promise<TaskGroup> {
  const { group, fields } = await leadFormFields(deps, actor, groupId);
  const checked = checkForm(fields, submitted);
  if (!checked.ok) throw new DomainError('invalid_input', 'Please choose the leads from the list.', { fields: checked.problems });
  const chosen = (checked.values.leads as string[] | undefined) ?? [];
  const members = new Map((await deps.taskGroups.listMembers(groupId)).map((m) => [m.userId, m]));
  const at = deps.clock.now().toISOString();
  const saved = await deps.taskGroups.updateGroup(group.id, (current) => {
    if (!current) return undefined;
    // Who changed the leads and when, as adding and removing one at a time records it (bot/domain/roles/leads.ts).
    const changes = [
      ...chosen.filter((id) => !current.leadIds.includes(id)).map((userId) => ({ kind: 'added' as const, userId, by: actor.aadObjectId, at })),
      ...current.leadIds.filter((id) => !chosen.includes(id)).map((userId) => ({ kind: 'removed' as const, userId, by: actor.aadObjectId, at })),
    ];
    return { ...current, leadIds: chosen, leadNames: chosen.map((id) => members.get(id)?.userName ?? 'A member'), leadChanges: [...current.leadChanges, ...changes].slice(-LEAD_CHANGES_KEPT) };
  });
  if (!saved) throw new DomainError('not_found', 'That task group no longer exists.');
  return saved;
}
