import type { Activity } from 'botbuilder';

/**
 * Activity factories in the style of teams-ai's TestUtilities (createTestInvoke,
 * createTestConversationUpdate): the shapes Teams sends, with ids tests can vary.
 */
export interface TestUser {
  id: string;
  aadObjectId?: string;
  name?: string;
}

export interface TestConversation {
  id: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  tenantId?: string;
  teamId?: string;
}

export const BOT = { id: '28:nlc-bot', name: 'NLC' };
export const TENANT = '11111111-2222-3333-4444-555555555555';

let counter = 0;
const nextId = (): string => `activity-${++counter}`;

export function testUser(n: number): TestUser {
  const hex = n.toString(16).padStart(12, '0');
  return { id: `29:user-${n}`, aadObjectId: `00000000-0000-4000-8000-${hex}`, name: `Test User ${n}` };
}

export function personalChat(user: TestUser): TestConversation {
  return { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: TENANT };
}

export const groupChat = (id = '19:group-chat@thread.v2'): TestConversation => ({ id, conversationType: 'groupChat', tenantId: TENANT });

export const channelThread = (teamId = '19:team@thread.tacv2', messageId = '1700000000000'): TestConversation => ({
  id: `${teamId};messageid=${messageId}`,
  conversationType: 'channel',
  tenantId: TENANT,
  teamId,
});

function base(serviceUrl: string, conversation: TestConversation, from: TestUser): Partial<Activity> {
  return {
    id: nextId(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date(),
    locale: 'en-GB',
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name ?? '' },
    recipient: BOT,
    conversation: {
      id: conversation.id,
      conversationType: conversation.conversationType,
      tenantId: conversation.tenantId,
      isGroup: conversation.conversationType !== 'personal',
      name: '',
    },
    channelData: {
      tenant: { id: conversation.tenantId },
      ...(conversation.teamId
        ? { team: { id: conversation.teamId }, channel: { id: conversation.teamId } }
        : {}),
    },
  };
}

export function createTestMessage(serviceUrl: string, conversation: TestConversation, from: TestUser, text: string): Partial<Activity> {
  const mention = conversation.conversationType === 'personal' ? '' : `<at>${BOT.name}</at> `;
  return {
    ...base(serviceUrl, conversation, from),
    type: 'message',
    text: `${mention}${text}`,
    entities: mention
      ? [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { id: BOT.id, name: BOT.name } }]
      : [],
  };
}

export function createTestInvoke(
  serviceUrl: string,
  conversation: TestConversation,
  from: TestUser,
  verb: string,
  data: unknown,
  options: { trigger?: 'manual' | 'automatic'; replyToId?: string } = {},
): Partial<Activity> {
  return {
    ...base(serviceUrl, conversation, from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: options.replyToId ?? 'posted-card-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' },
  };
}

export function createTestConversationUpdate(
  serviceUrl: string,
  conversation: TestConversation,
  from: TestUser,
  change: { membersAdded?: { id: string; name: string; aadObjectId?: string }[]; membersRemoved?: { id: string; name: string; aadObjectId?: string }[] },
): Partial<Activity> {
  return { ...base(serviceUrl, conversation, from), type: 'conversationUpdate', ...change };
}

export function createTestInstallationUpdate(
  serviceUrl: string,
  conversation: TestConversation,
  from: TestUser,
  action: 'add' | 'remove',
): Partial<Activity> {
  return { ...base(serviceUrl, conversation, from), type: 'installationUpdate', action };
}

/** A message extension invoke (composeExtension/query, composeExtension/queryLink) as Teams sends it from a compose box. */
export function createTestComposeInvoke(serviceUrl: string, conversation: TestConversation, from: TestUser, name: string, value: unknown): Partial<Activity> {
  const activity = base(serviceUrl, conversation, from);
  return { ...activity, type: 'invoke', name, value, channelData: { ...(activity.channelData as object), source: { name: 'compose' } } };
}

/** A search for `text` with the NLC command (the manifest's composeExtensions command). */
export const createTestSearch = (serviceUrl: string, conversation: TestConversation, from: TestUser, text: string, queryOptions = { skip: 0, count: 25 }): Partial<Activity> =>
  createTestComposeInvoke(serviceUrl, conversation, from, 'composeExtension/query', { commandId: 'findNlc', parameters: [{ name: 'query', value: text }], queryOptions });
