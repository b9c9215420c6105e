import type { InstalledConversation } from './conversation';

export interface ConversationStore {
  get(conversationId: string): Promise<InstalledConversation | undefined>;
  /** The person's active personal chat with the bot, if they have installed it. */
  findPersonal(aadObjectId: string): Promise<InstalledConversation | undefined>;
  /**
   * Read-modify-write of one conversation record, guarded by its etag; `change` gets
   * the current record (or undefined) and returns the next one, or undefined to leave it.
   */
  update(
    conversationId: string,
    change: (current: InstalledConversation | undefined) => InstalledConversation | undefined,
  ): Promise<InstalledConversation | undefined>;
}
