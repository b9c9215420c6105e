import type { ConversationReferenceData, InstalledConversation } from '../conversations/conversation';
import { planReach, type ReachDeps } from '../conversations/personal-chats';
import { openingReference, unreachableTotal, type UnreachableReason } from '../conversations/reach';
import type { Recipient } from './broadcast';

/** Who an audience reaches: the conversations to post to (and chats to open), and whom it cannot reach, and why. */
export interface AudienceResolution {
  recipients: Recipient[];
  /** People the audience names whom the bot cannot message. */
  unreachable: number;
  /** Why, by reason (audiences of people; channel audiences name nobody it cannot reach). */
  unreachableWhy?: Partial<Record<UnreachableReason, number>>;
}

/** A new post in a channel goes to the channel itself, not to the thread the bot was installed from. */
export function postReference(conversation: InstalledConversation): ConversationReferenceData {
  if (conversation.scope !== 'channel') return conversation.reference;
  const channelId = conversation.channelId ?? conversation.conversationId.split(';')[0]!;
  return { ...conversation.reference, conversation: { ...conversation.reference.conversation, id: channelId } };
}

export const toRecipient = (conversation: InstalledConversation): Recipient => ({
  conversationId: conversation.conversationId,
  scope: conversation.scope,
  reference: postReference(conversation),
  ...(conversation.userAadObjectId ? { userAadObjectId: conversation.userAadObjectId } : {}),
});

/** Whose card refreshes to their own view: the person of a personal chat, when Teams' id for them is known. */
export const refreshIdsOf = (recipient: Pick<Recipient, 'scope' | 'reference'>): string[] =>
  recipient.scope === 'personal' && recipient.reference.user?.id ? [recipient.reference.user.id] : [];

/**
 * People, each reached personally: in the chat they have, or in one the bot opens when
 * it sends (through a team or chat they share with it, or a Graph install); the rest are
 * counted by reason. Read when the audience is read, so the preview's counts and the
 * delivery records agree.
 */
export async function recipientsOfPeople(deps: ReachDeps, people: readonly string[]): Promise<AudienceResolution> {
  const plan = await planReach(deps, people);
  const opening = plan.toOpen.map(({ target, how }): Recipient => ({
    conversationId: '',
    scope: 'personal',
    reference: openingReference(target),
    userAadObjectId: target.userAadObjectId,
    opensChat: how,
  }));
  return { recipients: [...plan.chats.map(toRecipient), ...opening], unreachable: unreachableTotal(plan.unreachable), unreachableWhy: plan.unreachable };
}
