import type { Feed } from './feeds';
import { call, expectOk, readContext } from './http';
import type { ComposeInvokeResult, Playground, PlaygroundContext, PlaygroundMessage, PlaygroundUser, SentText, TrafficEntry } from './types';

export interface DriverParts {
  url: string;
  port: number;
  context: PlaygroundContext;
  messages: Feed<PlaygroundMessage>;
  traffic: Feed<TrafficEntry>;
  output: () => string;
  stop: () => Promise<void>;
}

export function createDriver({ url, port, context, messages, traffic, output, stop }: DriverParts): Playground {
  const ids = (id: string): string => encodeURIComponent(id);
  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    serviceUrl: `http://localhost:${port}/_connector`,
    context,
    config: () => readContext(url),
    install: async (conversationId) => {
      expectOk('install', await call('POST', `${url}/_debug/conversation/${ids(conversationId)}/installation`, {}));
    },
    sendText: async (conversationId, text, options = {}) => {
      const mention = options.mentionBot ?? conversationId !== context.personalChat.id;
      const from = options.from ?? context.currentUser.id;
      const mentionText = `<at>${context.bot.name}</at>`;
      const fullText = mention ? `${mentionText} ${text}` : text;
      if (from !== context.currentUser.id) {
        const activity = userMessage(context, url, conversationId, userById(context, from), fullText, mention ? mentionText : undefined);
        expectOk('send custom activity', await call('POST', `${url}/_internal/v1/customActivities`, activity));
        return { messageId: activity.id };
      }
      const body = {
        from: { id: from },
        text: fullText,
        textFormat: 'plain', // required: plain, markdown or xml
        ...(mention ? { mentions: [{ mentioned: { id: context.bot.id }, text: mentionText }] } : {}),
      };
      const res = expectOk('send message', await call('POST', `${url}/_conversation/v1/conversations/${ids(conversationId)}/messages`, body));
      return res.body as SentText;
    },
    sendActivity: async (activity) => {
      expectOk('send custom activity', await call('POST', `${url}/_internal/v1/customActivities`, activity));
    },
    customActivityTemplate: async (conversationId, type) => {
      const query = new URLSearchParams({ conversationId, ...(type ? { type } : {}) });
      const res = expectOk('custom activity template', await call('GET', `${url}/_internal/v1/customActivities/template?${query.toString()}`));
      return res.body as Record<string, unknown>;
    },
    invoke: async ({ conversationId, replyToId, verb, data = {}, from = context.currentUser.id }) => {
      const started = Date.now();
      const res = await call('POST', `${url}/_conversation/v1/invoke`, {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        from: { id: from },
        conversation: { id: conversationId },
        replyToId,
      });
      return { status: res.status, body: res.body, elapsedMs: Date.now() - started };
    },
    composeInvoke: async ({ conversationId, name, value, from = context.currentUser.id }) => {
      const res = await call('POST', `${url}/_conversation/v1/invoke`, { name, value, from: { id: from }, conversation: { id: conversationId } });
      return { status: res.status, body: res.body as ComposeInvokeResult['body'] };
    },
    sendCard: async (conversationId, attachment) => {
      const body = { from: { id: context.currentUser.id }, type: 'attachment', attachments: [attachment], attachmentLayout: 'list' };
      const res = expectOk('send card', await call('POST', `${url}/_conversation/v1/conversations/${ids(conversationId)}/messages`, body));
      return res.body as SentText;
    },
    messages: () => [...messages.items],
    waitForMessage: (predicate, options) => messages.waitFor(predicate, options, 'bot message'),
    traffic: () => [...traffic.items],
    waitForTraffic: (predicate, options) => traffic.waitFor(predicate, options, 'bot traffic'),
    output,
    stop: () => (stopped ??= stop()),
  };
}

/** A message activity shaped like the ones the playground itself sends (see the notes). */
function userMessage(
  context: PlaygroundContext,
  url: string,
  conversationId: string,
  user: PlaygroundUser,
  text: string,
  mentionText: string | undefined,
): Record<string, unknown> & { id: string } {
  const channelId = conversationId.split(';')[0] ?? conversationId;
  const team = context.teams.find((t) => t.channels.some((c) => c.id === channelId));
  const isGroup = context.groupChats.some((g) => g.id === conversationId);
  const conversationType = team ? 'channel' : isGroup ? 'groupChat' : 'personal';
  const tenant = { id: context.tenantId };
  return {
    type: 'message',
    id: `custom-${Date.now()}-${Math.random().toString(16).slice(2, 8)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${url.replace('127.0.0.1', 'localhost')}/_connector`,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: context.bot.id, name: context.bot.name },
    conversation: {
      id: conversationId,
      conversationType,
      tenantId: context.tenantId,
      ...(conversationType === 'personal' ? {} : { isGroup: true }),
    },
    text,
    textFormat: 'plain',
    locale: 'en-US',
    entities: mentionText
      ? [{ type: 'mention', mentioned: { id: context.bot.id, name: context.bot.name }, text: mentionText }]
      : [],
    channelData: team ? { tenant, team: { id: team.id }, channel: { id: channelId } } : { tenant },
  };
}

function userById(context: PlaygroundContext, id: string): PlaygroundUser {
  const user = [context.currentUser, ...context.users].find((u) => u.id === id);
  if (!user) throw new Error(`no playground user ${id}; users: ${[context.currentUser, ...context.users].map((u) => u.id).join(', ')}`);
  return user;
}
