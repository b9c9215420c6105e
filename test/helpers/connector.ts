import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type LimitsOptions, maxInWindow, TeamsLimits } from './teams-limits';

/**
 * A stand-in for Teams' Bot Connector: the HTTP service at `activity.serviceUrl` that a
 * bot calls to send, update and delete messages and to list members. It records every
 * call so tests can assert on what the bot sent. This is the one boundary our tests
 * stand in for (see DESIGN.md).
 */
export interface ConnectorCall {
  method: string;
  /** Decoded path, e.g. /v3/conversations/a:1/activities */
  path: string;
  conversationId?: string;
  activityId?: string;
  body: unknown;
  at: number;
  /** Arrival on a high-resolution clock (performance.now(), ms): what rate checks use. */
  arrivedAt: number;
  /** The status the stand-in answered (set once answered). */
  status?: number;
}

export interface SentActivity {
  conversationId: string;
  /** The id the connector gave this message. */
  id: string;
  replyToId?: string;
  activity: {
    type?: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
    attachmentLayout?: string;
    [key: string]: unknown;
  };
}

export interface Member {
  id: string;
  aadObjectId?: string;
  name?: string;
}

/** Lets a test change how the connector answers (errors, stalls); undefined = normal. */
export type Override = (call: ConnectorCall) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

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
  /** Conversations whose messages get 403 (the person blocked or removed the bot). */
  blocked?: ReadonlySet<string>;
  /** Conversations that no longer exist: 404. */
  gone?: ReadonlySet<string>;
  /** Hold matching requests unanswered until `release()` (or close). */
  stall?: (call: ConnectorCall) => boolean;
}

export interface ConnectorOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Keep every call with its body (default true); false keeps counts only (benchmarks). */
  keepCalls?: boolean;
}

export interface DeliveryStats {
  /** Accepted POSTs of new messages per conversation. */
  postsByConversation: ReadonlyMap<string, number>;
  /** Accepted PUTs (updates) per conversation. */
  updatesByConversation: ReadonlyMap<string, number>;
  /** Arrival times (performance.now(), ascending) of every request answered 2xx. */
  acceptedAt: readonly number[];
  /** Requests answered 429, and of those how many because a rate limit was really exceeded. */
  throttled: number;
  overLimit: number;
  /** Requests answered with an injected 5xx, 403 or 404. */
  injectedFailures: number;
  /** The busiest window of `ms` among accepted requests. */
  maxInWindow(ms: number): number;
}

export interface StandInConnector {
  /** Use as `serviceUrl` (ends with a slash, like Teams'). */
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Messages the bot sent or replied, in order. */
  sent(): SentActivity[];
  /** Messages sent to one conversation (thread suffixes included as sent). */
  sentTo(conversationId: string): SentActivity[];
  /** Waits until `predicate` holds for some sent message. */
  waitFor(predicate: (sent: SentActivity) => boolean, timeoutMs?: number): Promise<SentActivity>;
  setMembers(conversationId: string, members: Member[]): void;
  override(fn: Override | undefined): void;
  /** Changes the Teams-like behaviour (merged into the current one; `undefined` values switch a part off). */
  behave(change: Behaviour): void;
  /** Answers every stalled request normally and stops stalling. */
  release(): void;
  /** Requests being held by `stall` right now. */
  stalled(): number;
  stats(): DeliveryStats;
  clear(): void;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
};

const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};

