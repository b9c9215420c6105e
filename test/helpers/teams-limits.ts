/**
 * Teams' documented limits on bot messages, as the stand-in Bot Connector enforces them
 * (msteams-docs, rate-limit.md): per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s, 1800 in
 * an hour; per app per tenant `perSecond` (50) requests a second. Written independently
 * of the bot's own limiter (bot/delivery/rate-limit.ts): it is the referee.
 */
export interface LimitsOptions {
  perSecond: number;
  /** Default true: the per-conversation windows as well. */
  perConversation?: boolean;
  /** What the 429 says (default 1 s). */
  retryAfterSeconds?: number;
}

const CONVERSATION_WINDOWS = [
  { limit: 7, ms: 1000 },
  { limit: 8, ms: 2000 },
  { limit: 60, ms: 30_000 },
  { limit: 1800, ms: 3_600_000 },
];

/** How many of `times` (ascending, ms) fall in the busiest window of `windowMs` (half-open). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

const countSince = (times: readonly number[], since: number): number => {
  let n = 0;
  for (let i = times.length - 1; i >= 0 && times[i]! > since; i--) n++;
  return n;
};

export class TeamsLimits {
  private readonly all: number[] = [];
  private readonly byConversation = new Map<string, number[]>();

  constructor(readonly options: LimitsOptions) {}

  /** Accepts (and counts) a request arriving at `at`, or says how long to wait. */
  admit(conversationId: string | undefined, at: number): { ok: true } | { ok: false; retryAfterSeconds: number; scope: 'tenant' | 'conversation' } {
    const retryAfterSeconds = this.options.retryAfterSeconds ?? 1;
    if (countSince(this.all, at - 1000) >= this.options.perSecond) return { ok: false, retryAfterSeconds, scope: 'tenant' };
    const mine = conversationId ? (this.byConversation.get(conversationId) ?? []) : [];
    if (conversationId && this.options.perConversation !== false) {
      for (const w of CONVERSATION_WINDOWS) {
        if (countSince(mine, at - w.ms) >= w.limit) return { ok: false, retryAfterSeconds, scope: 'conversation' };
      }
    }
    this.all.push(at);
    if (this.all.length > 4 * this.options.perSecond + 100) this.all.splice(0, this.all.length - 2 * this.options.perSecond);
    if (conversationId) {
      mine.push(at);
      this.byConversation.set(conversationId, mine);
    }
    return { ok: true };
  }
}
