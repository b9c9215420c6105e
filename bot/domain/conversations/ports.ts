import type { ConversationReferenceData, InstalledConversation } from './conversation';
import type { RosterReader } from '../rosters/ports';
import type { ChatTarget, UnreachableMark } from './reach';

export interface ConversationStore {
  get(conversationId: string): Promise<InstalledConversation | undefined>;
  /** The person's active personal chat with the bot, if they have installed it. */
  findPersonal(aadObjectId: string): Promise<InstalledConversation | undefined>;
  /** The active personal chat of the person with this work email (as Teams gave it at install), if any. */
  findPersonalByEmail(email: string): Promise<InstalledConversation | undefined>;
  /** Active personal chats of these people (those who have one), one per person. */
  findPersonalMany(aadObjectIds: readonly string[]): Promise<InstalledConversation[]>;
  /** Every active conversation of one scope (broadcast audiences). */
  listActive(scope: InstalledConversation['scope']): Promise<InstalledConversation[]>;
  /**
   * Read-modify-write of one conversation record, guarded by its etag; `change` gets
   * the current record (or undefined) and returns the next one, or undefined to leave it.
   */
  update(
    conversationId: string,
    change: (current: InstalledConversation | undefined) => InstalledConversation | undefined,
  ): Promise<InstalledConversation | undefined>;
  /**
   * Stores a personal chat the bot opened, unless a record of that conversation exists:
   * the stored record either way (so two processes opening one chat keep one reference).
   */
  createOpened(conversation: InstalledConversation): Promise<InstalledConversation>;
  /** Any conversation's address (the bot's id and the connector's URL), for a chat opened through Graph. */
  anyReference(): Promise<ConversationReferenceData | undefined>;
  markUnreachable(mark: UnreachableMark): Promise<void>;
  clearUnreachable(aadObjectId: string): Promise<void>;
  /** The marks held for these people (expired ones included: the caller judges). */
  unreachableMarks(aadObjectIds: readonly string[]): Promise<UnreachableMark[]>;
}

/**
 * Opens a personal chat (Bot Connector POST /v3/conversations with the person, the bot
 * and the tenant, at the service URL of a team they share). Teams answers with the same
 * conversation id for the same person each time. `bot/teams/open-chat.ts` implements it;
 * failures are DeliveryErrors (403: the app is not installed for them, or they blocked it).
 */
export interface ChatOpener {
  open(target: ChatTarget, signal?: AbortSignal): Promise<{ conversationId: string }>;
}

/**
 * Installs the app for a person through Microsoft Graph and finds the chat it gives them
 * (POST /users/{id}/teamwork/installedApps, then .../installedApps/{id}/chat).
 * `bot/graph/installer.ts` implements it; failures are DeliveryErrors.
 */
export interface AppInstaller {
  install(aadObjectId: string, signal?: AbortSignal): Promise<{ chatId: string }>;
}

/** What reaching people takes from Teams and Graph, unpaced: each user paces it with its limiter. */
export interface ReachParts {
  opener: ChatOpener;
  reader: RosterReader;
  /** Present when GRAPH_INSTALL is on. */
  installer?: AppInstaller;
}
