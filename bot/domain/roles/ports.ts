import type { OrganiserGrant } from './roles';

/** Organisers added through the bot. `bot/data/role-store.ts` implements it on Cosmos. */
export interface RoleStore {
  /** Added through the bot and not removed since. */
  isOrganiser(userId: string): Promise<boolean>;
  /** Every organiser added through the bot, removed ones included (who removed them, when). */
  listOrganisers(): Promise<OrganiserGrant[]>;
  /** Etag-guarded change of one person's record; `change` may run again after a lost race, and returns undefined to leave it. */
  updateOrganiser(userId: string, change: (current: OrganiserGrant | undefined) => OrganiserGrant | undefined): Promise<OrganiserGrant | undefined>;
}
