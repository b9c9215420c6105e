import type { Clock } from '../../clock';
import { aadObjectIdSchema, type Actor } from '../actor';
import { DomainError } from '../errors';
import { assertOrganiser, type Organisers } from '../organisers';
import type { PersonalDataStore } from '../privacy/ports';
import { parseInput } from '../validation';
import type { RoleStore } from './ports';
import type { Candidate, OrganiserGrant } from './roles';

/**
 * Organisers adding and removing organisers through the bot. Everything here checks on
 * the server that the actor is an organiser (bot/domain/organisers.ts); the permanent set
 * (ORGANISER_AAD_IDS) is shown but cannot be removed here.
 */
export interface RolesDeps {
  roles: RoleStore;
  organisers: Organisers;
  /** The people the bot knows, by name or id (their Teams names as recorded). */
  personalData: Pick<PersonalDataStore, 'findByName' | 'nameOf'>;
  clock: Clock;
}

const WHAT = 'add or remove organisers';

export interface OrganiserRoster {
  permanent: Candidate[];
  /** Added through the bot and not removed, earliest first. */
  added: OrganiserGrant[];
  /** Removed through the bot, the latest first (who removed them, when). */
  removed: OrganiserGrant[];
}

export async function organiserRoster(deps: RolesDeps, actor: Actor): Promise<OrganiserRoster> {
  await assertOrganiser(deps.organisers, actor, 'see the organisers');
  const [grants, permanent] = await Promise.all([
    deps.roles.listOrganisers(),
    Promise.all(deps.organisers.permanent.map(async (userId) => ({ userId, name: await deps.personalData.nameOf(userId) }))),
  ]);
  return {
    permanent,
    added: grants.filter((g) => g.active && !deps.organisers.isPermanent(g.userId)).sort((a, b) => a.addedAt.localeCompare(b.addedAt)),
    removed: grants.filter((g) => !g.active).sort((a, b) => (b.removedAt ?? '').localeCompare(a.removedAt ?? '')),
  };
}

/**
 * The people an organiser may mean by `who`: a pasted Entra object id (known to the bot or
 * not), or the people the bot knows by that name (Teams' display name, any case). Several
 * people can share a name, so the organiser picks one.
 */
export async function findCandidates(deps: Pick<RolesDeps, 'personalData' | 'organisers'>, actor: Actor, who: string): Promise<Candidate[]> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const query = who.trim();
  const id = aadObjectIdSchema.safeParse(query);
  if (id.success) return [{ userId: id.data, name: await deps.personalData.nameOf(id.data) }];
  if (query.length < 2 || query.length > 120) {
    throw new DomainError('invalid_input', 'Say who: their name as Teams shows it, or their Entra object id.', {
      fields: [{ field: 'who', message: 'Type a name as Teams shows it, or paste an Entra object id.' }],
    });
  }
  return deps.personalData.findByName(query);
}

/** Makes someone an organiser; adding someone who is one already changes nothing. */
export async function addOrganiser(deps: RolesDeps, actor: Actor, userId: string): Promise<{ added: boolean; person: Candidate }> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const id = parseInput(aadObjectIdSchema, userId, 'person');
  const person = { userId: id, name: await deps.personalData.nameOf(id) };
  if (deps.organisers.isPermanent(id)) return { added: false, person };
  const at = deps.clock.now().toISOString();
  const by = { addedBy: actor.aadObjectId, ...(actor.name ? { addedByName: actor.name } : {}) };
  const saved = await deps.roles.updateOrganiser(id, (current) =>
    current?.active ? undefined : { userId: id, ...(person.name ? { name: person.name } : {}), active: true, ...by, addedAt: at },
  );
  return { added: saved?.addedAt === at, person };
}

/** Takes an organiser added through the bot off; the permanent ones (ORGANISER_AAD_IDS) stay. */
export async function removeOrganiser(deps: RolesDeps, actor: Actor, userId: string): Promise<{ removed: boolean; person: Candidate }> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const id = parseInput(aadObjectIdSchema, userId, 'person');
  const person = { userId: id, name: await deps.personalData.nameOf(id) };
  if (deps.organisers.isPermanent(id)) {
    throw new DomainError('closed', `${person.name ?? 'This person'} is a permanent organiser, set in the bot's settings (ORGANISER_AAD_IDS), so nobody can remove them here.`, {
      hint: 'Whoever runs the bot can change ORGANISER_AAD_IDS.',
    });
  }
  const at = deps.clock.now().toISOString();
  const saved = await deps.roles.updateOrganiser(id, (current) =>
    current?.active ? { ...current, active: false, removedBy: actor.aadObjectId, ...(actor.name ? { removedByName: actor.name } : {}), removedAt: at } : undefined,
  );
  return { removed: saved?.removedAt === at, person };
}
