import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { checkForm, type FieldSpec } from '../forms';
import { assertOrganiser } from '../organisers';
import { slug } from '../slug';
import { CONTRIBUTION_KINDS, type ContributionKind } from './kinds';
import type { Contribution, Membership, TaskGroup } from './model';
import { assertLead, canLead, requireGroup, type TaskGroupsDeps } from './service';

export const DIGEST_LATEST = 10;

export interface Digest {
  group: TaskGroup;
  counts: Record<ContributionKind, number>;
  total: number;
  latest: Contribution[];
  /** Members who have not contributed to this group yet. */
  notResponded: Membership[];
  memberCount: number;
}

/**
 * The groups a person can lead, optionally narrowed by what they typed after "digest":
 * a number ("1", "tg1", "task group 1") or a group id.
 */
export async function groupsToDigest(deps: TaskGroupsDeps, actor: Actor, which: string): Promise<TaskGroup[]> {
  const groups = (await deps.taskGroups.listGroups()).filter((g) => canLead(deps, g, actor));
  const wanted = which.trim().toLowerCase();
  if (!wanted) return groups;
  const number = /^(?:task group |tg ?)?(\d{1,2})$/.exec(wanted)?.[1];
  const found = groups.filter((g) => g.id === wanted || (number !== undefined && g.number === Number(number)));
  if (found.length === 0) {
    throw new DomainError('not_found', `You don't lead a task group called "${which.slice(0, 40)}".`, {
      hint: 'Type "digest" on its own for every group you lead.',
    });
  }
  return found;
}

/** What came in, for a lead: counts straight from queries, so nothing can drift. */
export async function digestFor(deps: TaskGroupsDeps, actor: Actor, groupId: string): Promise<Digest> {
  const group = await requireGroup(deps, groupId);
  assertLead(deps, group, actor, 'see what has come in');
  const [counts, latest, members, contributors] = await Promise.all([
    deps.taskGroups.countByKind(groupId),
    deps.taskGroups.latestContributions(groupId, DIGEST_LATEST),
    deps.taskGroups.listMembers(groupId),
    deps.taskGroups.contributorIds(groupId),
  ]);
  const responded = new Set(contributors);
  return {
    group,
    counts,
    total: CONTRIBUTION_KINDS.reduce((sum, kind) => sum + counts[kind], 0),
    latest,
    notResponded: members.filter((m) => !responded.has(m.userId)).sort((a, b) => (a.userName ?? '').localeCompare(b.userName ?? '')),
    memberCount: members.length,
  };
}

export async function markUsed(deps: TaskGroupsDeps, actor: Actor, groupId: string, contributionId: string, used: boolean): Promise<Contribution> {
  const group = await requireGroup(deps, groupId);
  assertLead(deps, group, actor, 'mark contributions as used');
  const now = deps.clock.now().toISOString();
  const saved = await deps.taskGroups.updateContribution(groupId, contributionId, (current) =>
    current ? { ...current, status: used ? 'used' : 'submitted', usedAt: used ? now : undefined } : undefined,
  );
  if (!saved) throw new DomainError('not_found', 'That contribution no longer exists (it may have been withdrawn).');
  return saved;
}

/** Every contribution of the group, for export; withdrawn ones are gone from the store. */
export async function contributionsForExport(deps: TaskGroupsDeps, actor: Actor, groupId: string): Promise<{ group: TaskGroup; contributions: Contribution[] }> {
  const group = await requireGroup(deps, groupId);
  assertLead(deps, group, actor, 'export contributions');
  return { group, contributions: await deps.taskGroups.listContributions(groupId) };
}

/** The organiser's form for a new group; leads are chosen afterwards from its members. */
export const NEW_GROUP_FIELDS: FieldSpec[] = [
  { kind: 'number', id: 'number', label: 'Task group number (optional)', required: false, min: 1, max: 99 },
  { kind: 'text', id: 'name', label: 'Name', required: true, minLength: 3, maxLength: 120 },
  { kind: 'text', id: 'purpose', label: 'Purpose', required: true, minLength: 10, maxLength: 600, multiline: true },
  { kind: 'text', id: 'projects', label: 'Current projects (one per line)', required: false, maxLength: 1600, multiline: true },
];


export async function createGroup(deps: TaskGroupsDeps, actor: Actor, submitted: Record<string, unknown>): Promise<TaskGroup> {
  assertOrganiser(deps.organisers, actor, 'create task groups');
  const checked = checkForm(NEW_GROUP_FIELDS, submitted);
  if (!checked.ok) throw new DomainError('invalid_input', 'Some answers need another look; nothing was saved yet.', { fields: checked.problems });
  const { number, name, purpose, projects } = checked.values as { number?: number; name: string; purpose: string; projects?: string };
  const id = [number ? `tg${number}` : '', slug(name)].filter(Boolean).join('-').slice(0, 60);

  const projectList = (projects ?? '')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 3)
    .slice(0, 8);
  const group: TaskGroup = { id, number, name, purpose, projects: projectList, leadIds: [], leadNames: [], createdAt: deps.clock.now().toISOString() };
  if (!(await deps.taskGroups.createGroup(group))) {
    throw new DomainError('invalid_input', 'A task group with that number and name already exists.', {
      fields: [{ field: 'name', message: 'There is already a group with this name.' }],
    });
  }
  return group;
}

/** Leads are chosen from the group's members: the bot knows their Teams identity. */
export async function leadFormFields(deps: TaskGroupsDeps, actor: Actor, groupId: string): Promise<{ group: TaskGroup; fields: FieldSpec[] }> {
  assertOrganiser(deps.organisers, actor, 'choose task group leads');
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
  const saved = await deps.taskGroups.updateGroup(group.id, (current) =>
    current ? { ...current, leadIds: chosen, leadNames: chosen.map((id) => members.get(id)?.userName ?? 'A member') } : undefined,
  );
  if (!saved) throw new DomainError('not_found', 'That task group no longer exists.');
  return saved;
}
