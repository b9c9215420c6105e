import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai/lib/Application';
import { z } from 'zod/v4';
import { renderNoticeCard } from '../../cards/notice';
import type { Logger } from '../log';
import { noticeForError } from './errors';
import { privateTurn } from './private-reply';
import type { CommandRoute, FileRoute, IncomingFile, Turn } from './routes/route';
import { commandTextOf, setRoute } from './turn';

/** Longer than any command plus its arguments: refuse before doing any work. */
export const MAX_COMMAND_LENGTH = 500;

/**
 * The raw text's limit, checked before any pattern reads it: room for the @mention and
 * the HTML Teams wraps round a command of MAX_COMMAND_LENGTH. Without it, a message of
 * 200,000 "<" held a core for 38 s in the tag-stripping regex.
 */
export const MAX_RAW_MESSAGE_LENGTH = 4 * MAX_COMMAND_LENGTH;

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
  files?: FileRoute,
): void {
  app.activity(ActivityTypes.Message, async (context) => {
    const turn = makeTurn(context);
    try {
      const file = files ? fileOf(context.activity) : undefined;
      if (file && files) {
        setRoute(context, 'file');
        await files.run(turn, file);
        return;
      }
      const raw = typeof context.activity.text === 'string' ? context.activity.text : '';
      const checked = raw.length > MAX_RAW_MESSAGE_LENGTH ? undefined : commandSchema.safeParse(commandTextOf(context.activity));
      if (!checked?.success) {
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
      await match.command.run(match.command.personalData ? privateTurn(turn) : turn, match.rest);
    } catch (error) {
      await turn.reply(renderNoticeCard(noticeForError(error, log)));
    }
  });
}

const commandSchema = z.string().max(MAX_COMMAND_LENGTH);

const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const fileInfoSchema = z.object({
  name: z.string().min(1).max(260),
  content: z.object({ downloadUrl: z.url().max(4000), fileType: z.string().max(20).optional() }),
});

/** A file sent in a personal chat arrives as a download-info attachment (bots with supportsFiles). */
function fileOf(activity: Activity): IncomingFile | undefined {
  const attachment = (activity.attachments ?? []).find((a) => a.contentType === FILE_DOWNLOAD_INFO);
  const parsed = fileInfoSchema.safeParse(attachment);
  if (!parsed.success) return undefined;
  const { name, content } = parsed.data;
  return { name, fileType: (content.fileType ?? name.split('.').pop() ?? '').toLowerCase(), downloadUrl: content.downloadUrl };
}

export const unknownCommandText = (inGroup: boolean): string =>
  inGroup
    ? "Sorry, I didn't understand that. Mention me and type **help** to see what I can do."
    : "Sorry, I didn't understand that. Type **help** to see what I can do.";
