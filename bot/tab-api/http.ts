import { randomUUID } from 'node:crypto';
import type restify from 'restify';
import type { z } from 'zod/v4';
import type { Actor } from '../domain/actor';
import type { DownloadFile } from '../domain/downloads';
import { type ErrorCode, isDomainError } from '../domain/errors';
import { parseInput } from '../domain/validation';
import type { Logger } from '../log';
import { readJsonBody } from '../server';
import { LOCAL_USER_HEADER, type TabIdentity } from './identity';
import type { TabError } from './contract';

/**
 * The plumbing every /api/tab/ route shares: who is asking (identity.ts, every request),
 * the query and body parsed with zod (a 400 naming each field), one domain call, and the
 * one error model: a DomainError becomes its status and message, anything else a 500
 * whose detail stays in the log.
 */
export interface TabHttpDeps {
  identity: TabIdentity;
  log: Logger;
}

export interface TabCall<Q, B> {
  actor: Actor;
  params: Record<string, string>;
  query: Q;
  body: B;
}

/** A route's answer: JSON, or a file to download (CSV). */
export type TabAnswer = unknown;

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_action: 400,
  no_identity: 401,
  forbidden: 403,
  not_found: 404,
  closed: 409,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export const isFile = (answer: unknown): answer is DownloadFile =>
  typeof answer === 'object' && answer !== null && 'filename' in answer && 'body' in answer && 'contentType' in answer;

function send(res: restify.Response, status: number, answer: unknown): void {
  if (isFile(answer)) {
    res.writeHead(200, {
      'content-type': answer.contentType,
      'content-disposition': `attachment; filename="${answer.filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(answer.body);
    return;
  }
  // Personal data (names, needs): never kept by a cache on the way.
  res.setHeader('cache-control', 'no-store');
  res.send(status, answer ?? {});
}

export function errorAnswer(error: unknown, log: Logger, path: string): { status: number; body: TabError } {
  if (isDomainError(error)) {
    if (error.code === 'unavailable' || error.code === 'conflict') log.warn({ code: error.code, path }, 'store busy');
    return { status: STATUS[error.code], body: { code: error.code, message: error.message, ...(error.details.hint ? { hint: error.details.hint } : {}), ...(error.details.fields ? { fields: error.details.fields } : {}) } };
  }
  const reference = randomUUID().slice(0, 8);
  log.error({ err: error, path, reference }, 'tab request failed');
  return { status: 500, body: { code: 'internal', message: `Something went wrong on our side (reference ${reference}). Please try again.` } };
}

/** The query string as plain values (restify's query parser is not used: no other route has a query). */
const queryOf = (req: restify.Request): Record<string, string> =>
  Object.fromEntries([...new URL(req.url ?? '/', 'http://localhost').searchParams].filter(([, value]) => value !== ''));

/** One route's handler chain: a JSON body first when the route takes one. */
export function tabRoute<Q = undefined, B = undefined>(
  deps: TabHttpDeps,
  spec: { query?: z.ZodType<Q>; body?: z.ZodType<B> },
  run: (call: TabCall<Q, B>) => Promise<TabAnswer>,
): restify.RequestHandler[] {
  const handle = async (req: restify.Request, res: restify.Response): Promise<void> => {
    try {
      const localUser = req.headers[LOCAL_USER_HEADER];
      const actor = await deps.identity.actorOf(req, typeof localUser === 'string' ? localUser : undefined);
      const query = spec.query ? parseInput(spec.query, queryOf(req), 'request') : (undefined as Q);
      const body = spec.body ? parseInput(spec.body, req.body, 'form') : (undefined as B);
      send(res, 200, await run({ actor, params: (req.params ?? {}) as Record<string, string>, query, body }));
    } catch (error) {
      const { status, body } = errorAnswer(error, deps.log, req.path());
      send(res, status, body);
    }
  };
  return spec.body ? [readJsonBody, handle] : [handle];
}
