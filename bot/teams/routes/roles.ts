import { z } from 'zod/v4';
import { renderCandidatesCard, renderLeadsCard, renderOrganisersCard, personLabel } from '../../../cards/roles';
import type { AdaptiveCardJson } from '../../../cards/template';
import { aadObjectIdSchema } from '../../domain/actor';
import { addLead, leadRoster, type LeadsDeps, removeLead } from '../../domain/roles/leads';
import { addOrganiser, findCandidates, organiserRoster, removeOrganiser, type RolesDeps } from '../../domain/roles/service';
import { groupIdSchema } from '../../domain/task-groups/task-group';
import { cardAction, type CommandRoute, personalData, type RouteModule, type Turn } from './route';
import { GROUP_CHOOSE_LEADS, LEAD_ADD, LEAD_FIND, LEAD_REMOVE, ORGANISER_ADD, ORGANISER_FIND, ORGANISER_REMOVE } from '../../../cards/verbs';

const who = z.string().max(200).optional();
const findData = z.strictObject({ who });
const personData = z.strictObject({ userId: aadObjectIdSchema });
const groupData = z.strictObject({ groupId: groupIdSchema });
const leadFindData = z.strictObject({ groupId: groupIdSchema, who, member: z.union([aadObjectIdSchema, z.literal('')]).optional() });
const leadData = z.strictObject({ groupId: groupIdSchema, userId: aadObjectIdSchema });

/**
 * Organisers giving and taking roles without a redeploy: "manage organisers" lists the
 * organisers (ORGANISER_AAD_IDS permanent, the rest added here) and adds one by name or
 * Entra object id; a task group card's "Choose leads" does the same for its leads. The
 * answers name people, so they only go to the organiser's personal chat (`personalData`).
 */
export function roleRoutes(deps: RolesDeps & LeadsDeps): RouteModule {
  const roster = async (turn: Turn, banner?: Parameters<typeof renderOrganisersCard>[1]) => renderOrganisersCard(await organiserRoster(deps, turn.actor()), banner);
  const add = async (turn: Turn, userId: string): Promise<AdaptiveCardJson> => {
    const actor = turn.actor();
    const { added, person } = await addOrganiser(deps, actor, userId);
    if (added) turn.log.info({ subject: person.userId, by: actor.aadObjectId }, 'organiser added');
    return roster(turn, { text: added ? `${personLabel(person)} is now an organiser.` : `${personLabel(person)} is an organiser already.`, tone: 'good' });
  };
  /** An Entra object id adds at once; a name shows the people it matches, to pick from. */
  const find = async (turn: Turn, typed: string): Promise<AdaptiveCardJson> => {
    const id = aadObjectIdSchema.safeParse(typed.trim());
    if (id.success) return add(turn, id.data);
    return renderCandidatesCard(typed.trim(), await findCandidates(deps, turn.actor(), typed), { kind: 'organiser' });
  };
  const commands: CommandRoute[] = [
    personalData({ name: 'manage organisers', description: 'Who the organisers are; add or remove one (by name or Entra object id)', aliases: ['organiser list'], hidden: true, run: async (turn) => turn.reply(await roster(turn)) }),
    personalData({ name: 'add organiser', description: 'Make someone an organiser: their name as Teams shows it, or their Entra object id', hidden: true, run: async (turn, rest) => turn.reply(await find(turn, rest)) }),
  ];
  return {
    commands,
    actions: [
      cardAction(ORGANISER_FIND, findData, (turn, data) => find(turn, data.who ?? '')),
      cardAction(ORGANISER_ADD, personData, (turn, { userId }) => add(turn, userId)),
      cardAction(ORGANISER_REMOVE, personData, async (turn, { userId }) => {
        const actor = turn.actor();
        const { removed, person } = await removeOrganiser(deps, actor, userId);
        if (removed) turn.log.info({ subject: person.userId, by: actor.aadObjectId }, 'organiser removed');
        return roster(turn, { text: removed ? `${personLabel(person)} is no longer an organiser.` : `${personLabel(person)} was not an organiser.`, tone: 'good' });
      }),
      ...leadActions(deps),
    ].map((action) => personalData(action)),
  };
}

function leadActions(deps: RolesDeps & LeadsDeps) {
  const leads = async (turn: Turn, groupId: string, banner?: Parameters<typeof renderLeadsCard>[1]) => renderLeadsCard(await leadRoster(deps, turn.actor(), groupId), banner);
  const add = async (turn: Turn, groupId: string, userId: string) => {
    const { added, person } = await addLead(deps, turn.actor(), groupId, userId);
    return leads(turn, groupId, { text: added ? `${personLabel(person)} now leads this group.` : `${personLabel(person)} leads this group already.`, tone: 'good' });
  };
  return [
    cardAction(GROUP_CHOOSE_LEADS, groupData, (turn, { groupId }) => leads(turn, groupId)),
    cardAction(LEAD_FIND, leadFindData, async (turn, { groupId, who: typed = '', member }) => {
      if (member) return add(turn, groupId, member);
      const id = aadObjectIdSchema.safeParse(typed.trim());
      if (id.success) return add(turn, groupId, id.data);
      const { group } = await leadRoster(deps, turn.actor(), groupId);
      return renderCandidatesCard(typed.trim(), await findCandidates(deps, turn.actor(), typed), { kind: 'lead', groupId, groupName: group.name });
    }),
    cardAction(LEAD_ADD, leadData, (turn, { groupId, userId }) => add(turn, groupId, userId)),
    cardAction(LEAD_REMOVE, leadData, async (turn, { groupId, userId }) => {
      const { removed } = await removeLead(deps, turn.actor(), groupId, userId);
      return leads(turn, groupId, { text: removed ? 'Removed from the leads.' : 'They were not a lead.', tone: 'good' });
    }),
  ];
}
