import { randomUUID } from 'node:crypto';
import type { Notice } from '../../cards/notice';
import { type ErrorCode, isDomainError } from '../domain/errors';
import type { Logger } from '../log';

const TITLES: Record<ErrorCode, string> = {
  invalid_input: 'Please check what you entered',
  unknown_action: 'That button is out of date',
  not_found: 'We could not find that',
  closed: 'That is closed now',
  no_identity: 'We could not tell who you are',
  forbidden: 'Sorry, that is not open to you',
  conflict: 'Please try again',
  unavailable: 'Please try again in a moment',
  rate_limited: 'Please wait a minute',
};

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['conflict', 'unavailable']);

export interface RetryTarget {
  verb: string;
  data: Record<string, unknown>;
}

/**
 * The single place an error becomes what a person sees. Domain errors say what happened
 * and what to do; anything else is our bug, logged with a reference the person can quote.
 */
export function noticeForError(error: unknown, log: Logger, retry?: RetryTarget): Notice & { code: ErrorCode | 'internal' } {
  if (isDomainError(error)) {
    if (error.code === 'unavailable' || error.code === 'conflict') log.warn({ code: error.code }, 'store busy');
    return {
      code: error.code,
      title: TITLES[error.code],
      message: error.message,
      tone: error.code === 'invalid_input' || error.code === 'closed' || error.code === 'rate_limited' ? 'warning' : 'error',
      fields: error.details.fields,
      hint: error.details.hint,
      actions: retry && RETRYABLE.has(error.code) ? [{ title: 'Try again', style: 'positive' as const, ...retry }] : undefined,
    };
  }
  const reference = randomUUID().slice(0, 8);
  log.error({ err: error, reference }, 'unhandled error in turn');
  return {
    code: 'internal',
    title: 'Something went wrong on our side',
    message: 'We could not finish that.',
    tone: 'error',
    hint: 'Please try again. If it keeps happening, tell the NLC team and quote the reference below.',
    reference,
    actions: retry ? [{ title: 'Try again', style: 'positive' as const, ...retry }] : undefined,
  };
}
