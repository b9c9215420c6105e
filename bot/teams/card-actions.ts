import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai/lib/Application';
import { z } from 'zod/v4';
import { renderNoticeCard } from '../../cards/notice';
import type { AdaptiveCardJson } from '../../cards/template';
import { DomainError } from '../domain/errors';
import { parseInput } from '../domain/validation';
import type { Logger } from '../log';
import { noticeForError, type RetryTarget } from './errors';
import type { ActionRoute, Turn } from './routes/route';
import { setRoute } from './turn';

const ACTION_INVOKE = 'adaptiveCard/action';
const INVOKE: string = ActivityTypes.Invoke;

/** The envelope Teams sends for Action.Execute; the card's own data is checked per verb. */
const invokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

/**
 * All Action.Execute clicks and refreshes arrive here. We answer the invoke ourselves
 * instead of through teams-ai's `actionExecute`, because that helper edits the shared
 * message for everyone whenever the returned card has a `refresh` block: every click
 * would overwrite other people's views (and, during an automatic refresh, loop).
 * Whatever happens the answer is HTTP 200 with a card: the person's new view, or what
 * went wrong and what to do.
 */
export function registerCardActions(
  app: Application,
  actions: readonly ActionRoute[],
  makeTurn: (context: TurnContext) => Turn,
  log: Logger,
): void {
  const byVerb = new Map(actions.map((a) => [a.verb, a]));
  app.addRoute(
    (context) => Promise.resolve(context.activity.type === INVOKE && context.activity.name === ACTION_INVOKE),
    async (context) => {
      let retry: RetryTarget | undefined;
      let card: AdaptiveCardJson;
      try {
        const { action } = parseInput(invokeValueSchema, context.activity.value, 'card action');
        const route = byVerb.get(action.verb);
        if (!route) {
          setRoute(context, 'action.unknown');
          throw new DomainError('unknown_action', 'This card comes from an older version of the NLC bot, so its buttons no longer work.', {
            hint: 'Type "help" to see the current commands and get a fresh card.',
          });
        }
        setRoute(context, `action.${action.verb}`);
        retry = { verb: action.verb, data: action.data ?? {} };
        const turn = makeTurn(context);
        card = await route.run(turn, action.data ?? {});
        // In Teams an invoke's answer replaces the card for the clicker only, but it is
        // still shown in the channel (on a shared screen, say): lists go to their own chat.
        if (route.personalData && turn.inGroup) card = await turn.sendPrivately(card);
      } catch (error) {
        card = renderNoticeCard(noticeForError(error, log, retry));
      }
      await sendCard(context, card);
    },
    true,
  );
  // Any other invoke is one our cards never send: say so plainly instead of a 501.
  app.addRoute(
    (context) => Promise.resolve(context.activity.type === INVOKE),
    async (context) => {
      setRoute(context, 'invoke.unsupported');
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 400, body: { code: 'unsupported_invoke', message: 'This bot does not handle that kind of request.' } },
      });
    },
    true,
  );
}

function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<unknown> {
  return context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
}
