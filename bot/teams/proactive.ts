import { CardFactory, MessageFactory, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReferenceData } from '../domain/conversations/conversation';
import { DeliveryError, type DeliveryFailure, type Messenger, type OutgoingMessage } from '../domain/messaging';

/**
 * Proactive messages through the Bot Connector at the conversation's stored serviceUrl:
 * POST .../activities to send, PUT .../activities/{id} to update, DELETE to withdraw.
 * Connector failures become DeliveryErrors so senders can tell "blocked" from "try later".
 */
export function createMessenger(adapter: TeamsAdapter, botAppId: string): Messenger {
  const withConversation = async <T>(conversation: ConversationReferenceData, work: (context: TurnContext) => Promise<T>): Promise<T> => {
    // The adapter hands errors thrown inside the callback to onTurnError (which only
    // logs), so the outcome is carried out of the callback explicitly.
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    try {
      await adapter.continueConversationAsync(botAppId, conversation as Partial<ConversationReference>, async (context) => {
        withoutHiddenRetries(context);
        try {
          outcome = { ok: true, value: await work(context) };
        } catch (error) {
          outcome = { ok: false, error };
        }
      });
    } catch (error) {
      throw toDeliveryError(error);
    }
    if (!outcome) throw new DeliveryError('failed', undefined, undefined, 'the adapter did not run the send');
    if (!outcome.ok) throw toDeliveryError(outcome.error);
    return outcome.value;
  };

  return {
    send: (conversation, message) =>
      withConversation(conversation, async (context) => {
        const response = await context.sendActivity(toActivity(message));
        return { id: response?.id ?? '' };
      }),
    update: (conversation, messageId, message) =>
      withConversation(conversation, async (context) => {
        await context.updateActivity({ ...toActivity(message), id: messageId });
      }),
    delete: (conversation, messageId) =>
      withConversation(conversation, async (context) => {
        await context.deleteActivity(messageId);
      }),
  };
}

/**
 * The connector client's default pipeline retries 429 and 5xx by itself (up to three
 * times over several seconds), invisible to us: a broadcast could not slow down for a
 * Retry-After, and a caller could not answer in time. Proactive sends remove that
 * policy from this turn's (fresh) client, so every failure comes straight back as a
 * DeliveryError and the sender decides. A test checks that a 429 reaches the connector
 * once.
 */
function withoutHiddenRetries(context: TurnContext): void {
  const connector = context.turnState.get<{ client?: { pipeline?: { removePolicy(p: { name: string }): unknown } } } | undefined>(
    context.adapter.ConnectorClientKey,
  );
  connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
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
