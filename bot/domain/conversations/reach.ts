import type { RosterMember } from '../rosters/roster';
import type { ConversationReferenceData, InstalledConversation } from './conversation';

/**
 * Whether and how the bot can message a person. Teams lets a bot message people who have
 * the app: in a personal chat they opened, or as members of a team or group chat it is
 * in, where the bot opens the chat itself; beyond them only after installing the app for
 * the person through Microsoft Graph (GRAPH_INSTALL). The rest it cannot reach, each for
 * a reason organisers are told.
 */
export type UnreachableReason =
  /** In no team or group chat with the bot, and the app is not installed for people through Graph. */
  | 'no_shared_team'
  /** They removed the bot from their personal chat. */
  | 'removed_app'
  /** Teams refused (403): the app is not installed for them, or they blocked the bot. */
  | 'blocked'
  /** Graph could not install the app for them (its answer is in the detail). */
  | 'install_failed';

/** Each reason in the words organisers read ("3 cannot be reached: 2 ..."). */
export const UNREACHABLE_TEXT: Record<UnreachableReason, string> = {
  no_shared_team: 'in no team or chat with the bot',
  removed_app: 'removed the bot',
  blocked: 'blocked the bot or do not have the app',
  install_failed: 'the app could not be installed for them',
};

/**
 * Why the bot does not try a person again: recorded when Teams or Graph refused, or they
 * removed the bot. Cleared when they add the bot themselves; an install failure is tried
 * again after `until` (an admin may have granted the permission since).
 */
export interface UnreachableMark {
  userAadObjectId: string;
  reason: Exclude<UnreachableReason, 'no_shared_team'>;
  /** What Teams or Graph said (a status and code: never content). */
  detail?: string;
  at: string;
  until?: string;
}

export const markHolds = (mark: UnreachableMark, now: Date): boolean => !mark.until || new Date(mark.until) > now;

/** How a chat is opened for someone who has none: through a team they share with the bot, or by installing the app. */
export type OpensChat = 'roster' | 'graph';

/** Where and as whom to open a chat: the bot, the connector, the person (their Teams id when known). */
export interface ChatTarget {
  userAadObjectId: string;
  /** Teams' id for them; empty when only their Entra id is known (a Graph install). */
  teamsUserId: string;
  tenantId?: string;
  serviceUrl: string;
  botId: string;
}

/** The reference a chat will have once opened: everything but its id (empty). */
export function openingReference(target: ChatTarget, conversationId = ''): ConversationReferenceData {
  return {
    bot: { id: target.botId },
    channelId: 'msteams',
    conversation: { id: conversationId, conversationType: 'personal', isGroup: false, ...(target.tenantId ? { tenantId: target.tenantId } : {}) },
    serviceUrl: target.serviceUrl,
    user: { id: target.teamsUserId, aadObjectId: target.userAadObjectId },
  };
}

export const targetOfMember = (member: RosterMember): ChatTarget => ({
  userAadObjectId: member.userAadObjectId,
  teamsUserId: member.teamsUserId,
  ...(member.tenantId ? { tenantId: member.tenantId } : {}),
  serviceUrl: member.serviceUrl,
  botId: member.botId,
});

/** The target a reference describes (a planned recipient's, carried in its delivery record). */
export const targetOfReference = (reference: ConversationReferenceData): ChatTarget => ({
  userAadObjectId: reference.user?.aadObjectId ?? '',
  teamsUserId: reference.user?.id ?? '',
  ...(reference.conversation.tenantId ? { tenantId: reference.conversation.tenantId } : {}),
  serviceUrl: reference.serviceUrl,
  botId: reference.bot.id,
});

/** What the plan for an audience of people found. */
export interface ReachPlan {
  /** People with an active personal chat. */
  chats: InstalledConversation[];
  /** People without one whom the bot can open one for, and how. */
  toOpen: { target: ChatTarget; how: OpensChat }[];
  /** People it cannot reach, counted by reason. */
  unreachable: Partial<Record<UnreachableReason, number>>;
}

export const unreachableTotal = (counts: Partial<Record<UnreachableReason, number>>): number =>
  Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);

/** Each reason that counts anyone, with its count, in the order recorded. */
export const unreachableEntries = (counts: Partial<Record<UnreachableReason, number>> | undefined): [UnreachableReason, number][] =>
  (Object.entries(counts ?? {}) as [UnreachableReason, number][]).filter(([, n]) => n > 0);

/** "2 in no team or chat with the bot, 1 removed the bot": the most common first. */
export function unreachableText(counts: Partial<Record<UnreachableReason, number>>): string {
  return unreachableEntries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${n.toLocaleString('en-GB')} ${UNREACHABLE_TEXT[reason]}`)
    .join(', ');
}
