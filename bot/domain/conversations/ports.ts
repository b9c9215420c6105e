import type { InstalledConversation } from './conversation';

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
}
