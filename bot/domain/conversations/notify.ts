import type { Messenger, OutgoingMessage } from '../messaging';
import { isDeliveryError } from '../messaging';
import type { PersonalChats } from './personal-chats';
import type { UnreachableReason } from './reach';

export interface NotifyDeps {
  chats: PersonalChats;
  messenger: Messenger;
}

export type NotifyOutcome = { sent: true; messageId: string } | { sent: false; reason: UnreachableReason };

/**
 * A message to one person in their personal chat with the bot: the chat they have, or
 * one the bot opens through a team they share with it (PersonalChats). Someone it cannot
 * reach is not sent to, and the caller is told why. A 403 from Teams is recorded, so the
 * person is not tried again until they add the bot; other failures are thrown for the
 * caller to retry or report.
 */
export async function notifyPerson(deps: NotifyDeps, aadObjectId: string, message: OutgoingMessage): Promise<NotifyOutcome> {
  const chat = await deps.chats.reach(aadObjectId);
  if (chat.kind === 'unreachable') return { sent: false, reason: chat.reason };
  try {
    const { id } = await deps.messenger.send(chat.conversation.reference, message);
    return { sent: true, messageId: id };
  } catch (error) {
    if (isDeliveryError(error) && error.failure === 'blocked') {
      await deps.chats.refused(aadObjectId, `Teams answered ${error.status ?? 403}`, chat.conversation.conversationId);
      return { sent: false, reason: 'blocked' };
    }
    throw error;
  }
}
