import { renderWelcomeCard, type CommandHelp } from '../../../cards/welcome';
import { type ConversationsDeps, recordInstalled, recordRemoved } from '../../domain/conversations/service';
import { assertOrganiser, type Organisers } from '../../domain/organisers';
import { installFactsOf } from '../turn';
import type { RouteModule, Turn } from './route';

export interface LifecycleRoutes {
  /** The bot was added to a personal chat, group chat or team. */
  installed(turn: Turn, options: { greet: boolean }): Promise<void>;
  /** The bot was removed: keep the record, stop sending to it. */
  removed(turn: Turn): Promise<void>;
}

export function welcomeRoutes(
  deps: ConversationsDeps & { organisers: Organisers },
  commands: () => readonly CommandHelp[],
  /** The commands left out of the help card, listed by "organiser help" for organisers only. */
  organiserCommands: () => readonly CommandHelp[] = () => [],
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
      {
        name: 'organiser help',
        description: 'The commands for NLC organisers',
        aliases: ['organizer help', 'organisers', 'organizers'],
        hidden: true,
        run: async (turn) => {
          assertOrganiser(deps.organisers, turn.actor(), 'see the organiser commands');
          const listed = organiserCommands().filter((c) => c.name !== 'organiser help');
          await turn.reply(renderWelcomeCard(listed, { inGroup: turn.inGroup, installed: false, heading: 'Organiser commands' }));
        },
      },
    ],
  };
}
