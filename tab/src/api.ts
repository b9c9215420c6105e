import type { TabError } from '../../bot/tab-api/contract';
import type { Host } from './teams';

/** A refusal from /api/tab/: its message, and each field's problem to show beside that field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: TabError,
  ) {
    super(body.message);
  }
  fieldProblem(field: string): string | undefined {
    return this.body.fields?.find((f) => f.field === field)?.message;
  }
}

let host: Host | undefined;
export const useHost = (h: Host): void => void (host = h);

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { ...(await host!.identify()), ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  const response = await fetch(`/api/tab/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    const text = await response.text();
    let parsed: TabError;
    try {
      parsed = JSON.parse(text) as TabError;
    } catch {
      parsed = { code: 'http', message: `The server answered ${response.status}. Please try again.` };
    }
    throw new ApiError(response.status, parsed);
  }
  return response;
}

const prefetched = new Map<string, Promise<unknown>>();

/** Starts a GET before the page asks for it (the first page's data, while React starts); the page's own request then takes it, once. */
export const prefetch = (path: string): void => {
  const started = call('GET', path).then((r) => r.json() as Promise<unknown>);
  started.catch(() => undefined); // the page's own request reports the failure
  prefetched.set(path, started);
};

export const getJson = async <T>(path: string): Promise<T> => {
  const early = prefetched.get(path);
  prefetched.delete(path);
  return ((await early) ?? (await (await call('GET', path)).json())) as T;
};
export const postJson = async <T>(path: string, body: unknown = {}): Promise<T> => (await (await call('POST', path, body)).json()) as T;

/** Downloads a CSV the API gives (with the same sign-in as every call) as a file. */
export async function download(path: string): Promise<string> {
  const response = await call('GET', path);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
