import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { ConversationReferenceData } from '../domain/conversations/conversation';
import { DeliveryError, type DeliveryFailure, type Messenger, type OutgoingMessage } from '../domain/messaging';
import type { ConnectorClient } from './connector-client';
import { ServiceUrlRefusedError } from './service-urls';

/**
 * Proactive messages through the Bot Connector at the conversation's stored serviceUrl:
 * POST .../activities to send, PUT .../activities/{id} to update, DELETE to withdraw.
 * Every call is made once (connector-client.ts has no hidden retries), and connector
 * failures become DeliveryErrors so senders can tell "blocked" from "try later".
 */
export function createMessenger(client: ConnectorClient): Messenger {
  const activitiesPath = (conversation: ConversationReferenceData, messageId?: string): string =>
    `v3/conversations/${encodeURIComponent(conversation.conversation.id)}/activities${messageId ? `/${encodeURIComponent(messageId)}` : ''}`;

  const call = async (
    method: 'POST' | 'PUT' | 'DELETE',
    conversation: ConversationReferenceData,
    messageId: string | undefined,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<unknown> => {
    try {
      return await client.call(method, conversation.serviceUrl, activitiesPath(conversation, messageId), body, signal);
    } catch (error) {
      // A sender that is stopping gets its abort back, not a delivery failure.
      if (signal?.aborted) throw error;
      throw toDeliveryError(error);
    }
  };

  return {
    send: async (conversation, message, options) => {
      const answer = (await call('POST', conversation, undefined, proactiveActivity(conversation, message), options?.signal)) as { id?: unknown } | undefined;
      return { id: typeof answer?.id === 'string' ? answer.id : '' };
    },
    update: async (conversation, messageId, message, options) => {
      await call('PUT', conversation, messageId, { ...proactiveActivity(conversation, message), id: messageId }, options?.signal);
    },
    delete: async (conversation, messageId, options) => {
      await call('DELETE', conversation, messageId, undefined, options?.signal);
    },
  };
}

/** What botbuilder's continueConversation would send: the message, addressed from the stored reference. */
function proactiveActivity(conversation: ConversationReferenceData, message: OutgoingMessage): Partial<Activity> {
  return {
    ...toActivity(message),
    channelId: conversation.channelId,
    serviceUrl: conversation.serviceUrl,
    conversation: conversation.conversation as Activity['conversation'],
    from: { id: conversation.bot.id, name: conversation.bot.name ?? '' },
    // A chat opened through Graph knows the person by Entra id only until Teams tells the bot more.
    ...(conversation.user?.id ? { recipient: { ...conversation.user, name: conversation.user.name ?? '' } } : {}),
    ...(conversation.locale ? { locale: conversation.locale } : {}),
  };
}

export function toActivity(message: OutgoingMessage): Partial<Activity> {
  const attachments = (message.cards ?? []).map((card) => CardFactory.adaptiveCard(card));
  if (attachments.length === 0) return MessageFactory.text(message.text ?? '');
  const activity = attachments.length === 1 ? MessageFactory.attachment(attachments[0]!) : MessageFactory.carousel(attachments);
  if (message.text) activity.text = message.text;
  return activity;
}

interface ConnectorError {
  statusCode?: number;
  code?: string;
  response?: { headers?: { get?(name: string): string | undefined } | Record<string, string | undefined> };
}

function retryAfterMs(error: ConnectorError): number | undefined {
  const headers = error.response?.headers;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string | undefined> | undefined)?.['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** Teams' documented answers: 403 blocked/uninstalled, 404 gone, 429 throttled, 412/5xx retry. */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof ServiceUrlRefusedError) return new DeliveryError('refused', undefined, undefined, error.message);
  const e = (error ?? {}) as ConnectorError;
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  let failure: DeliveryFailure;
  if (status === 403) failure = 'blocked';
  else if (status === 404) failure = 'not_found';
  else if (status === 429) failure = 'throttled';
  else if (status === undefined || status === 412 || status >= 500) failure = 'transient';
  else failure = 'failed';
  return new DeliveryError(failure, status, retryAfterMs(e), error instanceof Error ? error.message : undefined);
}
