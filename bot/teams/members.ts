import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../log';

/** Teams personalises a card for at most this many people (Universal Actions). */
const REFRESH_MEMBERS = 60;

/**
 * Whose clients refresh a posted card to their own view. A personal chat has one
 * person; in a group chat or channel we ask Teams for the first page of members (Teams
 * personalises at most 60). If that fails the card still works: anyone who clicks gets
 * their own view in the answer.
 */
export async function refreshUserIds(context: TurnContext, inGroup: boolean, log: Logger): Promise<string[]> {
  const self = context.activity.from?.id ? [context.activity.from.id] : [];
  if (!inGroup) return self;
  try {
    const page = await TeamsInfo.getPagedMembers(context, REFRESH_MEMBERS);
    return [...self, ...page.members.map((m) => m.id)];
  } catch (error) {
    log.warn({ err: error, conversationType: context.activity.conversation.conversationType }, 'member list unavailable; refresh limited to the sender');
    return self;
  }
}

/**
 * The work email of the person in a personal chat, from Teams' member details (email, else
 * user principal name), so a colleague booked by email can be told. Undefined when Teams
 * does not say: the chat works without it.
 */
export async function memberEmail(context: TurnContext, log: Logger): Promise<string | undefined> {
  const id = context.activity.from?.id;
  if (!id) return undefined;
  try {
    const member = await TeamsInfo.getMember(context, id);
    const email = [member.email, member.userPrincipalName].find((e) => typeof e === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e));
    return email?.toLowerCase().slice(0, 200);
  } catch (error) {
    log.debug({ err: error }, 'member details unavailable; no email recorded for this chat');
    return undefined;
  }
}
