import type { ConnectorCall } from './connector';
import { type LimitsOptions, maxInWindow, TeamsLimits } from './teams-limits';

/**
 * Teams-like behaviour, all off unless asked for (other tests rely on a plain connector).
 * Each can be changed at any time with `behave`.
 */
export interface Behaviour {
  /** Enforce Teams' rate limits: over them, 429 with Retry-After. */
  limits?: LimitsOptions;
  /** Answer this share (0..1) of message requests with one of `statuses` (default 500 and 503). */
  failures?: { share: number; statuses?: number[]; random?: () => number };
  /** Answer 429 with this Retry-After (seconds) to the next `count` message requests. */
  throttleNext?: { count: number; retryAfterSeconds: number };
  /** Answer 429 with this Retry-After (seconds) to every `requests`-th message request. */
  throttleEvery?: { requests: number; retryAfterSeconds: number };
  /** Conversations whose messages get 403 (the person blocked or removed the bot). */
  blocked?: ReadonlySet<string>;
  /** Teams user ids a personal chat cannot be opened with: 403 (the app is not installed for them, or they blocked it). */
  blockedUsers?: ReadonlySet<string>;
  /** Conversations that no longer exist: 404. */
  gone?: ReadonlySet<string>;
  /** Hold matching requests unanswered until `release()` (or close). */
  stall?: (call: ConnectorCall) => boolean;
}

export interface DeliveryStats {
  /** Accepted POSTs of new messages per conversation. */
  postsByConversation: ReadonlyMap<string, number>;
  /** When (Date.now()) each conversation got its first accepted message. */
  firstPostAt: ReadonlyMap<string, number>;
  /** Accepted PUTs (updates) per conversation. */
  updatesByConversation: ReadonlyMap<string, number>;
  /** Accepted requests to open a personal chat, per member (Teams user id). */
  chatsOpened: ReadonlyMap<string, number>;
  /** Pages of members given (GET .../pagedmembers answered 2xx). */
  memberPages: number;
  /** Arrival times (performance.now()) of every request answered 2xx. */
  acceptedAt: readonly number[];
  /** Arrival times of every message request (POST or PUT), whatever the answer: what counts against Teams' limits. */
  requestedAt: readonly number[];
  /** Requests answered 429, and of those how many because a rate limit was really exceeded. */
  throttled: number;
  overLimit: number;
  /** Requests answered with an injected 5xx, 403 or 404. */
  injectedFailures: number;
  /** The busiest window of `ms` among accepted requests. */
  maxInWindow(ms: number): number;
}

export interface Refusal {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Teams' side of the stand-in connector: stalls, injected failures and rate limits on
 * message requests, and what was delivered, for "everyone once" checks.
 */
export class TeamsBehaviour {
  private behaviour: Behaviour = {};
  private limits: TeamsLimits | undefined;
  private readonly held = new Set<() => void>();
  private counters = { throttled: 0, overLimit: 0, injectedFailures: 0, memberPages: 0 };
  private readonly posts = new Map<string, number>();
  private readonly firstPostAt = new Map<string, number>();
  private readonly updates = new Map<string, number>();
  private readonly opened = new Map<string, number>();
  private readonly acceptedAt: number[] = [];
  private readonly requestedAt: number[] = [];
  private messageRequests = 0;

  behave(change: Behaviour): void {
    this.behaviour = { ...this.behaviour, ...change };
    if ('limits' in change) this.limits = change.limits ? new TeamsLimits(change.limits) : undefined;
    if ('stall' in change && !change.stall) this.releaseHeld();
  }

  release(): void {
    this.behaviour = { ...this.behaviour, stall: undefined };
    this.releaseHeld();
  }

  stalled(): number {
    return this.held.size;
  }

