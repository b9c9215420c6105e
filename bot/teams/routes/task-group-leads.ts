import { z } from 'zod/v4';
import { renderStatusCard } from '../../../cards/broadcast-status';
import { renderCallCard } from '../../../cards/call';
import { renderDigestCard, renderLeadContributionCard } from '../../../cards/digest';
import { renderNoticeCard } from '../../../cards/notice';
import { CALL_SEND_TO_MEMBERS, CONTRIBUTION_MARK_USED, CONTRIBUTION_READ, CONTRIBUTIONS_EXPORT, DIGEST_VIEW } from '../../../cards/verbs';
import type { DownloadLinks } from '../../domain/downloads';
import { digestFor, groupsToDigest, markUsed, readContribution } from '../../domain/task-groups/digest';
import { exportContributions } from '../../domain/task-groups/export';
import { callToPost, type PostCallDeps, sendCallToMembers } from '../../domain/task-groups/post-call';
import { listOpenCalls } from '../../domain/task-groups/service';
import { callIdSchema, contributionIdSchema, groupIdSchema } from '../../domain/task-groups/task-group';
import { clickedCardOf } from '../turn';
import { cardAction, type CommandRoute, personalData, type RouteModule } from './route';

const callData = z.strictObject({ groupId: groupIdSchema, callId: callIdSchema });
const usedData = z.strictObject({ groupId: groupIdSchema, contributionId: contributionIdSchema, used: z.boolean(), show: z.literal('contribution').optional() });
const contributionData = z.strictObject({ groupId: groupIdSchema, contributionId: contributionIdSchema });
const groupData = z.strictObject({ groupId: groupIdSchema });
/** What follows "digest": a group number or id, short. */
const digestArg = z.string().max(60);

type LeadDeps = PostCallDeps & { links: DownloadLinks };

/**
 * Task-group leads (and organisers): what has come in (the digest, with Mark used and the
 * CSV export), and posting a call, here or to every member's personal chat. The digest
 * lists members' names, so it only ever goes to the lead's own chat (`personalData`).
 */
export function taskGroupLeadRoutes(deps: LeadDeps): RouteModule {
  return {
    commands: [digestCommand(deps), postCallCommand(deps)],
    actions: [
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
        cardAction(CONTRIBUTION_MARK_USED, usedData, async (turn, { groupId, contributionId, used, show }) => {
          const actor = turn.actor();
          await markUsed(deps, actor, groupId, contributionId, used);
          // Pressed on the contribution's own card: that card again, with its new status.
          if (show === 'contribution') return renderLeadContributionCard(await readContribution(deps, actor, groupId, contributionId));
          return renderDigestCard(await digestFor(deps, actor, groupId));
        }),
      ),
      personalData(
        cardAction(CONTRIBUTION_READ, contributionData, async (turn, { groupId, contributionId }) =>
          renderLeadContributionCard(await readContribution(deps, turn.actor(), groupId, contributionId)),
        ),
      ),
    ],
  };
}

const digestCommand = (deps: LeadDeps): CommandRoute =>
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
  });

const postCallCommand = (deps: LeadDeps): CommandRoute => ({
  name: 'post call',
  description: 'For task-group leads: post a call for contributions here (add its id, e.g. "post call tg2-transition-survey")',
  hidden: true,
  run: async (turn, rest) => {
    const actor = turn.actor();
    const callId = callIdSchema.safeParse(rest);
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
});
