/**
 * The one error model. Domain code throws `DomainError` with a typed code; a single
 * place in the Teams layer (`bot/teams/errors.ts`) turns each code into a card that
 * says what happened and what the person can do. Anything else is a bug and is shown
 * as a generic "something went wrong" with a reference to the log line.
 */
export type ErrorCode =
  /** The card or command carried data that does not pass validation. */
  | 'invalid_input'
  /** A button this version of the bot does not know (an old or forged card). */
  | 'unknown_action'
  /** The thing the card refers to does not exist (deleted, or a forged id). */
  | 'not_found'
  /** The thing exists but no longer accepts this action (past, cancelled, closed). */
  | 'closed'
  /** Teams did not tell us who the person is, so nothing can be recorded for them. */
  | 'no_identity'
  /** The person may not do this (not an organiser, not the owner). */
  | 'forbidden'
  /** Someone else changed the same thing at the same moment, more often than we retry. */
  | 'conflict'
  /** The data store is throttling or unavailable; nothing was written; try again. */
  | 'unavailable'
  /** The person changed the same thing too many times in a short while; try again later. */
  | 'rate_limited';

export interface FieldProblem {
  /** The input's id on the card, e.g. "school". */
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; hint?: string } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
