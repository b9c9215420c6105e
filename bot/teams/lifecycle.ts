import { ActivityTypes, CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai/lib/Application';
import { renderNoticeCard } from '../../cards/notice';
import type { Logger } from '../log';
import type { Turn } from './routes/route';
import type { LifecycleRoutes } from './routes/welcome';
import { memberFactsOf } from './turn';

const botIn = (members: { id: string }[] | undefined, activity: Activity): boolean => (members ?? []).some((m) => m.id === activity.recipient?.id);

/**
 * Installs, uninstalls and people joining or leaving. Teams sends both installationUpdate
 * and conversationUpdate on install; both record (idempotently) and only the
 * conversationUpdate greets, so the welcome comes once. Every feature's lifecycle routes
 * hear each event, in order.
 */
export function registerLifecycle(app: Application, routes: readonly LifecycleRoutes[], makeTurn: (context: TurnContext) => Turn, log: Logger): void {
  const each = async (work: (r: LifecycleRoutes) => Promise<void> | undefined): Promise<void> => {
    for (const r of routes) await work(r);
  };
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = (context.activity as { action?: unknown }).action;
    const verb = typeof action === 'string' ? action : '';
    const turn = makeTurn(context);
    await safely(context, log, async () => {
      if (verb.startsWith('add')) await each((r) => r.installed(turn, { greet: false }));
      else if (verb.startsWith('remove')) await each((r) => r.removed(turn));
    });
  });
  app.activity(ActivityTypes.ConversationUpdate, async (context) => {
    const activity = context.activity;
    const turn = makeTurn(context);
    await safely(context, log, async () => {
      if (botIn(activity.membersAdded, activity)) await each((r) => r.installed(turn, { greet: true }));
      else if (botIn(activity.membersRemoved, activity)) await each((r) => r.removed(turn));
      else if (activity.membersAdded?.length || activity.membersRemoved?.length) {
        const change = { added: memberFactsOf(activity.membersAdded, activity), removed: (activity.membersRemoved ?? []).map((m) => m.id).filter(Boolean) };
        await each((r) => r.membersChanged?.(turn, change));
      }
    });
  });
}

/**
 * Lifecycle events have no one to show an error card to reliably (the bot may just have
 * been removed), so failures are logged and the turn ends normally.
 */
async function safely(context: TurnContext, log: Logger, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.error({ err: error, activityType: context.activity.type, activityId: context.activity.id }, 'lifecycle event failed');
    if (context.activity.conversation?.conversationType === 'personal' && context.activity.type === String(ActivityTypes.ConversationUpdate)) {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(renderNoticeCard({
        title: 'Hello! Something went wrong setting me up',
        message: 'I could not save this chat, so reminders may not reach you.',
        hint: 'If reminders do not reach you, remove the app and add it again.',
        tone: 'warning',
      }))));
    }
  }
}
