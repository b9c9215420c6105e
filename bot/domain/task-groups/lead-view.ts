import type { Actor } from '../actor';
import type { FormValues } from '../forms';
import { countByWeek, type WeekCount } from '../time-series';
import { type ContributionKind, KIND_LABELS } from './contribution-kinds';
import { formOf } from './contributions';
import { assertLead, requireGroup, type TaskGroupsDeps } from './service';
import type { Call, Contribution, TaskGroup } from './task-group';

/**
 * A lead's workspace for one group (the organiser tab): every contribution in full, each
 * answer under its question, narrowed by call and kind; the members and how their number
 * grew; contributions per week. Leads of this group and organisers only (assertLead, the
 * same check as the bot's digest).
 */
export interface ContributionInFull {
  contribution: Contribution;
  callTitle: string;
  kindLabel: string;
  answers: { label: string; text: string }[];
}

export interface LeadWorkspace {
  group: TaskGroup;
  calls: Call[];
  contributions: ContributionInFull[];
  /** Contributions of the group before narrowing. */
  total: number;
  members: { userName?: string; joinedAt: string }[];
  membersOverTime: WeekCount[];
  contributionsPerWeek: WeekCount[];
}

export interface LeadFilter {
  callId?: string;
  kind?: ContributionKind;
}

const asText = (value: FormValues[string]): string =>
  value === undefined ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : Array.isArray(value) ? value.join(', ') : String(value);

function inFull(contribution: Contribution, call: Call | undefined): ContributionInFull {
  const fields = call ? formOf(call) : [];
  const answers = fields.filter((f) => contribution.values[f.id] !== undefined && contribution.values[f.id] !== '').map((f) => ({ label: f.label, text: asText(contribution.values[f.id]) }));
  return { contribution, callTitle: call?.title ?? contribution.callId, kindLabel: KIND_LABELS[contribution.kind], answers };
}

export async function leadWorkspace(deps: TaskGroupsDeps, actor: Actor, groupId: string, filter: LeadFilter = {}): Promise<LeadWorkspace> {
  const group = await requireGroup(deps, groupId);
  await assertLead(deps, group, actor, 'read what has come in');
  const [contributions, calls, members] = await Promise.all([deps.taskGroups.listContributions(groupId), deps.taskGroups.listCalls(groupId), deps.taskGroups.listMembers(groupId)]);
  const callsById = new Map(calls.map((c) => [c.id, c]));
  const wanted = contributions.filter((c) => (!filter.callId || c.callId === filter.callId) && (!filter.kind || c.kind === filter.kind));
  return {
    group,
    calls,
    contributions: wanted.map((c) => inFull(c, callsById.get(c.callId))),
    total: contributions.length,
    members: members.map((m) => ({ userName: m.userName, joinedAt: m.joinedAt })).sort((a, b) => a.joinedAt.localeCompare(b.joinedAt)),
    membersOverTime: countByWeek(members.map((m) => new Date(m.joinedAt)), { cumulative: true }),
    contributionsPerWeek: countByWeek(contributions.map((c) => new Date(c.createdAt))),
  };
}
