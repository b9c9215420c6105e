import { ActivityTypes, CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai/lib/Application';
import { renderNoticeCard } from '../../cards/notice';
import type { Logger } from '../log';
import type { Turn } from './routes/route';
import type { LifecycleRoutes } from './routes/welcome';

const botIn = (members: { id: string }[] | undefined, activity: Activity): boolean => (members ?? []).some((m) => m.id === activity.recipient?.id);

/**
 * Installs and uninstalls. Teams sends both installationUpdate and conversationUpdate on
 * install; both record (idempotently) and only the conversationUpdate greets, so the
 * welcome comes once.
 */
export function registerLifecycle(app: Application, welcome: LifecycleRoutes, makeTurn: (context: TurnContext) => Turn, log: Logger): void {
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = (context.activity as { action?: unknown }).action;
    const verb = typeof action === 'string' ? action : '';
    await safely(context, log, async () => {
      if (verb.startsWith('add')) await welcome.installed(makeTurn(context), { greet: false });
      else if (verb.startsWith('remove')) await welcome.removed(makeTurn(context));
    });
  });
  app.activity(ActivityTypes.ConversationUpdate, async (context) => {
    const activity = context.activity;
    await safely(context, log, async () => {
      if (botIn(activity.membersAdded, activity)) await welcome.installed(makeTurn(context), { greet: true });
      else if (botIn(activity.membersRemoved, activity)) await welcome.removed(makeTurn(context));
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
