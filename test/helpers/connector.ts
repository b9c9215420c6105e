import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type Behaviour, type DeliveryStats, TeamsBehaviour } from './teams-behaviour';

export type { Behaviour, DeliveryStats };

/**
 * A stand-in for Teams' Bot Connector: the HTTP service at `activity.serviceUrl` that a
 * bot calls to send, update and delete messages and to list members. It records every
 * call so tests can assert on what the bot sent. The Bot Connector is the boundary tests
 * stand in for; everything else, the store included, is real (docs/architecture.md).
 */
export interface ConnectorCall {
  method: string;
  /** Decoded path, e.g. /v3/conversations/a:1/activities */
  path: string;
  /** The query string, e.g. ?pageSize=500&continuationToken=... ('' when none). */
  query: string;
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
  /** Teams' member details carry the work email (and user principal name). */
  email?: string;
  userPrincipalName?: string;
}

/** Lets a test change how the connector answers (errors, stalls); undefined = normal. */
export type Override = (call: ConnectorCall) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

export interface ConnectorOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Keep every call with its body (default true); false keeps counts only (benchmarks). */
  keepCalls?: boolean;
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
  const teams = new TeamsBehaviour();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const arrivedAt = performance.now();
    const url = new URL(req.url ?? '/', 'http://connector');
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const body = await readBody(req);
    const [v3, conversations, conversationId, collection, activityId] = segments;
    const call: ConnectorCall = {
      method: req.method ?? 'GET',
      path: `/${segments.join('/')}`,
      query: url.search,
      conversationId,
      activityId: collection === 'activities' ? activityId : undefined,
      body: keepCalls ? body : undefined,
      at: Date.now(),
      arrivedAt,
    };
    if (keepCalls) calls.push(call);
    const answer = (status: number, answerBody?: unknown, headers?: Record<string, string>): void => {
      call.status = status;
      teams.answered(call);
      send(res, status, answerBody, headers);
    };
    const forced = override?.(call);
    if (forced) return answer(forced.status, forced.body, forced.headers);
    if (v3 !== 'v3' || conversations !== 'conversations') return answer(404, { error: { code: 'NotFound' } });
    if (collection === 'activities' && (req.method === 'POST' || req.method === 'PUT')) {
      const refused = await teams.refusal(call);
      if (refused) return answer(refused.status, refused.body, refused.headers);
    }

    if (req.method === 'POST' && !conversationId) {
      // Create a 1:1 conversation (proactive messages to a person): Teams counts it like a
      // send, and answers with the same id for the same person every time.
      const memberId = (body as { members?: Member[] } | undefined)?.members?.[0]?.id ?? String(nextId++);
      // Keyed by the person for Teams' per-conversation windows: the chat has no id yet.
      call.conversationId = `create:${memberId}`;
      const refused = await teams.refusal(call, memberId);
      if (refused) return answer(refused.status, refused.body, refused.headers);
      return answer(201, { id: createdChatId(memberId) });
    }
    if (req.method === 'POST' && collection === 'activities' && conversationId) {
      const id = `msg-${nextId++}`;
      if (keepCalls) sentActivities.push({ conversationId, id, replyToId: activityId, activity: body as SentActivity['activity'] });
      waiters.forEach((wake) => wake());
      return answer(201, { id });
    }
    if (req.method === 'PUT' && collection === 'activities' && conversationId && activityId) {
      return answer(200, { id: activityId });
    }
    if (req.method === 'DELETE' && collection === 'activities') return answer(200);
    if (req.method === 'GET' && conversationId && (collection === 'members' || collection === 'pagedmembers')) {
      const list = members.get(conversationId) ?? [];
      if (collection === 'pagedmembers') return answer(200, pageOf(list, url.searchParams));
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
    behave: (change) => teams.behave(change),
    release: () => teams.release(),
    stalled: () => teams.stalled(),
    stats: () => teams.stats(),
    clear: () => {
      calls.length = 0;
      sentActivities.length = 0;
      teams.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        teams.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The id the stand-in gives the personal chat the bot opens with a member (the same each time, as Teams does). */
export const createdChatId = (memberId: string): string => `a:created-${memberId}`;

/**
 * One page of members, as Teams pages them: `pageSize` (Teams raises anything under 50 to
 * 50 and gives at most 500) and an opaque continuation token until the last page.
 */
function pageOf(list: readonly Member[], query: URLSearchParams): { members: Member[]; continuationToken?: string } {
  const size = Math.min(500, Math.max(50, Number(query.get('pageSize') ?? 200) || 200));
  const token = query.get('continuationToken');
  const start = token ? Number(/^page-(\d+)$/.exec(token)?.[1] ?? NaN) : 0;
  if (!Number.isInteger(start)) return { members: [] };
  const end = start + size;
  return { members: list.slice(start, end), ...(end < list.length ? { continuationToken: `page-${end}` } : {}) };
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
        if ((key === 'text' || key === 'title' || key === 'value' || key === 'label') && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return out.join('\n');
}
