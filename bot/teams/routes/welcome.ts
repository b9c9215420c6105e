import { renderWelcomeCard } from '../../../cards/welcome';
import { type ConversationsDeps, recordInstalled, recordPersonRemovedBot, recordRemoved } from '../../domain/conversations/service';
import type { MemberFacts } from '../../domain/rosters/roster';
import { assertOrganiser, type Organisers } from '../../domain/organisers';
import { claimPlacesBookedByEmail } from '../../domain/workshops/colleague';
import type { WorkshopStore } from '../../domain/workshops/ports';
import { installFactsOf } from '../turn';
import { memberEmail } from '../members';
import type { CommandRoute, RouteModule, Turn } from './route';

export interface LifecycleRoutes {
  /** The bot was added to a personal chat, group chat or team. */
  installed(turn: Turn, options: { greet: boolean }): Promise<void>;
  /** The bot was removed: keep the record, stop sending to it. */
  removed(turn: Turn): Promise<void>;
  /** People (not the bot) joined or left a team or group chat the bot is in. */
  membersChanged?(turn: Turn, change: { added: MemberFacts[]; removed: string[] }): Promise<void>;
}

/**
 * The greeting on install, "help" and "organiser help". Given every feature's commands,
 * it returns the whole command list (its own first), built once: the help card lists the
 * commands that are not hidden, "organiser help" the hidden ones (for organisers only).
 */
export function welcomeRoutes(
  deps: ConversationsDeps & { organisers: Organisers; workshops: Pick<WorkshopStore, 'workshopsOfUser' | 'updateLedger'> },
  featureCommands: readonly CommandRoute[],
): RouteModule & LifecycleRoutes & { commands: CommandRoute[] } {
  const help: CommandRoute = {
    name: 'help',
    description: 'What this bot does and what you can type',
    aliases: ['hi', 'hello', 'start', 'commands'],
    run: async (turn) => {
      await turn.reply(renderWelcomeCard(listed, { inGroup: turn.inGroup, installed: false }));
    },
  };
  const organiserHelp: CommandRoute = {
    name: 'organiser help',
    description: 'The commands for NLC organisers',
    aliases: ['organizer help', 'organisers', 'organizers'],
    hidden: true,
    run: async (turn) => {
      await assertOrganiser(deps.organisers, turn.actor(), 'see the organiser commands');
      await turn.reply(renderWelcomeCard(forOrganisers, { inGroup: turn.inGroup, installed: false, heading: 'Organiser commands' }));
    },
  };
  const commands = [help, organiserHelp, ...featureCommands];
  const listed = commands.filter((c) => !c.hidden);
  const forOrganisers = commands.filter((c) => c.hidden && c !== organiserHelp);
  return {
    installed: async (turn, { greet }) => {
      const facts = installFactsOf(turn.context.activity);
      const userEmail = facts.scope === 'personal' ? await memberEmail(turn.context, turn.log) : undefined;
      await recordInstalled(deps, { ...facts, ...(userEmail ? { userEmail } : {}) });
      // A place a colleague booked for this email becomes theirs; the install stands whatever happens here.
      if (userEmail && facts.userAadObjectId) {
        await claimPlacesBookedByEmail(deps, facts.userAadObjectId, userEmail).catch((error: unknown) => turn.log.warn({ err: error }, 'claiming places booked by email failed'));
      }
      if (greet) await turn.reply(renderWelcomeCard(listed, { inGroup: turn.inGroup, installed: true }));
    },
    removed: async (turn) => {
      const { activity } = turn.context;
      // Someone removing the bot from their own chat is not sought out through a team either.
      if (activity.conversation.conversationType === 'personal' && activity.from?.aadObjectId) await recordPersonRemovedBot(deps, activity.from.aadObjectId, activity.conversation.id);
      else await recordRemoved(deps, activity.conversation.id);
    },
    commands,
  };
}
