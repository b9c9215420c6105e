import type { Messenger, OutgoingMessage } from '../messaging';
import type { ConversationStore } from './ports';

export interface NotifyDeps {
  conversations: ConversationStore;
  messenger: Messenger;
}

export type NotifyOutcome = { sent: true; messageId: string } | { sent: false; reason: 'no_personal_chat' };

/**
 * A message to one person in their personal chat with the bot. Teams only lets a bot
 * message people who have the app, so without a stored, active personal chat there is
 * no one to send to, and the caller decides what that means.
 */
export async function notifyPerson(deps: NotifyDeps, aadObjectId: string, message: OutgoingMessage): Promise<NotifyOutcome> {
  const chat = await deps.conversations.findPersonal(aadObjectId);
  if (!chat) return { sent: false, reason: 'no_personal_chat' };
  const { id } = await deps.messenger.send(chat.reference, message);
  return { sent: true, messageId: id };
}
