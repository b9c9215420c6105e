import { z } from 'zod/v4';
import { renderComposeCard } from '../../../cards/broadcast-compose';
import { renderPreviewCard } from '../../../cards/broadcast-preview';
import { renderStatusCard } from '../../../cards/broadcast-status';
import { renderNoticeCard } from '../../../cards/notice';
import type { AdaptiveCardJson } from '../../../cards/template';
import { broadcastIdSchema } from '../../domain/broadcasts/broadcast';
import { type ComposeForm, composeFormSchema } from '../../domain/broadcasts/compose';
import { type BroadcastDeps, type BroadcastReport, broadcastReport, confirmBroadcast, resendToFailed, withdrawBroadcast } from '../../domain/broadcasts/service';
import { composeChoices, previewBroadcast } from '../../domain/broadcasts/preview';
import { clickedCardOf } from '../turn';
import { submitForm } from './form-errors';
import { cardAction, type RouteModule, type Turn } from './route';
import { BROADCAST_COMPOSE, BROADCAST_PREVIEW, BROADCAST_RESEND, BROADCAST_SEND, BROADCAST_STATUS, BROADCAST_WITHDRAW, BROADCAST_WITHDRAW_CONFIRM } from '../../../cards/verbs';

const byId = z.strictObject({ broadcastId: broadcastIdSchema });

/**
 * Organisers' broadcasts: "broadcast" opens the compose form; Preview checks it and
 * counts the recipients; Send queues it (the broadcast job sends it, and edits the
 * status card the organiser clicked as it goes). Every step checks the organiser on
 * the server.
 */
export function broadcastRoutes(deps: BroadcastDeps): RouteModule {
  const status = (turn: Turn, report: BroadcastReport): AdaptiveCardJson =>
    renderStatusCard(report, { refreshUserIds: [turn.actor().teamsUserId], now: deps.clock.now() });

  const compose = async (turn: Turn, values?: ComposeForm, problems?: { field: string; message: string }[]): Promise<AdaptiveCardJson> =>
    renderComposeCard(await composeChoices(deps, turn.actor()), { values, problems });

  return {
    commands: [
      {
        name: 'broadcast',
        description: 'Organisers: send an event or an announcement to many chats and channels at once',
        hidden: true,
        run: async (turn) => {
          await turn.reply(await compose(turn));
        },
      },
    ],
    actions: [
      cardAction(BROADCAST_COMPOSE, composeFormSchema, (turn, form) => compose(turn, form)),
      cardAction(BROADCAST_PREVIEW, composeFormSchema, (turn, form) =>
        submitForm(
          async () => renderPreviewCard(await previewBroadcast(deps, turn.actor(), form), form),
          (problems) => compose(turn, form, [...problems]),
        ),
      ),
      cardAction(BROADCAST_SEND, byId, async (turn, { broadcastId }) =>
        status(turn, await confirmBroadcast(deps, turn.actor(), broadcastId, clickedCardOf(turn.context.activity))),
      ),
      cardAction(BROADCAST_STATUS, byId, async (turn, { broadcastId }) => status(turn, await broadcastReport(deps, turn.actor(), broadcastId))),
      cardAction(BROADCAST_RESEND, byId, async (turn, { broadcastId }) => status(turn, await resendToFailed(deps, turn.actor(), broadcastId))),
      cardAction(BROADCAST_WITHDRAW, byId, async (turn, { broadcastId }) => {
        const { broadcast } = await broadcastReport(deps, turn.actor(), broadcastId);
        const scheduled = broadcast.status === 'scheduled';
        return renderNoticeCard({
          title: scheduled ? `Cancel "${broadcast.title}"?` : `Withdraw "${broadcast.title}"?`,
          message: scheduled
            ? 'It has not gone yet: nothing will be sent.'
            : 'Every copy already posted is replaced by a short "withdrawn" notice, and nothing more is sent.',
          tone: 'warning',
          actions: [
            { title: scheduled ? 'Yes, cancel it' : 'Yes, withdraw it', verb: BROADCAST_WITHDRAW_CONFIRM, data: { broadcastId }, style: 'destructive' },
            { title: 'No, keep it', verb: BROADCAST_STATUS, data: { broadcastId } },
          ],
        });
      }),
      cardAction(BROADCAST_WITHDRAW_CONFIRM, byId, async (turn, { broadcastId }) => status(turn, await withdrawBroadcast(deps, turn.actor(), broadcastId))),
    ],
  };
}
