import { z } from 'zod/v4';
import { DomainError } from './errors';

/**
 * The person behind a turn, as Teams identified them. Built only from the activity's
 * `from` (authenticated by the Bot Connector), never from card data.
 */
export interface Actor {
  /** Microsoft Entra object id: the stable key for everything we store about a person. */
  aadObjectId: string;
  /** Teams user id (MRI, "29:..."): what Adaptive Card `refresh.userIds` expects. */
  teamsUserId: string;
  /** Display name, kept only where organisers need it (attendee lists). */
  name?: string;
}

/** An Entra object id in any case, as the lower-case form everything is stored under. */
export const aadObjectIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not an Entra object id')
  .transform((id) => id.toLowerCase());

export function actorFrom(from: { id?: unknown; aadObjectId?: unknown; name?: unknown } | undefined): Actor {
  const id = aadObjectIdSchema.safeParse(from?.aadObjectId);
  if (!id.success || typeof from?.id !== 'string' || from.id === '') {
    throw new DomainError('no_identity', "Teams didn't tell us who you are, so we can't record this for you.", {
      hint: 'Try again from Microsoft Teams signed in with your work or school account.',
    });
  }
  const name = typeof from.name === 'string' ? from.name.slice(0, 120) : undefined;
  return { aadObjectId: id.data, teamsUserId: from.id, name };
}
