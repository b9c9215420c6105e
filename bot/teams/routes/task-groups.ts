import { z } from 'zod/v4';
import { renderFormCard } from '../../../cards/form';
import { renderNoticeCard } from '../../../cards/notice';
import { renderTaskGroupCard } from '../../../cards/task-group';
import type { FieldProblem } from '../../domain/errors';
import type { FieldSpec } from '../../domain/forms';
import { assertOrganiser } from '../../domain/organisers';
import { createGroup, leadFormFields, listGroupViews, NEW_GROUP_FIELDS, setLeads, setMembership, type TaskGroupsDeps, viewGroup } from '../../domain/task-groups/service';
import { groupIdSchema, type TaskGroup } from '../../domain/task-groups/task-group';
import { asText, inputsOf, submitForm } from './form-errors';
import { type ActionRoute, cardAction, personalData, type RouteModule } from './route';
import { GROUP_CREATE, GROUP_JOIN, GROUP_LEAVE, GROUP_SET_LEADS, GROUP_VIEW } from '../../../cards/verbs';

const groupData = z.strictObject({ groupId: groupIdSchema });
/** Form submissions: our own keys strictly, the inputs checked by the domain's form. */
const groupForm = z.object({ groupId: groupIdSchema }).catchall(z.unknown());
const anyForm = z.record(z.string(), z.unknown());

const newGroupForm = (values?: Record<string, string>, problems?: Parameters<typeof renderFormCard>[0]['problems']) =>
  renderFormCard({
    title: 'New task group',
    intro: 'After creating it, ask people to join, then choose its leads from the members.',
    fields: NEW_GROUP_FIELDS,
    values,
    problems,
    banner: problems?.length ? 'Some answers need another look; nothing was saved yet.' : undefined,
    actions: [{ title: 'Create group', verb: GROUP_CREATE, data: {} }],
  });

export function taskGroupRoutes(deps: TaskGroupsDeps): RouteModule {
  return {
    commands: [
      {
        name: 'task groups',
        description: 'The NLC task groups: what each is working on; join or leave',
        aliases: ['groups', 'task group'],
        run: async (turn) => {
          const actor = turn.actor();
          const views = await listGroupViews(deps, actor);
          if (views.length === 0) {
            await turn.reply(renderNoticeCard({ title: 'No task groups yet', message: 'There are no NLC task groups yet.' }));
            return;
          }
          const refreshUserIds = await turn.refreshUserIds();
          await turn.reply(views.map((v) => renderTaskGroupCard(v, refreshUserIds)));
        },
      },
      {
        name: 'new task group',
        description: 'Create a task group (organisers)',
        hidden: true,
        run: async (turn) => {
          await assertOrganiser(deps.organisers, turn.actor(), 'create task groups');
          await turn.reply(newGroupForm());
        },
      },
    ],
    actions: [...membershipActions(deps), ...leadActions(deps)],
  };
}

/** Joining, leaving and viewing a group, and an organiser creating one. */
function membershipActions(deps: TaskGroupsDeps): ActionRoute[] {
  return [
    cardAction(GROUP_JOIN, groupData, async (turn, { groupId }) =>
      renderTaskGroupCard(await setMembership(deps, turn.actor(), groupId, true), [turn.actor().teamsUserId]),
    ),
    cardAction(GROUP_LEAVE, groupData, async (turn, { groupId }) =>
      renderTaskGroupCard(await setMembership(deps, turn.actor(), groupId, false), [turn.actor().teamsUserId]),
    ),
    cardAction(GROUP_VIEW, groupData, async (turn, { groupId }) =>
      renderTaskGroupCard(await viewGroup(deps, turn.actor(), groupId), [turn.actor().teamsUserId]),
    ),
    cardAction(GROUP_CREATE, anyForm, async (turn, data) =>
      submitForm(
        async () => renderTaskGroupCard(await viewGroup(deps, turn.actor(), (await createGroup(deps, turn.actor(), data)).id), [turn.actor().teamsUserId]),
        (problems) => newGroupForm(asText(data), problems),
      ),
    ),
  ];
}

/**
 * The members-only leads form of earlier versions, still answered for cards already posted
 * (choosing leads is now bot/teams/routes/roles.ts: anyone, by name or id, with who and when).
 */
function leadActions(deps: TaskGroupsDeps): ActionRoute[] {
  return [
    personalData(cardAction(GROUP_SET_LEADS, groupForm, async (turn, data) => {
      const actor = turn.actor();
      const inputs = inputsOf(data, ['groupId']);
      return submitForm(
        async () => {
          await setLeads(deps, actor, data.groupId, inputs);
          return renderTaskGroupCard(await viewGroup(deps, actor, data.groupId), [actor.teamsUserId]);
        },
        async (problems) => {
          const { group, fields } = await leadFormFields(deps, actor, data.groupId);
          return leadsForm(group, fields, asText(inputs), problems);
        },
      );
    })),
  ];
}

/** The form an organiser chooses leads with (the group's members), with what they chose and, after a refusal, why. */
const leadsForm = (group: TaskGroup, fields: readonly FieldSpec[], values: Record<string, string>, problems?: readonly FieldProblem[]) =>
  renderFormCard({ title: `Leads of ${group.name}`, fields, values, problems, actions: [{ title: 'Save leads', verb: GROUP_SET_LEADS, data: { groupId: group.id } }] });
