import type { ConversationReferenceData, ConversationScope } from '../domain/conversations/conversation';
import type { Messenger, OutgoingMessage } from '../domain/messaging';
import type { RateLimiter } from './rate-limit';
import { decideAfterFailure, type FailureDecision, type RetryPolicy } from './failures';
import { ABANDONED, paced } from './paced';
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
  /** What a failure of another request to Teams (opening a chat) means, by the same policy as a send's. */
  decide(error: unknown, attempt: number): FailureDecision;
}

export interface PacedSenderDeps {
  messenger: Messenger;
  limiter: RateLimiter;
  policy: RetryPolicy;
  /** 429s in a row for one request before it is treated like any transient failure. */
  maxThrottled?: number;
}

export function createPacedSender(deps: PacedSenderDeps): PacedSender {
  return {
    send: async (request, signal) => {
      const { messenger } = deps;
      const post = async (): Promise<string> => {
        if (!request.replaces) return (await messenger.send(request.conversation, request.message, { signal })).id;
        await messenger.update(request.conversation, request.replaces, request.message, { signal });
        return request.replaces;
      };
      try {
        const options = { backoff: deps.policy, signal, ...(deps.maxThrottled !== undefined ? { maxThrottled: deps.maxThrottled } : {}), ...(request.beforeSend ? { beforeSend: request.beforeSend } : {}) };
        const messageId = await paced(deps.limiter, request.conversation.conversation.id, post, options);
        return messageId === ABANDONED ? { kind: 'abandoned' } : { kind: 'sent', messageId };
      } catch (error) {
        if (signal?.aborted && isAbort(error)) throw error;
        return decideAfterFailure(error, request.attempt, deps.policy, request.scope);
      }
    },
    decide: (error, attempt) => decideAfterFailure(error, attempt, deps.policy),
  };
}
