import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { CONTRIBUTION_KINDS, type ContributionKind } from './contribution-kinds';
import type { Contribution, Membership, TaskGroup } from './task-group';
import { assertLead, canLead, requireCall, requireGroup, type TaskGroupsDeps } from './service';
import type { ContributionView } from './contributions';

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
  const all = await deps.taskGroups.listGroups();
  const leading = await Promise.all(all.map((g) => canLead(deps, g, actor)));
  const groups = all.filter((_, i) => leading[i]);
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
  await assertLead(deps, group, actor, 'see what has come in');
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
  await assertLead(deps, group, actor, 'mark contributions as used');
  const now = deps.clock.now().toISOString();
  const saved = await deps.taskGroups.updateContribution(groupId, contributionId, (current) =>
    current ? { ...current, status: used ? 'used' : 'submitted', usedAt: used ? now : undefined } : undefined,
  );
  if (!saved) throw new DomainError('not_found', 'That contribution no longer exists (it may have been withdrawn).');
  return saved;
}

/** One contribution as a lead reads it: every answer in full, and who sent it. */
export async function readContribution(deps: TaskGroupsDeps, actor: Actor, groupId: string, contributionId: string): Promise<ContributionView> {
  const group = await requireGroup(deps, groupId);
  await assertLead(deps, group, actor, 'read what has come in');
  const contribution = await deps.taskGroups.getContribution(groupId, contributionId);
  if (!contribution) throw new DomainError('not_found', 'That contribution no longer exists (it may have been withdrawn).', { hint: 'Type "digest" to see what has come in.' });
  return { contribution, call: await requireCall(deps, groupId, contribution.callId), group };
}
