import type { Clock } from '../../clock';
import { isDeliveryError } from '../messaging';
import type { RosterStore } from '../rosters/ports';
import type { InstalledConversation } from './conversation';
import type { AppInstaller, ChatOpener, ConversationStore } from './ports';
import { recordRemoved } from './service';
import { type ChatTarget, markHolds, type OpensChat, openingReference, type ReachPlan, targetOfMember, type UnreachableReason } from './reach';

export interface PersonalChatsDeps {
  conversations: ConversationStore;
  rosters: Pick<RosterStore, 'membershipsOf'>;
  /** Opens a chat through the connector; paced by the process's rate limiter (bot/delivery). */
  opener: ChatOpener;
  /** Installs the app through Graph (GRAPH_INSTALL); absent: only people in a team or chat with the bot are reached. */
  installer?: AppInstaller;
  clock: Clock;
}

/** What planning who can be reached needs: no connector (nothing is sent). */
export type ReachDeps = Omit<PersonalChatsDeps, 'opener'>;

export type ChatOutcome =
  | { kind: 'chat'; conversation: InstalledConversation; opened: boolean }
  | { kind: 'unreachable'; reason: UnreachableReason; detail?: string };

/** How long an install Graph refused is not tried again (an admin may grant the permission meanwhile). */
const INSTALL_RETRY_MS = 24 * 3_600_000;

/**
 * The one place a personal chat comes from, for every personal message the bot sends
 * (promotions, private answers, reminders, broadcasts, notices): the chat the person
 * has, or one the bot opens now, or the reason there is none. A chat opened is stored
 * create-once, so two processes opening it at once keep one reference.
 */
export interface PersonalChats {
  reach(aadObjectId: string, signal?: AbortSignal): Promise<ChatOutcome>;
  /** Opens a chat a plan found (planReach): a broadcast's delivery, without looking again. */
  open(target: ChatTarget, how: OpensChat, signal?: AbortSignal): Promise<ChatOutcome>;
  /** Teams refused a message to this person (403): their chat is closed and not tried again until they add the bot. */
  refused(aadObjectId: string, detail: string, conversationId?: string): Promise<void>;
}

export function createPersonalChats(deps: PersonalChatsDeps): PersonalChats {
  const opening = new Map<string, Promise<ChatOutcome>>();
  const now = (): string => deps.clock.now().toISOString();
  const refused = async (aadObjectId: string, detail: string, conversationId?: string): Promise<void> => {
    if (conversationId) await recordRemoved(deps, conversationId);
    await deps.conversations.markUnreachable({ userAadObjectId: aadObjectId, reason: 'blocked', detail, at: now() });
  };

  const openNow = async (target: ChatTarget, how: OpensChat, signal?: AbortSignal): Promise<ChatOutcome> => {
    let conversationId: string;
    try {
      conversationId = how === 'graph' && deps.installer ? (await deps.installer.install(target.userAadObjectId, signal)).chatId : (await deps.opener.open(target, signal)).conversationId;
    } catch (error) {
      if (!isDeliveryError(error) || !['blocked', 'failed', 'not_found'].includes(error.failure)) throw error;
      const detail = `${how === 'graph' ? 'Graph' : 'Teams'} answered ${error.status ?? error.failure}`;
      if (how === 'roster') await refused(target.userAadObjectId, detail);
      else await deps.conversations.markUnreachable({ userAadObjectId: target.userAadObjectId, reason: 'install_failed', detail, at: now(), until: new Date(deps.clock.now().getTime() + INSTALL_RETRY_MS).toISOString() });
      return { kind: 'unreachable', reason: how === 'graph' ? 'install_failed' : 'blocked', detail };
    }
    const at = now();
    const conversation = await deps.conversations.createOpened({
      conversationId,
      scope: 'personal',
      ...(target.tenantId ? { tenantId: target.tenantId } : {}),
      userAadObjectId: target.userAadObjectId,
      reference: openingReference(target, conversationId),
      active: true,
      installedAt: at,
      updatedAt: at,
    });
    return { kind: 'chat', conversation, opened: true };
  };

  // One request per person at a time in this process: a promotion and a broadcast reaching
  // the same person together open the chat once.
  const open = (target: ChatTarget, how: OpensChat, signal?: AbortSignal): Promise<ChatOutcome> => {
    const key = target.userAadObjectId;
    const known = opening.get(key);
    if (known) return known;
    const started = openNow(target, how, signal).finally(() => opening.delete(key));
    opening.set(key, started);
    return started;
  };

  return {
    open,
    refused,
    reach: async (aadObjectId, signal) => {
      const plan = await planReach(deps, [aadObjectId]);
      const [chat] = plan.chats;
      if (chat) return { kind: 'chat', conversation: chat, opened: false };
      const [next] = plan.toOpen;
      if (next) return open(next.target, next.how, signal);
      const [reason] = Object.keys(plan.unreachable) as UnreachableReason[];
      return { kind: 'unreachable', reason: reason ?? 'no_shared_team' };
    },
  };
}

/**
 * Who of `people` the bot can message, and how: their chats; those it can open one for
 * (through a team or chat they share, else by a Graph install when enabled, at the
 * address of any conversation it knows); the rest counted by reason. A few queries for
 * any number of people (a team of 10,000: about 150).
 */
export async function planReach(deps: ReachDeps, people: readonly string[]): Promise<ReachPlan> {
  const ids = [...new Set(people.map((p) => p.toLowerCase()))];
  const chats = await deps.conversations.findPersonalMany(ids);
  const withChat = new Set(chats.map((c) => c.userAadObjectId));
  let rest = ids.filter((id) => !withChat.has(id));
  const unreachable: ReachPlan['unreachable'] = {};
  const count = (reason: UnreachableReason): void => {
    unreachable[reason] = (unreachable[reason] ?? 0) + 1;
  };
  const now = deps.clock.now();
  const marks = rest.length > 0 ? await deps.conversations.unreachableMarks(rest) : [];
  const marked = new Set(marks.filter((m) => markHolds(m, now)).map((m) => (count(m.reason), m.userAadObjectId)));
  rest = rest.filter((id) => !marked.has(id));
  const members = rest.length > 0 ? await deps.rosters.membershipsOf(rest) : [];
  const toOpen: ReachPlan['toOpen'] = members.map((m) => ({ target: targetOfMember(m), how: 'roster' }));
  const inRoster = new Set(members.map((m) => m.userAadObjectId));
  rest = rest.filter((id) => !inRoster.has(id));
  const route = rest.length > 0 && deps.installer ? await deps.conversations.anyReference() : undefined;
  for (const id of rest) {
    if (route) toOpen.push({ target: { userAadObjectId: id, teamsUserId: '', serviceUrl: route.serviceUrl, botId: route.bot.id, ...(route.conversation.tenantId ? { tenantId: route.conversation.tenantId } : {}) }, how: 'graph' });
    else count('no_shared_team');
  }
  return { chats, toOpen, unreachable };
}
