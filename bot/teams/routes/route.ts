import type { TurnContext } from 'botbuilder';
import type { z } from 'zod/v4';
import type { AdaptiveCardJson } from '../../../cards/template';
import type { Actor } from '../../domain/actor';
import { parseInput } from '../../domain/validation';
import type { Logger } from '../../log';

/** What a route handler gets: the turn, plus the few things every handler needs. */
export interface Turn {
  context: TurnContext;
  log: Logger;
  /** The person who sent this; throws `no_identity` when Teams did not say. */
  actor(): Actor;
  inGroup: boolean;
  /** Teams user ids whose clients should refresh a card posted in this conversation. */
  refreshUserIds(): Promise<string[]>;
  /** Sends cards (several go as one carousel message) or a line of text to this conversation or thread. */
  reply(content: ReplyContent): Promise<void>;
  /**
   * Sends `content` to the person's personal chat with the bot; returns the short note to
   * show where they asked instead (bot/teams/private-reply.ts).
   */
  sendPrivately(content: ReplyContent): Promise<AdaptiveCardJson>;
}

export type ReplyContent = string | AdaptiveCardJson | AdaptiveCardJson[];

export interface CommandRoute {
  /** What people type, lower case, e.g. "my events". */
  name: string;
  description: string;
  aliases?: string[];
  /** Left out of the help card (organiser-only commands show in their own help). */
  hidden?: boolean;
  /** Its answer holds personal details: see `personalData`. */
  personalData?: boolean;
  /** `rest` is whatever followed the command name, normalised. */
  run(turn: Turn, rest: string): Promise<void>;
}

export interface ActionRoute {
  verb: string;
  /** The card data the verb accepts (what `run` parses with); tests generate data it refuses. */
  data?: z.ZodType;
  /** Its answer holds personal details: see `personalData`. */
  personalData?: boolean;
  run(turn: Turn, data: unknown): Promise<AdaptiveCardJson>;
}

/**
 * Marks a route whose answer lists people's names, schools, needs or contributions (an
 * organiser's or lead's list, or a person's own). Asked for in a group chat or channel,
 * its answer goes to the person's personal chat and the conversation gets a short note:
 * the dispatchers (commands.ts, card-actions.ts) do this, so a route cannot forget it.
 */
export const personalData = <R extends CommandRoute | ActionRoute>(route: R): R => ({ ...route, personalData: true });

/** Declares a card action whose data is parsed by `schema` before `run` sees it. */
export function cardAction<S extends z.ZodType>(
  verb: string,
  schema: S,
  run: (turn: Turn, data: z.infer<S>) => Promise<AdaptiveCardJson>,
): ActionRoute {
  return { verb, data: schema, run: (turn, data) => run(turn, parseInput(schema, data, 'card data')) };
}

/** A file someone sent in a personal chat (Teams' file download info: a short-lived, pre-authorised link). */
export interface IncomingFile {
  name: string;
  /** e.g. "csv", "json", "xlsx". */
  fileType: string;
  downloadUrl: string;
}

export interface FileRoute {
  run(turn: Turn, file: IncomingFile): Promise<void>;
}

/** One feature's routes; `bot/teams/app.ts` composes them. */
export interface RouteModule {
  commands?: CommandRoute[];
  actions?: ActionRoute[];
  /** What to do with a file sent to the bot (one feature takes files: the programme import). */
  files?: FileRoute;
}
