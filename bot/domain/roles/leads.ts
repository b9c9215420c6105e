import { aadObjectIdSchema, type Actor } from '../actor';
import { DomainError } from '../errors';
import { assertOrganiser } from '../organisers';
import { requireGroup, type TaskGroupsDeps } from '../task-groups/service';
import type { TaskGroup } from '../task-groups/task-group';
import { parseInput } from '../validation';
import type { RolesDeps } from './service';
import { type Candidate, LEAD_CHANGES_KEPT, type LeadChange, MAX_LEADS } from './roles';

/**
 * Organisers giving and taking a task group's leads: anyone the bot knows (the group's
 * members are offered first) or an Entra object id. The leads live on the group, with
 * who changed them and when (`leadChanges`); who may lead is decided in
 * bot/domain/organisers.ts.
 */
export type LeadsDeps = Pick<TaskGroupsDeps, 'taskGroups' | 'organisers' | 'clock'> & Pick<RolesDeps, 'personalData'>;

export interface LeadRoster {
  group: TaskGroup;
  leads: (Candidate & { added?: LeadChange })[];
  /** Members who are not leads: the quick choice. */
  members: Candidate[];
}

const WHAT = 'choose task group leads';

export async function leadRoster(deps: LeadsDeps, actor: Actor, groupId: string): Promise<LeadRoster> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const group = await requireGroup(deps, groupId);
  const members = await deps.taskGroups.listMembers(groupId);
  const added = (userId: string) => group.leadChanges.filter((c) => c.userId === userId && c.kind === 'added').at(-1);
  return {
    group,
    leads: group.leadIds.map((userId, i) => ({ userId, name: group.leadNames[i], added: added(userId) })),
    members: members.filter((m) => !group.leadIds.includes(m.userId)).map((m) => ({ userId: m.userId, name: m.userName })),
  };
}

const changed = (group: TaskGroup, change: LeadChange): LeadChange[] => [...group.leadChanges, change].slice(-LEAD_CHANGES_KEPT);

/** Makes someone a lead of the group; someone who leads it already changes nothing. */
export async function addLead(deps: LeadsDeps, actor: Actor, groupId: string, userId: string): Promise<{ added: boolean; person: Candidate; group: TaskGroup }> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const id = parseInput(aadObjectIdSchema, userId, 'person');
  const group = await requireGroup(deps, groupId);
  const member = (await deps.taskGroups.listMembers(groupId)).find((m) => m.userId === id);
  const person = { userId: id, name: member?.userName ?? (await deps.personalData.nameOf(id)) };
  const at = deps.clock.now().toISOString();
  const saved = await deps.taskGroups.updateGroup(group.id, (current) => {
    if (!current || current.leadIds.includes(id)) return undefined;
    if (current.leadIds.length >= MAX_LEADS) {
      throw new DomainError('invalid_input', `${current.name} has ${MAX_LEADS} leads already: remove one first.`, { fields: [{ field: 'who', message: `At most ${MAX_LEADS} leads.` }] });
    }
    const change: LeadChange = { kind: 'added', userId: id, by: actor.aadObjectId, at };
    return { ...current, leadIds: [...current.leadIds, id], leadNames: [...current.leadNames, person.name ?? 'A lead'], leadChanges: changed(current, change) };
  });
  return { added: saved !== undefined, person, group: saved ?? group };
}

/** Takes a lead off the group (organisers can always act as leads, so nobody is locked out). */
export async function removeLead(deps: LeadsDeps, actor: Actor, groupId: string, userId: string): Promise<{ removed: boolean; group: TaskGroup }> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const id = parseInput(aadObjectIdSchema, userId, 'person');
  const group = await requireGroup(deps, groupId);
  const at = deps.clock.now().toISOString();
  const saved = await deps.taskGroups.updateGroup(group.id, (current) => {
    const index = current?.leadIds.indexOf(id) ?? -1;
    if (!current || index < 0) return undefined;
    const change: LeadChange = { kind: 'removed', userId: id, by: actor.aadObjectId, at };
    return { ...current, leadIds: current.leadIds.filter((_, i) => i !== index), leadNames: current.leadNames.filter((_, i) => i !== index), leadChanges: changed(current, change) };
  });
  return { removed: saved !== undefined, group: saved ?? group };
}
