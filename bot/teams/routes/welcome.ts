import { renderWelcomeCard, type CommandHelp } from '../../../cards/welcome';
import { type ConversationsDeps, recordInstalled, recordRemoved } from '../../domain/conversations/service';
import { installFactsOf } from '../turn';
import type { RouteModule, Turn } from './route';

export interface LifecycleRoutes {
  /** The bot was added to a personal chat, group chat or team. */
  installed(turn: Turn, options: { greet: boolean }): Promise<void>;
  /** The bot was removed: keep the record, stop sending to it. */
  removed(turn: Turn): Promise<void>;
}

export function welcomeRoutes(
  deps: ConversationsDeps,
  commands: () => readonly CommandHelp[],
): RouteModule & LifecycleRoutes {
  return {
    installed: async (turn, { greet }) => {
      await recordInstalled(deps, installFactsOf(turn.context.activity));
      if (greet) await turn.reply(renderWelcomeCard(commands(), { inGroup: turn.inGroup, installed: true }));
    },
    removed: async (turn) => {
      await recordRemoved(deps, turn.context.activity.conversation.id);
    },
    commands: [
      {
        name: 'help',
        description: 'What this bot does and what you can type',
        aliases: ['hi', 'hello', 'start', 'commands'],
        run: async (turn) => {
          await turn.reply(renderWelcomeCard(commands(), { inGroup: turn.inGroup, installed: false }));
        },
      },
    ],
  };
}
