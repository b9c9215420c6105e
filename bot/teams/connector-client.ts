import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { hostOf, ServiceUrlRefusedError } from './service-urls';

/**
 * A small Bot Connector client for proactive work at a conversation's serviceUrl: POST,
 * PUT and DELETE on /v3/conversations/{id}/activities, POST /v3/conversations (opening a
 * personal chat), GET .../pagedmembers (reading a roster).
 *
 * Why not `adapter.continueConversationAsync`: it builds a new ConnectorClient (and
 * TokenApiClient) for every message, its pipeline retries 429 and 5xx by itself (so a
 * sender cannot honour Retry-After), and it has no timeout (a stalled connector would
 * hold a broadcast for ever). Here every request is one HTTP call on a keep-alive
 * connection, with a timeout, an abort signal, and the answer handed back as it came.
 */
export interface ConnectorClientOptions {
  /** A bearer token for the Bot Connector, or undefined in local mode (no app id). */
  token(): Promise<string | undefined>;
  /** Per request; a request that takes longer fails as transient (default 15 s). */
  timeoutMs?: number;
  /** Open connections per connector host (default 64). */
  maxSockets?: number;
  /**
   * Whether a request may go to this service URL (with an app id: Teams' connector hosts
   * only, see service-urls.ts). Checked before a token is even fetched; a refused call
   * fails with ServiceUrlRefusedError and is reported to `onRefused`. Default: any.
   */
  allowServiceUrl?(serviceUrl: string): boolean;
  onRefused?(host: string): void;
}

/** A non-2xx answer, shaped like botbuilder's RestError so one mapping reads both. */
export class ConnectorHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly response: { headers: Record<string, string | undefined>; body: string },
  ) {
    super(`Bot Connector answered ${statusCode}`);
    this.name = 'ConnectorHttpError';
  }
}

export interface ConnectorClient {
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', serviceUrl: string, path: string, body: unknown, signal?: AbortSignal): Promise<unknown>;
  close(): void;
}

const flatten = (headers: IncomingHttpHeaders): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));

const abortError = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : Object.assign(new Error('aborted'), { name: 'AbortError' });

/** A connector answer: its JSON body for a 2xx, else a ConnectorHttpError with the status, headers and the start of the body. */
function answerOf(res: IncomingMessage, resolve: (value: unknown) => void, reject: (error: Error) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('error', reject);
  res.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      reject(new ConnectorHttpError(status, { headers: flatten(res.headers), body: text.slice(0, 2000) }));
      return;
    }
    try {
      resolve(text ? (JSON.parse(text) as unknown) : undefined);
    } catch {
      // The message was accepted; a body we cannot read only loses its id.
      resolve(undefined);
    }
  });
}

/** One request on a keep-alive connection, given up after `timeoutMs`. */
function send(url: URL, method: string, payload: Buffer | undefined, token: string | undefined, signal: AbortSignal | undefined, how: { agent: HttpAgent; timeoutMs: number }): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    // A plain timer cleared with the answer, not AbortSignal.timeout/any: on Node 20 those
    // signals are held through WeakRefs (which every young-generation GC keeps) and a 15 s
    // timer each, so every proactive request left its signals to old space
    // (docs/benchmarks.md, "Soak").
    let timedOut = false;
    const done = (value: unknown): void => {
      clearTimeout(timer);
      resolve(value);
    };
    // The caller's own abort stays an AbortError (the sender is stopping); our timeout
    // becomes a TimeoutError, which is transient like any network failure.
    const fail = (error: Error): void => {
      clearTimeout(timer);
      if (signal?.aborted) reject(abortError(signal));
      else if (timedOut) reject(Object.assign(new Error(`no answer within ${how.timeoutMs} ms`), { name: 'TimeoutError' }));
      else reject(error);
    };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method,
        agent: how.agent,
        ...(signal ? { signal } : {}),
        headers: {
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => answerOf(res, done, fail),
    );
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy();
    }, how.timeoutMs);
    req.on('error', fail);
    req.end(payload);
  });
}

export function createConnectorClient(options: ConnectorClientOptions): ConnectorClient {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
  };
  return {
    call: async (method, serviceUrl, path, body, signal) => {
      if (options.allowServiceUrl && !options.allowServiceUrl(serviceUrl)) {
        const host = hostOf(serviceUrl);
        options.onRefused?.(host);
        throw new ServiceUrlRefusedError(host);
      }
      // serviceUrl may carry a path prefix (".../_connector", "/amer/"): keep it.
      const base = serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`;
      const url = new URL(path.replace(/^\//, ''), base);
      const token = await options.token();
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      return send(url, method, payload, token, signal, { agent: url.protocol === 'https:' ? agents.https : agents.http, timeoutMs });
    },
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
