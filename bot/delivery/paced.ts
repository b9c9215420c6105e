import type { ChatOpener } from '../domain/conversations/ports';
import { isDeliveryError } from '../domain/messaging';
import type { RosterReader } from '../domain/rosters/ports';
import { type Backoff, backoffMs } from '../retry';
import type { RateLimiter } from './rate-limit';
import { isAbort } from './timer';

export interface PacingOptions {
  /** How long to pause the process when Teams throttles without saying for how long. */
  backoff: Backoff;
  /** 429s in a row for one request before it fails like any transient failure. */
  maxThrottled?: number;
  signal?: AbortSignal;
  /** Asked once the limiter lets the request go; false abandons it (the caller's claim ran out). */
  beforeSend?: () => Promise<boolean>;
}

export const ABANDONED = Symbol('abandoned');

/**
 * One request to Teams, made the way Teams asks: when the rate limiter allows it (the
 * app's BROADCAST_MAX_RPS and the per-conversation windows, keyed by `key`), with a 429
 * pausing every request of the process (Retry-After, or a back-off when Teams gives none)
 * and then trying again. Any other failure is thrown for the caller to judge. Sends,
 * opened chats and roster pages all go through here: Teams counts them all.
 */
export async function paced<T>(limiter: RateLimiter, key: string, work: () => Promise<T>, options: PacingOptions): Promise<T | typeof ABANDONED> {
  const maxThrottled = options.maxThrottled ?? 10;
  for (let throttled = 0; ; ) {
    const settle = await limiter.acquire(key, options.signal);
    try {
      if (options.beforeSend && !(await options.beforeSend())) return ABANDONED;
      return await work();
    } catch (error) {
      if (options.signal?.aborted && isAbort(error)) throw error;
      if (!isDeliveryError(error) || error.failure !== 'throttled' || throttled >= maxThrottled) throw error;
      throttled++;
      limiter.pause(error.retryAfterMs ?? backoffMs(throttled, options.backoff));
    } finally {
      settle();
    }
  }
}

const done = <T>(result: T | typeof ABANDONED): T => {
  if (result === ABANDONED) throw Object.assign(new Error('abandoned'), { name: 'AbortError' });
  return result;
};

/**
 * Opening a personal chat is a request to Teams like a send (Teams' per-thread limits
 * list "Create conversation" beside "Send to conversation"): paced on the person's own
 * key, since the chat's id is not known until Teams answers.
 */
export const pacedOpener = (opener: ChatOpener, limiter: RateLimiter, backoff: Backoff): ChatOpener => ({
  open: async (target, signal) => done(await paced(limiter, `open:${target.teamsUserId || target.userAadObjectId}`, () => opener.open(target, signal), { backoff, signal })),
});

/** Reading a roster's pages counts against the app's rate too. */
export const pacedReader = (reader: RosterReader, limiter: RateLimiter, backoff: Backoff): RosterReader => ({
  page: async (roster, token, signal) => done(await paced(limiter, roster.rosterId, () => reader.page(roster, token, signal), { backoff, signal })),
});
