import type { Timer } from './timer';

/**
 * Teams' limits on a bot's messages (msteams-docs, rate-limit.md): per conversation 7 in
 * 1 s, 8 in 2 s, 60 in 30 s and 1800 in an hour; per app per tenant 50 requests a second
 * (BROADCAST_MAX_RPS). Exceeding them earns 429s, so senders ask here before each request.
 */
export interface Window {
  limit: number;
  ms: number;
}

export const PER_CONVERSATION_LIMITS: readonly Window[] = [
  { limit: 7, ms: 1000 },
  { limit: 8, ms: 2000 },
  { limit: 60, ms: 30_000 },
  { limit: 1800, ms: 3_600_000 },
];

/**
 * Requests granted in the last `ms`, oldest first. "At most `limit` in any window of `ms`"
 * holds when a new request waits until the `limit`-th most recent one has left the window.
 */
class SlidingWindow {
  private times: number[] = [];
  private start = 0;

  constructor(
    readonly limit: number,
    readonly ms: number,
  ) {}

  /** The earliest instant, not before `now`, at which one more request fits. */
  nextAt(now: number, marginMs: number): number {
    this.prune(now - this.ms - marginMs);
    const held = this.times.length - this.start;
    if (held < this.limit) return now;
    return Math.max(now, this.times[this.times.length - this.limit]! + this.ms + marginMs);
  }

  record(at: number): void {
    this.times.push(at);
  }

  /** The last grant, or -Infinity: lets idle conversations be forgotten. */
  last(): number {
    return this.times.length > this.start ? this.times[this.times.length - 1]! : -Infinity;
  }

  private prune(before: number): void {
    while (this.start < this.times.length && this.times[this.start]! <= before) this.start++;
    // Compact now and then so the array does not grow for ever.
    if (this.start > 1024 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.start = 0;
    }
  }
}

export interface RateLimiterOptions {
  /** Requests per second for the whole app (tenant-wide): BROADCAST_MAX_RPS. */
  perSecond: number;
  perConversation?: readonly Window[];
  timer: Timer;
  /**
   * Extra time added to every window. We count when we start a request; Teams counts
   * when it arrives, and arrival times jitter by a few milliseconds. Without a margin
   * two requests exactly one window apart on our side can land inside one window on
   * theirs. 25 ms costs 2.5% of the tenant rate.
   */
  marginMs?: number;
}

/**
 * One gate in front of every proactive request of a process. `acquire` resolves when a
 * request to `conversationId` may start without breaking any window; `pause` stops all
 * requests until a time (a 429's Retry-After applies to the app, not to one recipient).
 * Waiters are served in arrival order, except that a request held back by its own
 * conversation's limit does not hold up requests to other conversations.
 */
export class RateLimiter {
  private readonly global: SlidingWindow;
  private readonly conversationLimits: readonly Window[];
  private readonly conversations = new Map<string, SlidingWindow[]>();
  private readonly conversationQueues = new Map<string, Promise<void>>();
  private globalQueue: Promise<void> = Promise.resolve();
  private pausedUntil = -Infinity;
  private readonly timer: Timer;
  private readonly marginMs: number;
  private grants = 0;

  constructor(options: RateLimiterOptions) {
    this.global = new SlidingWindow(options.perSecond, 1000);
    this.conversationLimits = options.perConversation ?? PER_CONVERSATION_LIMITS;
    this.timer = options.timer;
    this.marginMs = options.marginMs ?? 25;
  }

  /** Stops every request until `ms` from now (or later, if already paused longer). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.timer.now() + ms);
  }

  /** Milliseconds until requests may flow again (0 when not paused). */
  pausedFor(): number {
    return Math.max(0, this.pausedUntil - this.timer.now());
  }

  acquire(conversationId: string, signal?: AbortSignal): Promise<void> {
    const windows = this.windowsOf(conversationId);
    return this.serialise(this.conversationQueues, conversationId, async () => {
      // Wait for this conversation's own limits first, outside the global queue.
      await this.waitUntil(() => this.conversationNextAt(windows), signal);
      const previous = this.globalQueue;
      let release!: () => void;
      this.globalQueue = new Promise<void>((resolve) => (release = resolve));
      try {
        await previous;
        await this.waitUntil(() => Math.max(this.global.nextAt(this.timer.now(), this.marginMs), this.conversationNextAt(windows)), signal);
        const at = this.timer.now();
        this.global.record(at);
        windows.forEach((w) => w.record(at));
        if (++this.grants % 4096 === 0) this.forgetIdle(at);
      } finally {
        release();
      }
    });
  }

  private conversationNextAt(windows: SlidingWindow[]): number {
    const now = this.timer.now();
    return windows.reduce((at, w) => Math.max(at, w.nextAt(now, this.marginMs)), Math.max(now, this.pausedUntil));
  }

  /** Sleeps until `nextAt()` is not in the future, re-reading it after each sleep (a pause may have come in). */
  private async waitUntil(nextAt: () => number, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      const wait = nextAt() - this.timer.now();
      if (wait <= 0) return;
      await this.timer.sleep(wait, signal);
    }
  }

  private windowsOf(conversationId: string): SlidingWindow[] {
    let windows = this.conversations.get(conversationId);
    if (!windows) {
      windows = this.conversationLimits.map((w) => new SlidingWindow(w.limit, w.ms));
      this.conversations.set(conversationId, windows);
    }
    return windows;
  }

  /** A broadcast touches each conversation once: forget those with nothing left in any window. */
  private forgetIdle(now: number): void {
    const longest = Math.max(...this.conversationLimits.map((w) => w.ms));
    for (const [id, windows] of this.conversations) {
      if (!this.conversationQueues.has(id) && Math.max(...windows.map((w) => w.last())) < now - longest - this.marginMs) {
        this.conversations.delete(id);
      }
    }
  }

  private async serialise(queues: Map<string, Promise<void>>, key: string, work: () => Promise<void>): Promise<void> {
    const previous = queues.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const settled = current.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, settled);
    try {
      await current;
    } finally {
      if (queues.get(key) === settled) queues.delete(key);
    }
  }
}
