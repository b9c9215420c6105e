import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the part of Microsoft Graph the bot uses to install itself for a person
 * (bot/graph/installer.ts), the way Graph answers:
 *   POST /v1.0/users/{id}/teamwork/installedApps               201, or 409 when installed already
 *   GET  /v1.0/users/{id}/teamwork/installedApps?$filter=...    { value: [{ id }] } once installed
 *   GET  /v1.0/users/{id}/teamwork/installedApps/{id}/chat      { id: <chat id> }
 * Graph is a boundary like the Bot Connector: tests stand in for it; nothing else is.
 */
export interface GraphCall {
  method: string;
  path: string;
  body: unknown;
  status: number;
  authorization?: string;
}

export interface StandInGraph {
  /** Use as GRAPH_ENDPOINT. */
  url: string;
  calls: GraphCall[];
  /** The chat a person's installation gives them. */
  chatOf(aadObjectId: string): string;
  /** People the app is installed for already (a POST then answers 409). */
  installed: Set<string>;
  /** People whose install Graph refuses with 403 (no licence, or the permission is missing). */
  refused: Set<string>;
  /** Answers the next `count` requests with 429 and this Retry-After (seconds). */
  throttleNext(count: number, retryAfterSeconds: number): void;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export async function startGraph(catalogAppId: string): Promise<StandInGraph> {
  const calls: GraphCall[] = [];
  const installed = new Set<string>();
  const refused = new Set<string>();
  let throttled = { count: 0, retryAfterSeconds: 0 };
  const chatOf = (aad: string): string => `19:graph-${aad}@unq.gbl.spaces`;

  const answer = (req: IncomingMessage, path: string, body: unknown): { status: number; body?: unknown; headers?: Record<string, string> } => {
    if (throttled.count > 0) {
      throttled.count--;
      return { status: 429, body: { error: { code: 'TooManyRequests' } }, headers: { 'retry-after': String(throttled.retryAfterSeconds) } };
    }
    const match = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps(?:\/([^/]+)\/chat)?$/.exec(path);
    if (!match) return { status: 404, body: { error: { code: 'NotFound' } } };
    const user = decodeURIComponent(match[1]!);
    if (req.method === 'POST') {
      const bind = (body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
      if (typeof bind !== 'string' || !bind.endsWith(`/appCatalogs/teamsApps/${catalogAppId}`)) return { status: 400, body: { error: { code: 'BadRequest' } } };
      if (refused.has(user)) return { status: 403, body: { error: { code: 'Forbidden' } } };
      if (installed.has(user)) return { status: 409, body: { error: { code: 'Conflict' } } };
      installed.add(user);
      return { status: 201 };
    }
    if (match[2]) return installed.has(user) && match[2] === `inst-${user}` ? { status: 200, body: { id: chatOf(user) } } : { status: 404, body: { error: { code: 'NotFound' } } };
    return { status: 200, body: { value: installed.has(user) ? [{ id: `inst-${user}`, teamsApp: { id: catalogAppId } }] : [] } };
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://graph');
      const body = await readBody(req);
      const result = answer(req, url.pathname, body);
      calls.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, body, status: result.status, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      send(res, result.status, result.body, result.headers);
    })().catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    chatOf,
    installed,
    refused,
    throttleNext: (count, retryAfterSeconds) => {
      throttled = { count, retryAfterSeconds };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
