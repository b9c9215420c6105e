import { randomUUID } from 'node:crypto';
import { type AudienceType, defaultAudienceTypes } from './audiences';
import { type Kinds, kinds } from './compose';
import { type ContentType, defaultContentTypes } from './contents';

/** The audience and content types this bot offers (features add theirs in audiences.ts and contents.ts). */
export interface BroadcastCatalogue {
  audiences: Kinds<AudienceType>;
  contents: Kinds<ContentType>;
}

export const defaultCatalogue = (): BroadcastCatalogue => ({
  audiences: kinds(defaultAudienceTypes()),
  contents: kinds(defaultContentTypes()),
});

export const newBroadcastId = (): string => `b-${randomUUID().replace(/-/g, '')}`;
