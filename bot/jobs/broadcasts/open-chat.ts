import type { Delivery } from '../../domain/broadcasts/broadcast';
import { targetOfReference, UNREACHABLE_TEXT } from '../../domain/conversations/reach';
import type { FailureDecision } from '../../delivery/failures';
import { isAbort } from '../../delivery/timer';
import type { ChatOutcome } from '../../domain/conversations/personal-chats';
import type { RunContext } from './context';

/** The bot could not open a chat with the person: recorded with the reason, not retried. */
export interface Unreachable {
  kind: 'unreachable';
  reason: string;
}

export type ChatStep = { kind: 'chat'; chat: Partial<Pick<Delivery, 'conversationId' | 'reference'>> } | { kind: 'stopped' } | Unreachable | FailureDecision;

/** A record of someone the bot has no chat with, whose chat it has not opened yet. */
const needsChat = (d: Delivery): d is Delivery & Required<Pick<Delivery, 'opensChat'>> => Boolean(d.opensChat) && !d.reference.conversation.id;

/**
 * Where a copy goes: the record's own address, or, for a person the bot has no chat
 * with, a chat opened now through the one place chats come from (PersonalChats, paced
 * like a send). Opening again after a crash is harmless: Teams gives the same chat.
 */
export async function chatFor(run: RunContext, current: Delivery): Promise<ChatStep> {
  if (!needsChat(current)) return { kind: 'chat', chat: {} };
  try {
    const outcome: ChatOutcome = await run.deps.chats.open(targetOfReference(current.reference), current.opensChat, run.abandon);
    if (outcome.kind === 'unreachable') {
      return { kind: 'unreachable', reason: `${UNREACHABLE_TEXT[outcome.reason]}${outcome.detail ? ` (${outcome.detail})` : ''}` };
    }
    return { kind: 'chat', chat: { conversationId: outcome.conversation.conversationId, reference: outcome.conversation.reference } };
  } catch (error) {
    if (isAbort(error)) return { kind: 'stopped' };
    return run.deps.sender.decide(error, current.attempts + 1);
  }
}
