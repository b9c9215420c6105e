import { renderNoticeCard } from '../../cards/notice';
import type { AdaptiveCardJson } from '../../cards/template';
import type { Actor } from '../domain/actor';
import { type NotifyDeps, notifyPerson } from '../domain/conversations/notify';
import { isDeliveryError, type OutgoingMessage } from '../domain/messaging';
import type { Logger } from '../log';
import type { ReplyContent, Turn } from './routes/route';

export interface PrivateReplyDeps extends NotifyDeps {
  log: Logger;
}

/**
 * Personal details never go into a group chat or channel, where everyone in it (and
 * anyone added later) would read them. Asked for there, the answer goes to the person's
 * own chat with the bot (the same way reminders go: opened for them when they have none,
 * since they share this team or chat with the bot), and the conversation gets a note
 * that says where it went, or how to open that chat, and nothing more.
 */
export async function sendPrivately(deps: PrivateReplyDeps, actor: Actor, botName: string, content: ReplyContent): Promise<AdaptiveCardJson> {
  try {
    const outcome = await notifyPerson(deps, actor.aadObjectId, messageOf(content));
    if (outcome.sent) {
      return renderNoticeCard({
        title: 'Sent to you privately',
        message: 'It holds personal details, so I have sent it to your personal chat with me instead of posting it here.',
        tone: 'good',
      });
    }
    if (outcome.reason === 'removed_app') return openChatNote(botName, 'Add me back to your personal chat first', 'you removed me from it');
    if (outcome.reason === 'blocked') return chatClosedNote(botName);
    return openChatNote(botName, 'Open your personal chat with me first', 'you have not opened one yet');
  } catch (error) {
    if (!isDeliveryError(error)) throw error;
    // The failure kind only: the content is what must not leave the person's chat.
    deps.log.warn({ failure: error.failure, status: error.status }, 'private answer not delivered');
    if (error.failure === 'not_found') return chatClosedNote(botName);
    return renderNoticeCard({
      title: 'Please try again in a moment',
      message: 'I could not send it to your personal chat just now. It holds personal details, so it is not posted here.',
      tone: 'warning',
    });
  }
}

const chatClosedNote = (botName: string): AdaptiveCardJson =>
  openChatNote(botName, 'I could not reach your personal chat', 'Teams says that chat is closed or the app was removed from it');

function openChatNote(botName: string, title: string, why: string): AdaptiveCardJson {
  return renderNoticeCard({
    title,
    message: `It holds personal details, so I only send it to your personal chat with me, and ${why}. Nothing was posted here.`,
    hint: `In Teams, select Apps, find "${botName}" and select Open (or start a new chat and search for "${botName}"). Say "hi" there, then ask again.`,
    tone: 'warning',
  });
}

/** A reply (text, a card, or several cards) as a message to send. */
export const messageOf = (content: ReplyContent): OutgoingMessage =>
  typeof content === 'string' ? { text: content } : { cards: Array.isArray(content) ? content : [content] };

/** The turn a personal-data command runs with: in a group chat or channel its replies go privately and a note stays here. */
export function privateTurn(turn: Turn): Turn {
  if (!turn.inGroup) return turn;
  return { ...turn, reply: async (content) => turn.reply(await turn.sendPrivately(content)) };
}
