import { z } from 'zod/v4';
import { renderContributionCard } from '../../../cards/contribution';
import { renderCallCard, renderOpenCallsCard } from '../../../cards/call';
import { renderMyContributionsCard } from '../../../cards/my-contributions';
import { renderDigestCard } from '../../../cards/digest';
import { renderStatusCard } from '../../../cards/broadcast-status';
import { renderNoticeCard } from '../../../cards/notice';
import {
  editContribution,
  listMyContributions,
  submitContribution,
  viewOwnContribution,
  withdrawContribution,
} from '../../domain/task-groups/contributions';
import { exportContributions } from '../../domain/task-groups/export';
import { digestFor, groupsToDigest, markUsed } from '../../domain/task-groups/digest';
import { callIdSchema, contributionIdSchema, groupIdSchema, isOpen } from '../../domain/task-groups/task-group';
import type { DownloadLinks } from '../../domain/downloads';
import { callToPost, type PostCallDeps, sendCallToMembers } from '../../domain/task-groups/post-call';
import { listOpenCalls, requireCall, requireGroup } from '../../domain/task-groups/service';
import { clickedCardOf } from '../turn';
import { asText, inputsOf, submitForm } from './form-errors';
import { cardAction, personalData, type RouteModule } from './route';
import { CALL_OPEN, CALL_SEND_TO_MEMBERS, CONTRIBUTIONS_EXPORT, CONTRIBUTION_EDIT, CONTRIBUTION_MARK_USED, CONTRIBUTION_SUBMIT, CONTRIBUTION_UPDATE, CONTRIBUTION_VIEW, CONTRIBUTION_WITHDRAW, DIGEST_VIEW } from '../../../cards/verbs';

const callData = z.strictObject({ groupId: groupIdSchema, callId: callIdSchema });
const contributionData = z.strictObject({ groupId: groupIdSchema, contributionId: contributionIdSchema });
const submission = z.object({ groupId: groupIdSchema, callId: callIdSchema }).catchall(z.unknown());
const update = z.object({ groupId: groupIdSchema, contributionId: contributionIdSchema }).catchall(z.unknown());
const usedData = z.strictObject({ groupId: groupIdSchema, contributionId: contributionIdSchema, used: z.boolean() });
const groupData = z.strictObject({ groupId: groupIdSchema });
const postCallArg = callIdSchema;
/** What follows "digest": a group number or id, short. */
const digestArg = z.string().max(60);

export function contributionRoutes(deps: PostCallDeps & { links: DownloadLinks }): RouteModule {
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
        name: 'digest',
        description: 'For task-group leads: what has come in (add a group number, e.g. "digest 2")',
        hidden: true,
        run: async (turn, rest) => {
          const actor = turn.actor();
          const groups = await groupsToDigest(deps, actor, digestArg.parse(rest));
          if (groups.length === 0) {
            await turn.reply(renderNoticeCard({ title: 'No groups to show', message: 'You do not lead a task group.', hint: 'Leads are chosen by NLC organisers.' }));
            return;
          }
          await turn.reply(await Promise.all(groups.map(async (g) => renderDigestCard(await digestFor(deps, actor, g.id)))));
        },
      }),
      {
        name: 'post call',
        description: 'For task-group leads: post a call for contributions here (add its id, e.g. "post call tg2-transition-survey")',
        hidden: true,
        run: async (turn, rest) => {
          const actor = turn.actor();
          const callId = postCallArg.safeParse(rest);
          const found = callId.success ? (await listOpenCalls(deps)).find(({ call }) => call.id === callId.data) : undefined;
          if (!found) {
            await turn.reply(
              renderNoticeCard({
                title: 'Which call?',
                message: callId.success ? `There is no open call called "${callId.data}".` : 'Add the call\'s id after "post call".',
                hint: 'The ids are on the group card\'s calls: type "calls" to see the open ones.',
                tone: 'warning',
              }),
            );
            return;
          }
          const { call, group } = await callToPost(deps, actor, found.group.id, found.call.id);
          await turn.reply(renderCallCard(call, group));
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
    actions: [
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
      personalData(cardAction(DIGEST_VIEW, groupData, async (turn, { groupId }) => renderDigestCard(await digestFor(deps, turn.actor(), groupId)))),
      personalData(
        cardAction(CONTRIBUTIONS_EXPORT, groupData, async (turn, { groupId }) => {
          const actor = turn.actor();
          const exported = await exportContributions(deps, actor, groupId);
          return renderDigestCard(await digestFor(deps, actor, groupId), exported);
        }),
      ),
      cardAction(CALL_SEND_TO_MEMBERS, callData, async (turn, { groupId, callId }) => {
        const actor = turn.actor();
        const { activity } = turn.context;
        const report = await sendCallToMembers(deps, actor, groupId, callId, clickedCardOf(activity), activity.replyToId ?? activity.id ?? '');
        return renderStatusCard(report, { refreshUserIds: [actor.teamsUserId], now: deps.clock.now() });
      }),
      personalData(
        cardAction(CONTRIBUTION_MARK_USED, usedData, async (turn, { groupId, contributionId, used }) => {
          const actor = turn.actor();
          await markUsed(deps, actor, groupId, contributionId, used);
          return renderDigestCard(await digestFor(deps, actor, groupId));
        }),
      ),
    ],
  };
}
