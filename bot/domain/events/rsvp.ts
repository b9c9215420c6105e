import { z } from 'zod/v4';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { hasStarted, type NlcEvent } from './event';

export const RSVP_RESPONSES = ['going', 'maybe', 'notGoing'] as const;
export const rsvpResponseSchema = z.enum(RSVP_RESPONSES);
export type RsvpResponse = z.infer<typeof rsvpResponseSchema>;

/** One person's answer to one event. There is at most one per (event, person). */
export interface Rsvp {
  eventId: string;
  userId: string;
  /** Kept for organisers' attendee lists; removed with everything else by "forget me". */
  userName?: string;
  response: RsvpResponse;
  /** UTC ISO instant of the latest answer. */
  respondedAt: string;
  /** When the event ends: how long the answer is kept is counted from it (retention). */
  eventEndsAt?: string;
}

export interface RsvpCounts {
  going: number;
  maybe: number;
  notGoing: number;
}

export const emptyCounts = (): RsvpCounts => ({ going: 0, maybe: 0, notGoing: 0 });

/** Answers stay open until the event starts; after that the answer no longer means anything. */
export function assertCanRespond(event: NlcEvent, now: Date): void {
  if (event.kind === 'workshop') {
    // Only an old or forged card sends this: a workshop's card books places instead.
    throw new DomainError('invalid_input', `"${event.title}" is a workshop: book a place on its card instead.`, {
      hint: 'Type "events" to get its booking card.',
    });
  }
  if (event.status === 'draft') {
    throw new DomainError('closed', `"${event.title}" is not published yet, so it does not take answers.`, {
      hint: 'Type "events" to see what is coming up.',
    });
  }
  if (event.status === 'cancelled') {
    throw new DomainError('closed', `"${event.title}" has been cancelled, so it no longer takes answers.`, {
      hint: 'Type "events" to see what is coming up.',
    });
  }
  if (hasStarted(event, now)) {
    throw new DomainError('closed', `"${event.title}" has already started, so answers are closed.`, {
      hint: 'Type "events" to see what is coming up.',
    });
  }
}

export function newRsvp(event: NlcEvent, actor: Actor, response: RsvpResponse, now: Date): Rsvp {
  return {
    eventId: event.id,
    userId: actor.aadObjectId,
    userName: actor.name,
    response,
    respondedAt: now.toISOString(),
    eventEndsAt: event.endsAt,
  };
}

/** Going and Maybe count as "on my list"; Can't go does not. */
export const isAttending = (response: RsvpResponse | undefined): boolean =>
  response === 'going' || response === 'maybe';
