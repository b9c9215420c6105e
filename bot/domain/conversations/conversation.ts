/**
 * A conversation the bot is installed in: everything needed to message it later
 * (a Bot Framework ConversationReference, kept as plain data so this layer does not
 * depend on botbuilder) plus what broadcasts select on.
 */
export type ConversationScope = 'personal' | 'groupChat' | 'channel';

export interface ConversationReferenceData {
  activityId?: string;
  bot: { id: string; name?: string };
  channelId: string;
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean; name?: string };
  locale?: string;
  serviceUrl: string;
  /** The user of a personal chat; absent for group chats and channels. */
  user?: { id: string; aadObjectId?: string; name?: string };
}

export interface InstalledConversation {
  conversationId: string;
  scope: ConversationScope;
  tenantId?: string;
  teamId?: string;
  /** Teams channel id for channel conversations. */
  channelId?: string;
  /** Names Teams gave at install, to let organisers pick a channel (the General channel often has none). */
  teamName?: string;
  channelName?: string;
  /** For personal chats: whose chat it is (Entra object id). */
  userAadObjectId?: string;
  /**
   * For personal chats: the person's work email (Teams' member details, lower case), so
   * a colleague booked by email can be told (workshops/colleague.ts).
   */
  userEmail?: string;
  reference: ConversationReferenceData;
  active: boolean;
  installedAt: string;
  updatedAt: string;
  removedAt?: string;
}
