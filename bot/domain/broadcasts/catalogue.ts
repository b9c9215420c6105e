import { createHash, randomUUID } from 'node:crypto';
import { type AudienceType, defaultAudienceTypes } from './audience-types';
import { type Kinds, kinds } from './compose';
import { type ContentType, defaultContentTypes } from './content-types';
import type { ContentCards } from './ports';
import { eventUnanswered } from './unanswered-audience';

/** The audience and content types this bot offers (features add theirs in audience-types.ts and content-types.ts). */
export interface BroadcastCatalogue {
  audiences: Kinds<AudienceType>;
  contents: Kinds<ContentType>;
}

/** The default types, drawn with `cards`, plus ones that need their own dependencies (reminders bring theirs). */
export const catalogueWith = (cards: ContentCards, extra: { audiences?: readonly AudienceType[]; contents?: readonly ContentType[] }): BroadcastCatalogue => ({
  audiences: kinds([...defaultAudienceTypes(), eventUnanswered, ...(extra.audiences ?? [])]),
  contents: kinds([...defaultContentTypes(cards), ...(extra.contents ?? [])]),
});

export const newBroadcastId = (): string => `b-${randomUUID().replace(/-/g, '')}`;

/**
 * The id of a broadcast that must exist once whatever the number of attempts (a reminder
 * slot, an event's cancellation notice, a request repeated after a lost answer): derived
 * from what it is for, so a repeat finds the first instead of making a second.
 */
export const derivedBroadcastId = (kind: string, ...parts: string[]): string =>
  `b-${kind}${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 38)}`;
