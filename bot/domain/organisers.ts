import type { Actor } from './actor';
import { DomainError } from './errors';

/**
 * Who may organise (create events, broadcast, export, change capacity). Decided on the
 * server from configuration (ORGANISER_AAD_IDS), never from anything a card carries.
 */
export interface Organisers {
  includes(aadObjectId: string): boolean;
}

export const organisersFrom = (ids: Iterable<string>): Organisers => {
  const set = new Set([...ids].map((id) => id.toLowerCase()));
  return { includes: (aadObjectId) => set.has(aadObjectId.toLowerCase()) };
};

export function assertOrganiser(organisers: Organisers, actor: Actor, what: string): void {
  if (!organisers.includes(actor.aadObjectId)) {
    throw new DomainError('forbidden', `Only NLC organisers can ${what}.`, {
      hint: 'If you organise NLC events and need this, ask the NLC team to add you as an organiser.',
    });
  }
}
