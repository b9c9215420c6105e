import type { AppInstaller } from '../domain/conversations/ports';
import { DeliveryError, type DeliveryFailure } from '../domain/messaging';
import { type RetryOptions, withRetries } from '../retry';

/**
 * Installing the app for a person through Microsoft Graph, as Teams documents for
 * proactive installation (and as Company Communicator does for a whole organisation):
 *   POST /v1.0/users/{id}/teamwork/installedApps  { "teamsApp@odata.bind": ".../appCatalogs/teamsApps/{catalog id}" }
 *        201 installed; 409 already installed (success too)
 *   GET  /v1.0/users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{catalog id}'   the installation
 *   GET  /v1.0/users/{id}/teamwork/installedApps/{installation id}/chat                                  the chat's id
 * Application permission TeamsAppInstallation.ReadWriteForUser.All, granted by an
 * admin to the bot's identity (docs/deploy.md). Graph is a boundary like the Bot
 * Connector: tests stand in for it (test/helpers/graph.ts).
 */
export interface GraphInstallerOptions {
  /** https://graph.microsoft.com, or a national cloud's Graph (GRAPH_ENDPOINT). */
  baseUrl: string;
  /** The app's id in the organisation's app catalogue (TEAMS_APP_CATALOG_ID). */
  catalogAppId: string;
  /** A bearer token for Graph; undefined in local mode (a loopback stand-in). */
  token(): Promise<string | undefined>;
  timeoutMs?: number;
  /** Overrides of the retry policy for throttled and passing failures (tests shorten the waits). */
  retry?: Partial<Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxDelayMs' | 'sleep'>>;
}

/** A Graph answer that was not a success, with what the retry policy needs. */
class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`Graph answered ${status}`);
    this.name = 'GraphError';
  }
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const isRetryable = (error: unknown): boolean => (error instanceof GraphError ? RETRYABLE.has(error.status) : !(error instanceof Error && error.name === 'AbortError'));

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** Graph's answers in the terms senders act on: refused (403, 404) is not retried, throttled or unavailable was retried until the policy gave up. */
function toDeliveryError(error: unknown): DeliveryError {
  if (!(error instanceof GraphError)) return new DeliveryError('transient', undefined, undefined, error instanceof Error ? error.message : 'Graph unreachable');
  const failure: DeliveryFailure = error.status === 429 ? 'throttled' : error.status === 404 ? 'not_found' : error.status >= 500 ? 'transient' : 'failed';
  return new DeliveryError(failure, error.status, error.retryAfterMs, error.message);
}

export function createGraphInstaller(options: GraphInstallerOptions): AppInstaller {
  const base = options.baseUrl.replace(/\/+$/, '');
  const policy: RetryOptions = {
    attempts: 5,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    retryable: isRetryable,
    waitOf: (error) => (error instanceof GraphError ? error.retryAfterMs : undefined),
    ...options.retry,
  };
  const request = async (method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal | undefined, accept: readonly number[] = []): Promise<unknown> =>
    withRetries(async () => {
      const token = await options.token();
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      const text = await response.text();
      if (!response.ok && !accept.includes(response.status)) throw new GraphError(response.status, retryAfterMs(response.headers.get('retry-after')));
      return text ? (JSON.parse(text) as unknown) : undefined;
    }, policy);

  return {
    install: async (aadObjectId, signal) => {
      const user = `/v1.0/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`;
      try {
        await request('POST', user, { 'teamsApp@odata.bind': `${base}/v1.0/appCatalogs/teamsApps/${options.catalogAppId}` }, signal, [409]);
        // Spaces as %20, as OData expects (URLSearchParams would write "+").
        const filter = `$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${options.catalogAppId}'`)}`;
        const found = (await request('GET', `${user}?${filter}`, undefined, signal)) as { value?: { id?: string }[] } | undefined;
        const installation = found?.value?.[0]?.id;
        if (!installation) throw new GraphError(404, undefined);
        const chat = (await request('GET', `${user}/${encodeURIComponent(installation)}/chat`, undefined, signal)) as { id?: string } | undefined;
        if (!chat?.id) throw new GraphError(404, undefined);
        return { chatId: chat.id };
      } catch (error) {
        if (signal?.aborted) throw error;
        throw toDeliveryError(error);
      }
    },
  };
}

/** The installer GRAPH_INSTALL asks for, or undefined when it is off (only people in a team or chat with the bot are reached). */
export function graphInstallerFrom(graph: { install: boolean; catalogAppId?: string; endpoint: string }, token: () => Promise<string | undefined>): AppInstaller | undefined {
  return graph.install && graph.catalogAppId ? createGraphInstaller({ baseUrl: graph.endpoint, catalogAppId: graph.catalogAppId, token }) : undefined;
}