export async function startConnector(options: ConnectorOptions = {}): Promise<StandInConnector> {
  const keepCalls = options.keepCalls ?? true;
  const calls: ConnectorCall[] = [];
  const sentActivities: SentActivity[] = [];
  const members = new Map<string, Member[]>();
  let override: Override | undefined;
  let nextId = 1;
  const waiters = new Set<() => void>();
  let behaviour: Behaviour = {};
  let limits: TeamsLimits | undefined;
  const held = new Set<() => void>();
  const counters = { throttled: 0, overLimit: 0, injectedFailures: 0 };
  const postsByConversation = new Map<string, number>();
  const updatesByConversation = new Map<string, number>();
  const acceptedAt: number[] = [];

  /** Teams' side of a message request: stalls, injected failures and rate limits, in that order. */
  const teamsAnswer = async (call: ConnectorCall): Promise<{ status: number; body?: unknown; headers?: Record<string, string> } | undefined> => {
    if (behaviour.stall?.(call)) await new Promise<void>((resolve) => held.add(resolve));
    const id = call.conversationId ?? '';
    if (behaviour.blocked?.has(id)) return { status: 403, body: { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } } };
    if (behaviour.gone?.has(id)) return { status: 404, body: { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } } };
    const failures = behaviour.failures;
    if (failures && (failures.random ?? Math.random)() < failures.share) {
      const statuses = failures.statuses ?? [500, 503];
      return { status: statuses[Math.floor((failures.random ?? Math.random)() * statuses.length)]!, body: { error: { code: 'ServiceError' } } };
    }
    const throttle = behaviour.throttleNext;
    if (throttle && throttle.count > 0) {
      throttle.count--;
      return { status: 429, headers: { 'retry-after': String(throttle.retryAfterSeconds) }, body: { error: { code: 'Throttled' } } };
    }
    const admitted = limits?.admit(call.conversationId, call.arrivedAt);
    if (admitted && !admitted.ok) {
      counters.overLimit++;
      return { status: 429, headers: { 'retry-after': String(admitted.retryAfterSeconds) }, body: { error: { code: 'Throttled', message: `over the ${admitted.scope} limit` } } };
    }
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const arrivedAt = performance.now();
    const url = new URL(req.url ?? '/', 'http://connector');
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const body = await readBody(req);
    const [v3, conversations, conversationId, collection, activityId] = segments;
    const call: ConnectorCall = {
      method: req.method ?? 'GET',
      path: `/${segments.join('/')}`,
      conversationId,
      activityId: collection === 'activities' ? activityId : undefined,
      body: keepCalls ? body : undefined,
      at: Date.now(),
      arrivedAt,
    };
    if (keepCalls) calls.push(call);
    const answer = (status: number, answerBody?: unknown, headers?: Record<string, string>): void => {
      call.status = status;
      if (status === 429) counters.throttled++;
      else if (status >= 200 && status < 300) acceptedAt.push(arrivedAt);
      send(res, status, answerBody, headers);
    };
    const forced = override?.(call);
    if (forced) return answer(forced.status, forced.body, forced.headers);
    if (v3 !== 'v3' || conversations !== 'conversations') return answer(404, { error: { code: 'NotFound' } });
    if (collection === 'activities' && (req.method === 'POST' || req.method === 'PUT')) {
      const teams = await teamsAnswer(call);
      if (teams) {
        if (teams.status !== 429) counters.injectedFailures++;
        return answer(teams.status, teams.body, teams.headers);
      }
    }

    if (req.method === 'POST' && !conversationId) {
      // Create a 1:1 conversation (proactive messages to a person).
      const params = body as { members?: Member[] };
      const id = `a:created-${params.members?.[0]?.id ?? nextId}`;
      return answer(201, { id });
    }
    if (req.method === 'POST' && collection === 'activities' && conversationId) {
      const id = `msg-${nextId++}`;
      postsByConversation.set(conversationId, (postsByConversation.get(conversationId) ?? 0) + 1);
      if (keepCalls) sentActivities.push({ conversationId, id, replyToId: activityId, activity: body as SentActivity['activity'] });
      waiters.forEach((wake) => wake());
      return answer(201, { id });
    }
    if (req.method === 'PUT' && collection === 'activities' && conversationId && activityId) {
      updatesByConversation.set(conversationId, (updatesByConversation.get(conversationId) ?? 0) + 1);
      return answer(200, { id: activityId });
    }
    if (req.method === 'DELETE' && collection === 'activities') return answer(200);
    if (req.method === 'GET' && conversationId && (collection === 'members' || collection === 'pagedmembers')) {
      const list = members.get(conversationId) ?? [];
      if (collection === 'pagedmembers') return answer(200, { members: list });
      if (activityId) {
        const one = list.find((m) => m.id === activityId);
        return one ? send(res, 200, one) : send(res, 404, { error: { code: 'MemberNotFoundInConversation' } });
      }
      return answer(200, list);
    }
    return answer(404, { error: { code: 'NotFound', message: `${req.method} ${call.path}` } });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const releaseAll = (): void => {
    const waiting = [...held];
    held.clear();
    waiting.forEach((go) => go());
  };
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    sent: () => [...sentActivities],
    sentTo: (conversationId) => sentActivities.filter((s) => s.conversationId === conversationId),
    waitFor: (predicate, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = sentActivities.find(predicate);
          if (found) {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve(found);
          }
          return Boolean(found);
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no matching message within ${timeoutMs} ms; sent: ${sentActivities.length}`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      }),
    setMembers: (conversationId, list) => members.set(conversationId, list),
    override: (fn) => {
      override = fn;
    },
    behave: (change) => {
      behaviour = { ...behaviour, ...change };
      if ('limits' in change) limits = change.limits ? new TeamsLimits(change.limits) : undefined;
      if ('stall' in change && !change.stall) releaseAll();
    },
    release: () => {
      behaviour = { ...behaviour, stall: undefined };
      releaseAll();
    },
    stalled: () => held.size,
    stats: () => ({
      postsByConversation,
      updatesByConversation,
      acceptedAt,
      ...counters,
      // Answers can overtake each other: sort arrivals before looking for the busiest window.
      maxInWindow: (ms) => maxInWindow([...acceptedAt].sort((a, b) => a - b), ms),
    }),
    clear: () => {
      calls.length = 0;
      sentActivities.length = 0;
      postsByConversation.clear();
      updatesByConversation.clear();
      acceptedAt.length = 0;
      Object.assign(counters, { throttled: 0, overLimit: 0, injectedFailures: 0 });
    },
    close: () =>
      new Promise<void>((resolve) => {
        releaseAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The Adaptive Cards in a sent message (a carousel has several). */
export const cardsIn = (sent: SentActivity): Record<string, unknown>[] =>
  (sent.activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content);

/** All visible text of a card, for "the card says X" assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return out.join('\n');
}
