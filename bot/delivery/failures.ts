import type { ConversationScope } from '../domain/conversations/conversation';
import { isDeliveryError } from '../domain/messaging';
import { type Backoff, backoffMs } from '../retry';

/**
 * What a failed request means for the recipient. Teams' guidance: 429 -> wait for
 * Retry-After (the whole app, see RateLimiter.pause); 412, 5xx and network failures ->
 * retry with exponential back-off and jitter, up to a limit; 403 (the person blocked or
 * removed the bot) and 404 (the conversation is gone) -> stop and report, never retry.
 */
export type FailureDecision =
  | { kind: 'retry'; delayMs: number; reason: string }
  | { kind: 'blocked'; reason: string }
  | { kind: 'not_found'; reason: string }
  | { kind: 'failed'; reason: string };

/** How a recipient's failed copy is retried: on the broadcast job's later runs, after a back-off (bot/retry.ts). */
export interface RetryPolicy extends Backoff {
  /** Attempts in all (the first included) before a transient failure is final. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000, jitter: 'equal', random: Math.random };

/**
 * Why a copy did not arrive, as the organiser's report says it ("9 not delivered: blocked
 * the app"), in people's words, never an HTTP status. Who "they" are depends on where
 * the copy was going: a person's chat, or a channel.
 */
const WORDS = {
  blocked: { person: 'blocked the app', place: 'the app was removed from the channel or chat' },
  not_found: { person: 'left the team (their chat with the app is gone)', place: 'the channel or chat no longer exists' },
  failed: 'Teams refused the message',
  refused: "the chat's address is not a Teams service",
  busy: 'Teams was busy',
  unexpected: 'an unexpected error',
} as const;

/** `attempt` is the attempt that just failed (1 for the first); `scope`: where the copy was going (a personal chat if not said). */
export function decideAfterFailure(error: unknown, attempt: number, policy: RetryPolicy, scope: ConversationScope = 'personal'): FailureDecision {
  const who = scope === 'personal' ? 'person' : 'place';
  if (!isDeliveryError(error)) return retryOrGiveUp(WORDS.unexpected, attempt, policy);
  switch (error.failure) {
    case 'blocked':
      return { kind: 'blocked', reason: WORDS.blocked[who] };
    case 'not_found':
      return { kind: 'not_found', reason: WORDS.not_found[who] };
    case 'failed':
      return { kind: 'failed', reason: WORDS.failed };
    case 'refused':
      return { kind: 'failed', reason: WORDS.refused };
    case 'throttled':
    case 'transient':
      return retryOrGiveUp(WORDS.busy, attempt, policy);
  }
}

function retryOrGiveUp(reason: string, attempt: number, policy: RetryPolicy): FailureDecision {
  if (attempt >= policy.maxAttempts) return { kind: 'failed', reason: `${reason}, retried ${attempt - 1} ${attempt - 1 === 1 ? 'time' : 'times'}` };
  return { kind: 'retry', delayMs: backoffMs(attempt, policy), reason: `${reason}, retrying` };
}
