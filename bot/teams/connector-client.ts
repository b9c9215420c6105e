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
function answerOf(res: IncomingMessage, resolve: (value: unknown) => void, reject: (error: unknown) => void): void {
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
      const timeout = AbortSignal.timeout(timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const secure = url.protocol === 'https:';
      return new Promise<unknown>((resolve, reject) => {
        const req = (secure ? httpsRequest : httpRequest)(
          url,
          {
            method,
            agent: secure ? agents.https : agents.http,
            signal: combined,
            headers: {
              accept: 'application/json',
              ...(payload ? { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length } : {}),
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
          },
          (res) => answerOf(res, resolve, reject),
        );
        req.on('error', (error) => {
          // The caller's own abort stays an AbortError (the sender is stopping); our
          // timeout becomes a TimeoutError, which is transient like any network failure.
          if (signal?.aborted) reject(abortError(signal));
          else if (timeout.aborted) reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: 'TimeoutError' }));
          else reject(error);
        });
        req.end(payload);
      });
    },
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
