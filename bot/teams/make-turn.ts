import type { TurnContext } from 'botbuilder';
import { refreshUserIds } from './members';
import { toActivity } from './proactive';
import { messageOf, type PrivateReplyDeps, sendPrivately } from './private-reply';
import type { Turn } from './routes/route';
import { actorOf, isGroupScope } from './turn';

/** What every route handler gets for one activity (routes/route.ts): who, where, and how to answer. */
export function makeTurn(context: TurnContext, deps: PrivateReplyDeps): Turn {
  const inGroup = isGroupScope(context.activity);
  const { log } = deps;
  return {
    context,
    log,
    inGroup,
    actor: () => actorOf(context.activity),
    refreshUserIds: () => refreshUserIds(context, inGroup, log),
    reply: async (content) => {
      // Several cards go as one carousel message: one connector call, and Teams' per-
      // conversation rate limit (7 messages a second) is never at risk from one command.
      await context.sendActivity(toActivity(messageOf(content)));
    },
    sendPrivately: (content) => sendPrivately(deps, actorOf(context.activity), context.activity.recipient?.name || 'NLC', content),
  };
}
