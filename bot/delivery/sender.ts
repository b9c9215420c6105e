import type { ConversationReferenceData, ConversationScope } from '../domain/conversations/conversation';
import { isDeliveryError, type Messenger, type OutgoingMessage } from '../domain/messaging';
import type { RateLimiter } from './rate-limit';
import { backoffMs } from '../retry';
import { decideAfterFailure, type FailureDecision, type RetryPolicy } from './failures';
import { isAbort } from './timer';

/**
 * One proactive request, sent the way Teams asks: after the rate limiter allows it, with
 * a 429 pausing every sender of the process (Retry-After, or a back-off when Teams gives
 * none) and then trying again, and any other failure classified for the caller to record.
 * Broadcasts use it for every copy; reminders and notices can use it as it is.
 */
export interface PacedRequest {
  conversation: ConversationReferenceData;
  message: OutgoingMessage;
  /** Replace this earlier message (an update) instead of posting a new one. */
  replaces?: string;
  /** Which attempt this is for the caller's records (1 = first); decides when a transient failure is final. */
  attempt: number;
  /** Where it is going (a person's chat unless said): how a refusal is put in words. */
  scope?: ConversationScope;
  /**
   * Asked after the rate limiter lets the request go and just before sending. Returning
   * false abandons it, e.g. when the caller's claim on the work ran out while it waited.
   */
  beforeSend?: () => Promise<boolean>;
}

export type PacedResult = { kind: 'sent'; messageId: string } | { kind: 'abandoned' } | FailureDecision;

export interface PacedSender {
  /** Rejects only when `signal` aborts; then whether Teams got the request is unknown. */
  send(request: PacedRequest, signal?: AbortSignal): Promise<PacedResult>;
}

export interface PacedSenderDeps {
  messenger: Messenger;
  limiter: RateLimiter;
  policy: RetryPolicy;
  /** 429s in a row for one request before it is treated like any transient failure. */
  maxThrottled?: number;
}

export function createPacedSender(deps: PacedSenderDeps): PacedSender {
  const maxThrottled = deps.maxThrottled ?? 10;
  return {
    send: async (request, signal) => {
      const conversationId = request.conversation.conversation.id;
      for (let throttled = 0; ; ) {
        const settle = await deps.limiter.acquire(conversationId, signal);
        try {
          if (request.beforeSend && !(await request.beforeSend())) return { kind: 'abandoned' };
          if (request.replaces) {
            await deps.messenger.update(request.conversation, request.replaces, request.message, { signal });
            return { kind: 'sent', messageId: request.replaces };
          }
          const { id } = await deps.messenger.send(request.conversation, request.message, { signal });
          return { kind: 'sent', messageId: id };
        } catch (error) {
          if (signal?.aborted && isAbort(error)) throw error;
          if (isDeliveryError(error) && error.failure === 'throttled' && throttled < maxThrottled) {
            throttled++;
            deps.limiter.pause(error.retryAfterMs ?? backoffMs(throttled, deps.policy));
            continue;
          }
          return decideAfterFailure(error, request.attempt, deps.policy, request.scope);
        } finally {
          settle();
        }
      }
    },
  };
}
