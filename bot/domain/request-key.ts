import { createHash } from 'node:crypto';
import { z } from 'zod/v4';

/**
 * What identifies one request to create something (an organiser's submitted form): the
 * same person asking for the same thing again, after "try again" or a lost answer, gives
 * the same key. Kept on what the request created (`createdFrom`), so a repeat can tell
 * the first result from someone else's thing of the same name.
 */
export const requestKey = (...parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 24);

export const requestKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
