import { type Activity, type TurnContext } from 'botbuilder';
import { aadObjectIdSchema, actorFrom, type Actor } from '../domain/actor';
import type { ConversationReferenceData, ConversationScope } from '../domain/conversations/conversation';
import type { InstallFacts } from '../domain/conversations/service';
import type { MemberFacts } from '../domain/rosters/roster';
import type { RosterFacts } from '../domain/rosters/service';

/**
 * Reading a Teams activity into plain values the domain understands. Nothing here
 * trusts card data: identity comes from `from`, set by Teams and checked by the
 * Bot Connector's token.
 */

export const actorOf = (activity: Activity): Actor => actorFrom(activity.from);

export function scopeOf(activity: Activity): ConversationScope {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || activity.conversation?.isGroup) return 'groupChat';
  return 'personal';
}

export const isGroupScope = (activity: Activity): boolean => scopeOf(activity) !== 'personal';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

const channelDataOf = (activity: Activity): TeamsChannelData =>
  typeof activity.channelData === 'object' && activity.channelData !== null ? (activity.channelData as TeamsChannelData) : {};

/** Everything needed to message this conversation (or edit a message in it) later. */
export function referenceOf(activity: Activity): ConversationReferenceData {
  const data = channelDataOf(activity);
  const scope = scopeOf(activity);
  const conversation = activity.conversation;
  return {
    bot: { id: activity.recipient.id, name: activity.recipient.name },
    channelId: activity.channelId,
    conversation: {
      id: conversation.id,
      conversationType: conversation.conversationType,
      tenantId: conversation.tenantId ?? data.tenant?.id,
      isGroup: conversation.isGroup,
    },
    locale: activity.locale,
    serviceUrl: activity.serviceUrl,
    ...(scope === 'personal'
      ? { user: { id: activity.from.id, aadObjectId: activity.from.aadObjectId } }
      : {}),
  };
}

/** What we keep about a conversation in order to message it later. */
export function installFactsOf(activity: Activity): InstallFacts {
  const data = channelDataOf(activity);
  const scope = scopeOf(activity);
  const reference = referenceOf(activity);
  return {
    scope,
    tenantId: reference.conversation.tenantId,
    teamId: data.team?.id,
    channelId: data.channel?.id,
    ...(data.team?.name ? { teamName: data.team.name.slice(0, 120) } : {}),
    ...(data.channel?.name ? { channelName: data.channel.name.slice(0, 120) } : {}),
    userAadObjectId: scope === 'personal' ? activity.from.aadObjectId?.toLowerCase() : undefined,
    reference,
  };
}

/** The team (for a channel) or group chat whose members this activity concerns; undefined in a personal chat. */
export function rosterFactsOf(activity: Activity): RosterFacts | undefined {
  const scope = scopeOf(activity);
  const rosterId = scope === 'channel' ? channelDataOf(activity).team?.id : scope === 'groupChat' ? activity.conversation.id : undefined;
  if (!rosterId || !activity.serviceUrl || !activity.recipient?.id) return undefined;
  const tenantId = referenceOf(activity).conversation.tenantId;
  return { rosterId, scope: scope === 'channel' ? 'team' : 'groupChat', serviceUrl: activity.serviceUrl, botId: activity.recipient.id, ...(tenantId ? { tenantId } : {}) };
}

/** People in a membersAdded list, by their ids only (the bot itself and anyone without an Entra id left out). */
export function memberFactsOf(members: readonly { id: string; aadObjectId?: string }[] | undefined, activity: Activity): MemberFacts[] {
  return (members ?? []).flatMap((m) => {
    const aad = aadObjectIdSchema.safeParse(m.aadObjectId);
    return m.id && m.id !== activity.recipient?.id && aad.success ? [{ teamsUserId: m.id, userAadObjectId: aad.data }] : [];
  });
}

/**
 * The command a person typed, normalised: the bot's @mention (teams-ai removes the
 * mention entity; some clients leave `<at>` tags or HTML), spacing and case removed.
 * Callers bound the text's length first (commands.ts): every pattern here is linear in
 * it (a tag ends at the next "<" or ">"), but the work still grows with the text.
 */
export function commandTextOf(activity: Activity): string {
  const raw = typeof activity.text === 'string' ? activity.text : '';
  return raw
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?]+$/, '')
    .toLowerCase();
}

/**
 * The card a person clicked (an invoke's `replyToId`) and where it is: the bot can edit
 * it in place later, e.g. a broadcast's status card. The clicker is kept as the user, so
 * the card's refresh goes to them in channels too.
 */
export function clickedCardOf(activity: Activity): { reference: ConversationReferenceData; messageId: string } | undefined {
  if (!activity.replyToId) return undefined;
  const reference = referenceOf(activity);
  return { reference: { ...reference, user: { id: activity.from.id, aadObjectId: activity.from.aadObjectId } }, messageId: activity.replyToId };
}

/** Labels the turn for its log line (route name, never content). */
const ROUTE_KEY = Symbol('nlc.route');
export const setRoute = (context: TurnContext, route: string): void => {
  context.turnState.set(ROUTE_KEY, route);
};
export const routeOf = (context: TurnContext): string | undefined => context.turnState.get<string | undefined>(ROUTE_KEY);
