import type { Actor } from './actor';
import { DomainError } from './errors';

/**
 * Who may organise (create events, broadcast, export, change capacity) and lead task
 * groups: the one place every permission is decided, on the server, on every request,
 * from Teams' identity and never from anything a card carries. The bot's routes and the
 * organiser tab both ask here.
 *
 * Organisers are the permanent set in configuration (ORGANISER_AAD_IDS, which nobody
 * can remove through the bot) and the people organisers added through the bot (kept in
 * Cosmos, bot/domain/roles).
 */
export interface Organisers {
  includes(aadObjectId: string): Promise<boolean>;
  /** In ORGANISER_AAD_IDS: an organiser for good, whatever is stored. */
  isPermanent(aadObjectId: string): boolean;
  /** ORGANISER_AAD_IDS, lower case. */
  readonly permanent: readonly string[];
}

/** Organisers added through the bot, as stored (bot/domain/roles). */
export interface AddedOrganisers {
  isOrganiser(aadObjectId: string): Promise<boolean>;
}

export function organisersFrom(permanent: Iterable<string>, added?: AddedOrganisers): Organisers {
  const set = new Set([...permanent].map((id) => id.toLowerCase()));
  const isPermanent = (aadObjectId: string): boolean => set.has(aadObjectId.toLowerCase());
  return {
    permanent: [...set],
    isPermanent,
    includes: async (aadObjectId) => isPermanent(aadObjectId) || ((await added?.isOrganiser(aadObjectId.toLowerCase())) ?? false),
  };
}

export const isOrganiser = (organisers: Organisers, actor: Actor): Promise<boolean> => organisers.includes(actor.aadObjectId);

export async function assertOrganiser(organisers: Organisers, actor: Actor, what: string): Promise<void> {
  if (!(await isOrganiser(organisers, actor))) {
    throw new DomainError('forbidden', `Only NLC organisers can ${what}.`, {
      hint: 'If you organise NLC events and need this, ask an NLC organiser to add you (they type "organisers").',
    });
  }
}

/** A task group's leads, and every organiser, may lead it. */
export async function canLeadGroup(organisers: Organisers, group: { leadIds: readonly string[] }, actor: Actor): Promise<boolean> {
  return group.leadIds.includes(actor.aadObjectId) || isOrganiser(organisers, actor);
}

export async function assertLeadOf(organisers: Organisers, group: { name: string; leadIds: readonly string[] }, actor: Actor, what: string): Promise<void> {
  if (!(await canLeadGroup(organisers, group, actor))) {
    throw new DomainError('forbidden', `Only the leads of ${group.name} (and NLC organisers) can ${what}.`, {
      hint: 'If you lead this group and see this, ask an NLC organiser to add you as a lead.',
    });
  }
}
