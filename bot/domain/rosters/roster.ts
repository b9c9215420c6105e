/**
 * Who is in the teams and group chats the bot is installed in: the people Teams lets it
 * message without their having opened a chat with it ("install the app for the user, or
 * make the user a part of a team in which the app is installed": Teams, "Send proactive
 * messages"). Ids only: no names are kept, so none can reach a log or a card by mistake.
 */
export type RosterScope = 'team' | 'groupChat';

/** One person in one team or group chat, with what opening a personal chat with them needs. */
export interface RosterMember {
  /** The team id (for a team) or the group chat's conversation id. */
  rosterId: string;
  /** Entra object id, lower case. */
  userAadObjectId: string;
  /** Teams' id for them ("29:..."): who a new personal chat is with. */
  teamsUserId: string;
  tenantId?: string;
  /** Where the connector for their team is; a personal chat is opened there. */
  serviceUrl: string;
  /** The bot's id in that team ("28:..."). */
  botId: string;
  /** The roster read (or membership event) that last saw them. */
  generation: number;
  seenAt: string;
}

/**
 * Reading a team's or chat's members, page by page, in the background. Saved after every
 * page, so a read stopped by a crash goes on from the page after the last one saved.
 */
export type RosterStatus =
  /** Pages still to read (a new install, or the bot added again). */
  | 'reading'
  /** Every member recorded; membership events keep it current. */
  | 'done'
  /** The bot was removed: its members' records are being deleted. */
  | 'removing'
  /** Teams kept refusing the read: nobody is retried for ever. */
  | 'failed';

export interface Roster {
  rosterId: string;
  scope: RosterScope;
  tenantId?: string;
  serviceUrl: string;
  botId: string;
  status: RosterStatus;
  /** Bumped by each full read; members a finished read did not see have left. */
  generation: number;
  /** Where the next page starts; undefined before the first page. */
  continuationToken?: string;
  pages: number;
  members: number;
  /** Failed attempts at the current page, and when the next may be made. */
  attempts: number;
  notBefore: string;
  reason?: string;
  queuedAt: string;
  finishedAt?: string;
  removedAt?: string;
  updatedAt: string;
}

/** A member as a page of the connector's member list gives them (only what we keep). */
export interface MemberFacts {
  teamsUserId: string;
  userAadObjectId: string;
  tenantId?: string;
}

/** Teams' largest page of members (GET .../pagedmembers?pageSize=500). */
export const ROSTER_PAGE_SIZE = 500;

/** Failed attempts at one page before the read is given up as failed. */
export const MAX_ROSTER_ATTEMPTS = 6;