  /**
   * Why Teams would refuse this message request, or this request to open a chat with
   * `opensWith` (after holding it, if stalled), or undefined to accept it.
   */
  async refusal(call: ConnectorCall, opensWith?: string): Promise<Refusal | undefined> {
    const b = this.behaviour;
    this.requestedAt.push(call.arrivedAt);
    this.messageRequests++;
    if (b.stall?.(call)) await new Promise<void>((resolve) => this.held.add(resolve));
    const id = call.conversationId ?? '';
    if (opensWith && b.blockedUsers?.has(opensWith)) return this.injected({ status: 403, body: { error: { code: 'Forbidden', message: 'The bot is not installed for this user.' } } });
    if (b.blocked?.has(id)) return this.injected({ status: 403, body: { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } } });
    if (b.gone?.has(id)) return this.injected({ status: 404, body: { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } } });
    if (b.failures) {
      const random = b.failures.random ?? Math.random;
      if (random() < b.failures.share) {
        const statuses = b.failures.statuses ?? [500, 503];
        return this.injected({ status: statuses[Math.floor(random() * statuses.length)]!, body: { error: { code: 'ServiceError' } } });
      }
    }
    if (b.throttleNext && b.throttleNext.count > 0) {
      b.throttleNext.count--;
      return { status: 429, headers: { 'retry-after': String(b.throttleNext.retryAfterSeconds) }, body: { error: { code: 'Throttled' } } };
    }
    if (b.throttleEvery && this.messageRequests % b.throttleEvery.requests === 0) {
      return { status: 429, headers: { 'retry-after': String(b.throttleEvery.retryAfterSeconds) }, body: { error: { code: 'Throttled' } } };
    }
    const admitted = this.limits?.admit(call.conversationId, call.arrivedAt);
    if (admitted && !admitted.ok) {
      this.counters.overLimit++;
      return { status: 429, headers: { 'retry-after': String(admitted.retryAfterSeconds) }, body: { error: { code: 'Throttled', message: `over the ${admitted.scope} limit` } } };
    }
    return undefined;
  }

  /** Counts an answered request (its `status` set). */
  answered(call: ConnectorCall): void {
    const status = call.status ?? 0;
    if (status === 429) this.counters.throttled++;
    if (status < 200 || status >= 300) return;
    this.acceptedAt.push(call.arrivedAt);
    const id = call.conversationId;
    if (call.method === 'GET' && call.path.endsWith('/pagedmembers')) this.counters.memberPages++;
    if (call.method === 'POST' && call.path === '/v3/conversations' && id?.startsWith('create:')) {
      const member = id.slice('create:'.length);
      this.opened.set(member, (this.opened.get(member) ?? 0) + 1);
      return;
    }
    if (!id || !call.path.includes('/activities')) return;
    if (call.method === 'POST') {
      this.posts.set(id, (this.posts.get(id) ?? 0) + 1);
      if (!this.firstPostAt.has(id)) this.firstPostAt.set(id, Date.now());
    }
    if (call.method === 'PUT') this.updates.set(id, (this.updates.get(id) ?? 0) + 1);
  }

  stats(): DeliveryStats {
    return {
      postsByConversation: this.posts,
      firstPostAt: this.firstPostAt,
      updatesByConversation: this.updates,
      chatsOpened: this.opened,
      acceptedAt: this.acceptedAt,
      requestedAt: this.requestedAt,
      ...this.counters,
      // Answers can overtake each other: sort arrivals before looking for the busiest window.
      maxInWindow: (ms) => maxInWindow([...this.acceptedAt].sort((a, b) => a - b), ms),
    };
  }

  clear(): void {
    this.posts.clear();
    this.firstPostAt.clear();
    this.updates.clear();
    this.opened.clear();
    this.acceptedAt.length = 0;
    this.requestedAt.length = 0;
    this.messageRequests = 0;
    this.counters = { throttled: 0, overLimit: 0, injectedFailures: 0, memberPages: 0 };
  }

  private injected(refusal: Refusal): Refusal {
    this.counters.injectedFailures++;
    return refusal;
  }

  private releaseHeld(): void {
    const waiting = [...this.held];
    this.held.clear();
    waiting.forEach((go) => go());
  }
}
