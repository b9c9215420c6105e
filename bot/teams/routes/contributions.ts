import { z } from 'zod/v4';
import { renderContributionCard } from '../../../cards/contribution';
import { renderCallCard, renderOpenCallsCard } from '../../../cards/call';
import { renderMyContributionsCard } from '../../../cards/my-contributions';
import { renderNoticeCard } from '../../../cards/notice';
import {
  editContribution,
  listMyContributions,
  submitContribution,
  viewOwnContribution,
  withdrawContribution,
} from '../../domain/task-groups/contributions';
import { callIdSchema, contributionIdSchema, groupIdSchema, isOpen } from '../../domain/task-groups/task-group';
import { listOpenCalls, requireCall, requireGroup, type TaskGroupsDeps } from '../../domain/task-groups/service';
import { asText, inputsOf, submitForm } from './form-errors';
import { type ActionRoute, cardAction, personalData, type RouteModule } from './route';
import { CALL_OPEN, CONTRIBUTION_EDIT, CONTRIBUTION_SUBMIT, CONTRIBUTION_UPDATE, CONTRIBUTION_VIEW, CONTRIBUTION_WITHDRAW } from '../../../cards/verbs';

const callData = z.strictObject({ groupId: groupIdSchema, callId: callIdSchema });
const contributionData = z.strictObject({ groupId: groupIdSchema, contributionId: contributionIdSchema });
const submission = z.object({ groupId: groupIdSchema, callId: callIdSchema }).catchall(z.unknown());
const update = z.object({ groupId: groupIdSchema, contributionId: contributionIdSchema }).catchall(z.unknown());

/** Members answering calls for contributions: the open calls, the form on each, and their own contributions to view, edit or withdraw. */
export function contributionRoutes(deps: TaskGroupsDeps): RouteModule {
  return {
    commands: [
      {
        name: 'calls',
        description: 'Open calls for contributions from the task groups; answer them on the card',
        aliases: ['contribute', 'calls for contributions'],
        run: async (turn) => {
          await turn.reply(renderOpenCallsCard(await listOpenCalls(deps)));
        },
      },
      personalData({
        name: 'my contributions',
        description: 'What you have sent to the task groups; edit or withdraw it',
        run: async (turn) => {
          await turn.reply(renderMyContributionsCard(await listMyContributions(deps, turn.actor())));
        },
      }),
    ],
    actions: [...answerActions(deps), ...ownContributionActions(deps)],
  };
}

/** Opening a call and sending the form on it; a form with problems comes back with the values kept. */
function answerActions(deps: TaskGroupsDeps): ActionRoute[] {
  return [
    cardAction(CALL_OPEN, callData, async (_turn, { groupId, callId }) => {
      const [group, call] = await Promise.all([requireGroup(deps, groupId), requireCall(deps, groupId, callId)]);
      if (!isOpen(call, deps.clock.now())) {
        return renderNoticeCard({ title: 'That call has closed', message: `"${call.title}" no longer takes contributions.`, hint: 'Type "calls" to see the open ones.' });
      }
      return renderCallCard(call, group);
    }),
    cardAction(CONTRIBUTION_SUBMIT, submission, async (turn, data) => {
      const inputs = inputsOf(data, ['groupId', 'callId']);
      return submitForm(
        async () => {
          const view = await submitContribution(deps, turn.actor(), data.groupId, data.callId, inputs);
          return renderContributionCard(view, { justSent: true, callOpen: true });
        },
        async (problems) => {
          const [group, call] = await Promise.all([requireGroup(deps, data.groupId), requireCall(deps, data.groupId, data.callId)]);
          return renderCallCard(call, group, { values: asText(inputs), problems });
        },
      );
    }),
  ];
}

/** A person's own contribution: view it, edit it while the call is open, withdraw it. */
function ownContributionActions(deps: TaskGroupsDeps): ActionRoute[] {
  return [
    cardAction(CONTRIBUTION_VIEW, contributionData, async (turn, { groupId, contributionId }) => {
      const view = await viewOwnContribution(deps, turn.actor(), groupId, contributionId);
      return renderContributionCard(view, { justSent: false, callOpen: isOpen(view.call, deps.clock.now()) });
    }),
    cardAction(CONTRIBUTION_EDIT, contributionData, async (turn, { groupId, contributionId }) => {
      const view = await viewOwnContribution(deps, turn.actor(), groupId, contributionId);
      if (!isOpen(view.call, deps.clock.now())) {
        return renderContributionCard(view, { justSent: false, callOpen: false });
      }
      return renderCallCard(view.call, view.group, { editing: view.contribution });
    }),
    cardAction(CONTRIBUTION_UPDATE, update, async (turn, data) => {
      const inputs = inputsOf(data, ['groupId', 'contributionId']);
      const actor = turn.actor();
      return submitForm(
        async () => {
          const view = await editContribution(deps, actor, data.groupId, data.contributionId, inputs);
          return renderContributionCard(view, { justSent: false, callOpen: true });
        },
        async (problems) => {
          const view = await viewOwnContribution(deps, actor, data.groupId, data.contributionId);
          return renderCallCard(view.call, view.group, { editing: view.contribution, values: asText(inputs), problems });
        },
      );
    }),
    cardAction(CONTRIBUTION_WITHDRAW, contributionData, async (turn, { groupId, contributionId }) => {
      await withdrawContribution(deps, turn.actor(), groupId, contributionId);
      return renderNoticeCard({
        title: 'Withdrawn',
        message: 'Your contribution has been deleted. The task group can no longer see it.',
        tone: 'good',
        hint: 'Type "calls" if you would like to send something new.',
      });
    }),
  ];
}
