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

/** `attempt` is the attempt that just failed (1 for the first). */
export function decideAfterFailure(error: unknown, attempt: number, policy: RetryPolicy): FailureDecision {
  if (!isDeliveryError(error)) {
    return retryOrGiveUp(`error: ${error instanceof Error ? error.message.slice(0, 120) : 'unknown'}`, attempt, policy);
  }
  const status = error.status ? ` (HTTP ${error.status})` : '';
  switch (error.failure) {
    case 'blocked':
      return { kind: 'blocked', reason: `the bot was blocked or removed${status}` };
    case 'not_found':
      return { kind: 'not_found', reason: `the conversation no longer exists${status}` };
    case 'failed':
      return { kind: 'failed', reason: `Teams refused the message${status}` };
    case 'refused':
      return { kind: 'failed', reason: "not sent: the conversation's address is not a Teams service" };
    case 'throttled':
    case 'transient':
      return retryOrGiveUp(`Teams was unavailable${status}`, attempt, policy);
  }
}

function retryOrGiveUp(reason: string, attempt: number, policy: RetryPolicy): FailureDecision {
  if (attempt >= policy.maxAttempts) return { kind: 'failed', reason: `${reason}, ${attempt} attempts` };
  return { kind: 'retry', delayMs: backoffMs(attempt, policy), reason };
}
