import { SlidingWindow } from './sliding-window';
import { abortable, napUnless, type Timer } from './timer';

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

export interface RateLimiterOptions {
  /** Requests per second for the whole app (tenant-wide): BROADCAST_MAX_RPS. */
  perSecond: number;
  perConversation?: readonly Window[];
  timer: Timer;
}

/** Call when the request's answer (or failure) has come back. */
export type Settle = () => void;

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
  private settled: { promise: Promise<void>; wake: () => void };
  private grants = 0;

  constructor(options: RateLimiterOptions) {
    this.global = new SlidingWindow(options.perSecond, 1000);
    this.conversationLimits = options.perConversation ?? PER_CONVERSATION_LIMITS;
    this.timer = options.timer;
    this.settled = this.nextSettle();
  }

  /** Stops every request until `ms` from now (or later, if already paused longer). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.timer.now() + ms);
  }

  /** Milliseconds until requests may flow again (0 when not paused). */
  pausedFor(): number {
    return Math.max(0, this.pausedUntil - this.timer.now());
  }

  /** Resolves with the function to call once the request has been answered. */
  async acquire(conversationId: string, signal?: AbortSignal): Promise<Settle> {
    const windows = this.windowsOf(conversationId);
    await this.serialise(conversationId, async () => {
      // This conversation's own limits first, outside the global queue.
      await this.waitUntil(() => this.conversationNextAt(windows), signal);
      const previous = this.globalQueue;
      let release!: () => void;
      this.globalQueue = new Promise<void>((resolve) => (release = resolve));
      try {
        await previous;
        await this.waitUntil(() => Math.max(this.global.nextAt(this.timer.now()), this.conversationNextAt(windows)), signal);
        this.global.take();
        windows.forEach((w) => w.take());
      } finally {
        release();
      }
    });
    if (++this.grants % 4096 === 0) this.forgetIdle();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const at = this.timer.now();
      this.global.settle(at);
      windows.forEach((w) => w.settle(at));
      this.settled.wake();
    };
  }

  private conversationNextAt(windows: SlidingWindow[]): number {
    const now = this.timer.now();
    return windows.reduce((at, w) => Math.max(at, w.nextAt(now)), Math.max(now, this.pausedUntil));
  }

  /** Sleeps until `nextAt()` is not in the future, looking again after each sleep or answer (a pause may have come in). */
  private async waitUntil(nextAt: () => number, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      const wait = nextAt() - this.timer.now();
      if (wait <= 0) return;
      const answered = this.settled.promise;
      if (wait === Infinity) {
        await abortable(answered, signal);
        continue;
      }
      await napUnless(this.timer, wait, answered, signal);
      signal?.throwIfAborted();
    }
  }

  private nextSettle(): { promise: Promise<void>; wake: () => void } {
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => (wake = resolve));
    return {
      promise,
      wake: () => {
        this.settled = this.nextSettle();
        wake();
      },
    };
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
  private forgetIdle(): void {
    const now = this.timer.now();
    for (const [id, windows] of this.conversations) {
      if (!this.conversationQueues.has(id) && windows.every((w) => w.idleSince(now))) this.conversations.delete(id);
    }
  }

  private async serialise(key: string, work: () => Promise<void>): Promise<void> {
    const previous = this.conversationQueues.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const settled = current.then(
      () => undefined,
      () => undefined,
    );
    this.conversationQueues.set(key, settled);
    try {
      await current;
    } finally {
      if (this.conversationQueues.get(key) === settled) this.conversationQueues.delete(key);
    }
  }
}
