import { z } from 'zod/v4';
import { type DeadlineCardOptions, renderDeadlineCard as renderFollowCard } from '../../../cards/deadline';
import { renderNoticeCard } from '../../../cards/notice';
import { deadlineIdSchema } from '../../domain/deadlines/deadline';
import { changeFollow, type DeadlinesDeps, type FollowChange, openDeadlineViews, viewDeadline } from '../../domain/deadlines/service';
import { isDomainError } from '../../domain/errors';
import type { ShareLinks } from '../../domain/sharing/links';
import type { DeadlineView } from '../../domain/deadlines/service';
import { cardAction, type RouteModule, type Turn } from './route';
import { DEADLINE_REMIND, DEADLINE_RESPONDED, DEADLINE_VIEW } from '../../../cards/verbs';

const viewData = z.strictObject({ deadlineId: deadlineIdSchema });
const remindData = z.strictObject({ deadlineId: deadlineIdSchema, remind: z.boolean() });
const respondedData = z.strictObject({ deadlineId: deadlineIdSchema, responded: z.boolean() });

/** "deadlines": the open consultation deadlines; Remind me and I've responded on each card, per person. */
export function deadlineRoutes(deps: DeadlinesDeps & { share: ShareLinks }): RouteModule {
  // The deadline card with Share: its public page, which unfolds into this card where it is pasted.
  const renderDeadlineCard = (view: DeadlineView, options: DeadlineCardOptions) =>
    renderFollowCard(view, { ...options, shareUrl: deps.share.page({ kind: 'deadline', id: view.deadline.id }) });
  const answer = async (turn: Turn, deadlineId: string, change: FollowChange) => {
    const actor = turn.actor();
    const own = { refreshUserIds: [actor.teamsUserId] };
    try {
      return renderDeadlineCard(await changeFollow(deps, actor, deadlineId, change), own);
    } catch (error) {
      // A click on an old card after the close: the card as it is now, with the reason.
      if (!isDomainError(error) || error.code !== 'closed') throw error;
      return renderDeadlineCard(await viewDeadline(deps, actor, deadlineId), { ...own, banner: error.message });
    }
  };
  return {
    commands: [
      {
        name: 'deadlines',
        description: 'Open consultations and surveys with their closing dates; ask for a reminder on each card',
        aliases: ['consultations', 'surveys'],
        run: async (turn) => {
          const actor = turn.inGroup ? undefined : turn.actor();
          const views = await openDeadlineViews(deps, actor);
          if (views.length === 0) {
            await turn.reply(renderNoticeCard({ title: 'No open deadlines', message: 'There are no open consultations or surveys right now.' }));
            return;
          }
          const refreshUserIds = await turn.refreshUserIds();
          await turn.reply(views.map((view) => renderDeadlineCard(view, { refreshUserIds })));
        },
      },
    ],
    actions: [
      cardAction(DEADLINE_VIEW, viewData, async (turn, { deadlineId }) => {
        const actor = turn.actor();
        return renderDeadlineCard(await viewDeadline(deps, actor, deadlineId), { refreshUserIds: [actor.teamsUserId] });
      }),
      cardAction(DEADLINE_REMIND, remindData, (turn, { deadlineId, remind }) => answer(turn, deadlineId, { remind })),
      cardAction(DEADLINE_RESPONDED, respondedData, (turn, { deadlineId, responded }) => answer(turn, deadlineId, { responded })),
    ],
  };
}
