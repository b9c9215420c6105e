/**
 * The one retry policy: how long to wait before trying again, and the loop that tries
 * again. Every back-off in the bot is worked out here: a Cosmos write that met a passing
 * failure (bot/data/cosmos), an etag race, an outcome record a busy store refused
 * (bot/jobs/broadcasts), a Teams send that failed or was throttled (bot/delivery), a
 * promotion notice waiting for its next try (bot/domain/workshops), a roster page Teams
 * would not give (bot/domain/rosters), a Graph request throttled with Retry-After (bot/graph).
 */
export interface Backoff {
  /** The first wait's ceiling; it doubles with each attempt, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * How the wait is drawn under its ceiling. 'equal' (the default): half fixed, half
   * random, so a retry never comes at once (Teams' guidance for a service asking us to
   * slow down). 'full': anywhere from nothing to the ceiling, so writers who lost one race
   * spread out at once. 'none': the ceiling itself (a schedule people read, "1, 2, 4 minutes").
   */
  jitter?: 'equal' | 'full' | 'none';
  random?: () => number;
}

/** The wait after attempt `attempt` (1 for the first) failed. */
export function backoffMs(attempt: number, backoff: Backoff): number {
  const ceiling = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const random = backoff.random ?? Math.random;
  switch (backoff.jitter ?? 'equal') {
    case 'none':
      return ceiling;
    case 'full':
      return random() * ceiling;
    case 'equal':
      return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  }
}

export interface RetryOptions extends Backoff {
  /** Tries in all, the first included. */
  attempts: number;
  /** Whether this failure (of try `attempt`) is worth another try; anything else is thrown at once. */
  retryable: (error: unknown, attempt: number) => boolean;
  /** How long the failure itself asks us to wait (a Retry-After), instead of the back-off; undefined: the back-off. */
  waitOf?: (error: unknown) => number | undefined;
  /** What to throw when the last try failed in a retryable way (default: that failure). */
  exhausted?: (error: unknown) => unknown;
  /** Waits `ms` (default: a timer); tests pass their own. */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` until it succeeds, fails in a way not worth retrying, or runs out of tries. */
export async function withRetries<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? sleepFor;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (!options.retryable(error, attempt)) throw error;
      if (attempt >= options.attempts) throw options.exhausted ? options.exhausted(error) : error;
      await sleep(options.waitOf?.(error) ?? backoffMs(attempt, options));
    }
  }
}
