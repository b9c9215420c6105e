import { readFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does instead of an honest answer:
 * - `429`: throttled, with `x-ms-retry-after-ms` as Cosmos sends it;
 * - `503`: service unavailable;
 * - `drop-before`: the connection is dropped before the request reaches the store;
 * - `drop-after`: the store does the work, then the connection is dropped before the
 *   answer gets back (the case where the caller cannot know whether it happened);
 * - `slow`: the store does the work, and its answer comes `slowMs` later: after the
 *   client's request timeout, so the client has given up on it (an overloaded store).
 */
export type Fault = '429' | '503' | 'drop-before' | 'drop-after' | 'slow';
export const ALL_FAULTS: readonly Fault[] = ['429', '503', 'drop-before', 'drop-after', 'slow'];

export interface FaultProxyOptions {
  /** The real server, e.g. the embedded Cosmos server's https://127.0.0.1:PORT. */
  target: string;
  /** Share of requests answered with a fault, 0..1 (changeable later with `setRate`). */
  rate?: number;
  faults?: readonly Fault[];
  retryAfterMs?: number;
  /** How late a `slow` answer comes: set it past the client's request timeout. */
  slowMs?: number;
  /** Seeded in tests, so a failing run can be replayed. */
  random?: () => number;
}

/** What a forced fault is matched on: the request's method and path, and whether it is a query or a query plan (POSTs too). */
export interface StoreRequest {
  method: string;
  path: string;
  isQuery: boolean;
}

/** A document write (create, upsert, replace, delete) to one container, not a query. */
export const writeTo =
  (container: string, method?: string) =>
  (r: StoreRequest): boolean =>
    r.path.includes(`/colls/${container}/docs`) && !r.isQuery && r.method !== 'GET' && (!method || r.method === method);

export interface FaultProxy {
  /** Where a client connects instead of the target (loopback, the target's certificate). */
  endpoint: string;
  setRate(rate: number): void;
  /**
   * Answers the next request with this HTTP method (any, if none is given), or the next
   * request `match` accepts, with `fault`, whatever the rate.
   */
  failNext(fault: Fault, match?: string | ((request: StoreRequest) => boolean)): void;
  /** Requests seen, and how many of each fault were injected. */
  stats(): { requests: number; injected: Record<Fault, number> };
  close(): Promise<void>;
}

/** A small deterministic generator (mulberry32), so the same seed injects the same faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The self-signed certificate the embedded server ships with: the bot already accepts it on loopback. */
function embeddedCertificate(): { cert: Buffer; key: string | Buffer } {
  const dir = dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
  return { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) };
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * An HTTPS proxy between the bot and a Cosmos server that answers a chosen share of
 * requests with a fault instead of passing them on (or, for `drop-after`, passes them on
 * and loses the answer). Everything else goes through untouched.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const faults = options.faults ?? ALL_FAULTS;
  const random = options.random ?? Math.random;
  const retryAfterMs = options.retryAfterMs ?? 20;
  const slowMs = options.slowMs ?? 1500;
  const target = new URL(options.target);
  const upstream = new Agent({ keepAlive: true, rejectUnauthorized: false, maxSockets: 32 });
  let rate = options.rate ?? 0;
  const forced: { fault: Fault; match: (request: StoreRequest) => boolean }[] = [];
  let requests = 0;
  const injected: Record<Fault, number> = { '429': 0, '503': 0, 'drop-before': 0, 'drop-after': 0, slow: 0 };

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent: upstream },
        (res) => {
          readBody(res).then((data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }), reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const answer = (res: ServerResponse, status: number, headers: Record<string, string>, body: string): void => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    requests++;
    const body = await readBody(req);
    // Queries, and the query plans the SDK asks for first, are POSTs with a query body.
    const seen: StoreRequest = { method: req.method ?? '', path: req.url ?? '', isQuery: (req.headers['content-type'] ?? '').includes('query') };
    const queued = forced.findIndex((f) => f.match(seen));
    const fault = queued >= 0 ? forced.splice(queued, 1)[0]!.fault : random() < rate ? faults[Math.floor(random() * faults.length)] : undefined;
    if (fault) injected[fault]++;
    if (fault === '429') {
      answer(res, 429, { 'x-ms-retry-after-ms': String(retryAfterMs), 'x-ms-substatus': '3200' }, JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large (injected).' }));
      return;
    }
    if (fault === '503') {
      answer(res, 503, {}, JSON.stringify({ code: 'ServiceUnavailable', message: 'Service is unavailable (injected).' }));
      return;
    }
    if (fault === 'drop-before') {
      req.socket.destroy();
      return;
    }
    const reply = await forward(req, body);
    if (fault === 'drop-after') {
      req.socket.destroy();
      return;
    }
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, slowMs));
    // The client may have given up and closed the connection meanwhile: then this answer goes nowhere.
    if (res.destroyed) return;
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  };

  const server: Server = createServer({ ...embeddedCertificate(), keepAlive: true }, (req, res) => {
    handle(req, res).catch(() => {
      // The target itself failed (it is gone, or dropped us): the client sees a dropped connection.
      req.socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    setRate: (next) => {
      rate = next;
    },
    failNext: (fault, match) => {
      forced.push({ fault, match: typeof match === 'function' ? match : (r) => !match || r.method === match });
    },
    stats: () => ({ requests, injected: { ...injected } }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      upstream.destroy();
    },
  };
}
