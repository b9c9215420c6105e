import { z } from 'zod/v4';

/**
 * Roles organisers give through the bot, without a redeploy: an organiser (anyone the bot
 * knows, or an Entra object id) and a task group's leads. Each keeps who gave or took it
 * and when. ORGANISER_AAD_IDS stays the permanent set (bot/domain/organisers.ts decides
 * every permission from both).
 */
export interface OrganiserGrant {
  /** Entra object id, lower case. */
  userId: string;
  /** The name the bot last recorded for them, if any. */
  name?: string;
  /** False once removed: the record stays, saying who removed them and when. */
  active: boolean;
  addedBy: string;
  addedByName?: string;
  addedAt: string;
  removedBy?: string;
  removedByName?: string;
  removedAt?: string;
}

const aadId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** One change to a group's leads, kept on the group (the latest LEAD_CHANGES_KEPT). */
export const leadChangeSchema = z.object({
  kind: z.enum(['added', 'removed']),
  userId: aadId,
  /** The organiser who made it. */
  by: aadId,
  at: z.iso.datetime(),
});
export type LeadChange = z.infer<typeof leadChangeSchema>;

export const LEAD_CHANGES_KEPT = 20;
export const MAX_LEADS = 10;

/** A person to give a role to, as an organiser picks them: someone the bot knows (with a name), or a pasted Entra object id. */
export interface Candidate {
  userId: string;
  name?: string;
}
