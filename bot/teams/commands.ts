import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import { renderNoticeCard } from '../../cards/notice';
import type { Logger } from '../log';
import { noticeForError } from './errors';
import type { CommandRoute, Turn } from './routes/route';
import { commandTextOf, setRoute } from './turn';

/** Longer than any command plus its arguments: refuse before doing any work. */
export const MAX_COMMAND_LENGTH = 500;

export interface CommandMatch {
  command: CommandRoute;
  rest: string;
}

/**
 * Finds the command a normalised text starts with. The longest name wins, so
 * "my events" is not read as "my" followed by "events".
 */
export function matchCommand(commands: readonly CommandRoute[], text: string): CommandMatch | undefined {
  let best: CommandMatch | undefined;
  let bestLength = -1;
  for (const command of commands) {
    for (const name of [command.name, ...(command.aliases ?? [])]) {
      const matches = text === name || text.startsWith(`${name} `);
      if (matches && name.length > bestLength) {
        best = { command, rest: text.slice(name.length).trim() };
        bestLength = name.length;
      }
    }
  }
  return best;
}

/**
 * Every message goes through here: normalise, validate, find the command, run it. Text
 * we do not understand always gets a short answer pointing to "help", never silence.
 */
export function registerCommands(
  app: Application,
  commands: readonly CommandRoute[],
  makeTurn: (context: TurnContext) => Turn,
  log: Logger,
): void {
  app.activity(ActivityTypes.Message, async (context) => {
    const turn = makeTurn(context);
    const text = commandTextOf(context.activity);
    try {
      const checked = commandSchema.safeParse(text);
      if (!checked.success) {
        setRoute(context, 'command.invalid');
        await turn.reply('That message is too long to be a command. Type **help** to see what I can do.');
        return;
      }
      const match = checked.data === '' ? matchCommand(commands, 'help') : matchCommand(commands, checked.data);
      if (!match) {
        setRoute(context, 'command.unknown');
        await turn.reply(unknownCommandText(turn.inGroup));
        return;
      }
      setRoute(context, `command.${match.command.name.replace(/\s+/g, '-')}`);
      await match.command.run(turn, match.rest);
    } catch (error) {
      await turn.reply(renderNoticeCard(noticeForError(error, log)));
    }
  });
}

const commandSchema = z.string().max(MAX_COMMAND_LENGTH);

export const unknownCommandText = (inGroup: boolean): string =>
  inGroup
    ? "Sorry, I didn't understand that. Mention me and type **help** to see what I can do."
    : "Sorry, I didn't understand that. Type **help** to see what I can do.";
