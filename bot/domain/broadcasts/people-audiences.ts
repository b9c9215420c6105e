import { z } from 'zod/v4';
import { groupIdSchema } from '../task-groups/task-group';
import type { AudienceDeps, AudienceType } from './audience-types';
import { fieldProblem } from './compose';
import { recipientsOfPeople } from './recipients';

/**
 * Audiences of people, each reached in a personal chat: the ones they have, or ones the
 * bot opens (see recipients.ts). The preview says how many go each way, and how many
 * cannot be reached and why.
 */

const taskGroupSpec = z.object({ kind: z.literal('task-group'), groupId: groupIdSchema });

/** The members of one task group, in their personal chats (e.g. a call for contributions). */
export const taskGroupMembers: AudienceType = {
  kind: 'task-group',
  label: 'The members of a task group',
  fromForm: async (form, deps) => {
    if (!form.taskGroup) throw fieldProblem('taskGroup', 'choose the task group');
    const groupId = groupIdSchema.safeParse(form.taskGroup);
    if (!groupId.success || !(await deps.taskGroups.getGroup(groupId.data))) throw fieldProblem('taskGroup', 'that task group no longer exists');
    return { kind: 'task-group', groupId: groupId.data };
  },
  describe: async (spec, deps) => {
    const group = await deps.taskGroups.getGroup(taskGroupSpec.parse(spec).groupId);
    return `the members of ${group ? group.name : 'a task group that no longer exists'}`;
  },
  resolve: async (spec, deps) => {
    const members = await deps.taskGroups.listMembers(taskGroupSpec.parse(spec).groupId);
    return recipientsOfPeople(deps, members.map((m) => m.userId));
  },
};

const teamSpec = z.object({ kind: z.literal('team'), teamId: z.string().min(1).max(400) });

/** The team's name as Teams gave it when the bot was installed in one of its channels. */
async function teamName(deps: AudienceDeps, teamId: string): Promise<string | undefined> {
  const channels = await deps.conversations.listActive('channel');
  const found = channels.find((c) => c.teamId === teamId);
  return found ? (found.teamName ?? 'a team') : undefined;
}

/**
 * Everyone in one team the bot is in, each in a personal chat (the roster the bot read
 * when it was added, kept current by Teams' membership events), besides or instead of
 * posting in its channels.
 */
export const teamMembers: AudienceType = {
  kind: 'team',
  label: 'Everyone in a team, each in a personal chat',
  fromForm: async (form, deps) => {
    if (!form.team) throw fieldProblem('team', 'choose the team');
    const roster = await deps.rosters.getRoster(form.team);
    if (!roster || roster.status === 'removing' || !(await teamName(deps, form.team))) throw fieldProblem('team', 'the bot is no longer in that team');
    return { kind: 'team', teamId: form.team };
  },
  describe: async (spec, deps) => `everyone in ${(await teamName(deps, teamSpec.parse(spec).teamId)) ?? 'a team the bot has left'}`,
  resolve: async (spec, deps) => {
    const members = await deps.rosters.membersOf(teamSpec.parse(spec).teamId);
    return recipientsOfPeople(deps, members.map((m) => m.userAadObjectId));
  },
};
