import type { PlaygroundContext } from './types';

/** One HTTP call to the playground; `timeoutMs` is generous so slow invokes can be measured, not cut. */
export async function call(method: string, url: string, body?: unknown, timeoutMs = 60_000): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  } catch {
    return { status: response.status, body: text }; // /_debug/ping answers plain "pong"
  }
}

export function expectOk(what: string, res: { status: number; body: unknown }): { status: number; body: unknown } {
  if (res.status >= 200 && res.status < 300) return res;
  throw new Error(`playground ${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function readContext(url: string): Promise<PlaygroundContext> {
  const res = expectOk('read config', await call('GET', `${url}/_internal/v1/testConfig`));
  return (res.body as { config: PlaygroundContext }).config;
}
