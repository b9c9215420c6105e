import type { Clock } from '../../clock';
import type { InstalledConversation } from './conversation';
import type { ConversationStore } from './ports';

export interface ConversationsDeps {
  conversations: ConversationStore;
  clock: Clock;
}

/** What an install activity tells us about the conversation. */
export type InstallFacts = Pick<
  InstalledConversation,
  'scope' | 'tenantId' | 'teamId' | 'channelId' | 'teamName' | 'channelName' | 'userAadObjectId' | 'userEmail' | 'reference'
>;

/** Installing again (or Teams sending both installationUpdate and conversationUpdate) updates one record. */
export async function recordInstalled(deps: ConversationsDeps, facts: InstallFacts): Promise<InstalledConversation> {
  const now = deps.clock.now().toISOString();
  const id = facts.reference.conversation.id;
  const saved = await deps.conversations.update(id, (current) => ({
    conversationId: id,
    // An install whose member lookup failed keeps the email an earlier one found.
    ...(current?.userEmail ? { userEmail: current.userEmail } : {}),
    ...facts,
    active: true,
    installedAt: current?.active ? current.installedAt : now,
    updatedAt: now,
  }));
  // Added back by the person: whatever kept the bot from them before no longer holds.
  if (facts.scope === 'personal' && facts.userAadObjectId) await deps.conversations.clearUnreachable(facts.userAadObjectId);
  // update() only returns undefined when change() does; ours always returns a record.
  return saved as InstalledConversation;
}

/** Removing the bot keeps the record (history of where it was) but stops all sending to it. */
export async function recordRemoved(deps: ConversationsDeps, conversationId: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.conversations.update(conversationId, (current) =>
    current && current.active ? { ...current, active: false, removedAt: now, updatedAt: now } : undefined,
  );
}

/**
 * A person removed the bot from their personal chat (or Teams said they blocked it): the
 * bot does not open a chat with them again, through any team, until they add it back.
 */
export async function recordPersonRemovedBot(deps: ConversationsDeps, aadObjectId: string, conversationId: string): Promise<void> {
  await recordRemoved(deps, conversationId);
  await deps.conversations.markUnreachable({ userAadObjectId: aadObjectId.toLowerCase(), reason: 'removed_app', at: deps.clock.now().toISOString() });
}
