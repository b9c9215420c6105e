import type { LeadRoster } from '../bot/domain/roles/leads';
import type { Candidate, OrganiserGrant } from '../bot/domain/roles/roles';
import type { OrganiserRoster } from '../bot/domain/roles/service';
import { formatDate } from '../bot/domain/time';
import { type ListCard, renderListCard } from './list';
import type { AdaptiveCardJson } from './template';
import { LEAD_ADD, LEAD_FIND, LEAD_REMOVE, ORGANISER_ADD, ORGANISER_FIND, ORGANISER_REMOVE } from './verbs';

/** How many removed organisers the list still mentions. */
const REMOVED_SHOWN = 5;

/** A person by the name the bot recorded; else by the end of their id, which an organiser can match in Entra. */
export const personLabel = (person: Candidate): string => person.name ?? `Someone the bot has not met (id ending ${person.userId.slice(-6)})`;

const WHO_INPUT = { kind: 'text' as const, id: 'who', label: 'Their name as Teams shows it, or their Entra object id', placeholder: 'e.g. Jane Smith', maxLength: 120 };

type Banner = ListCard['banner'];

const addedText = (grant: OrganiserGrant): string => `Added by ${grant.addedByName ?? 'an organiser'} on ${formatDate(new Date(grant.addedAt))}`;

/** The organisers: the permanent ones (settings), those added here (with Remove), and a name or id to add. */
export function renderOrganisersCard(roster: OrganiserRoster, banner?: Banner): AdaptiveCardJson {
  const removed = roster.removed.slice(0, REMOVED_SHOWN).map((g) => `${personLabel(g)} (by ${g.removedByName ?? 'an organiser'} on ${formatDate(new Date(g.removedAt ?? g.addedAt))})`);
  return renderListCard({
    title: 'NLC organisers',
    intro: "Organisers can add and remove organisers here, straight away. Those set in the bot's settings (ORGANISER_AAD_IDS) are permanent.",
    banner,
    empty: 'There are no organisers yet.',
    items: [
      ...roster.permanent.map((p) => ({ headline: personLabel(p), detail: "Permanent: set in the bot's settings" })),
      ...roster.added.map((g) => ({ headline: personLabel(g), detail: addedText(g), buttons: [{ title: 'Remove', verb: ORGANISER_REMOVE, data: { userId: g.userId } }] })),
    ],
    footer: removed.length ? `Removed: ${removed.join('; ')}.` : '',
    inputs: [WHO_INPUT],
    actions: [{ title: 'Add an organiser', verb: ORGANISER_FIND, data: {} }],
  });
}

/** The people an organiser's search found, each with the button that gives them the role. */
export function renderCandidatesCard(who: string, people: readonly Candidate[], role: { kind: 'organiser' } | { kind: 'lead'; groupId: string; groupName: string }): AdaptiveCardJson {
  const lead = role.kind === 'lead';
  return renderListCard({
    title: lead ? `Add a lead to ${role.groupName}` : 'Add an organiser',
    intro: `People the bot knows as "${who.slice(0, 60)}". Check it is the right person: names can be shared.`,
    empty: `Nobody the bot knows is called "${who.slice(0, 60)}". Ask them to say hello to the bot in Teams first, or paste their Entra object id.`,
    items: people.map((p) => ({
      headline: personLabel(p),
      detail: `Entra object id ${p.userId}`,
      buttons: [lead ? { title: 'Make lead', verb: LEAD_ADD, data: { groupId: role.groupId, userId: p.userId } } : { title: 'Make organiser', verb: ORGANISER_ADD, data: { userId: p.userId } }],
    })),
  });
}

/** A group's leads (with Remove), and who to add: one of its members, or anyone by name or id. */
export function renderLeadsCard(roster: LeadRoster, banner?: Banner): AdaptiveCardJson {
  const { group } = roster;
  return renderListCard({
    eyebrow: group.number ? `Task Group ${group.number}` : 'Task group',
    title: `Leads of ${group.name}`,
    intro: 'Leads see what comes in and post calls for contributions. Organisers can always act as leads.',
    banner,
    empty: 'This group has no leads yet.',
    items: roster.leads.map((l) => ({
      headline: personLabel(l),
      detail: l.added ? `Added on ${formatDate(new Date(l.added.at))}` : 'Lead',
      buttons: [{ title: 'Remove', verb: LEAD_REMOVE, data: { groupId: group.id, userId: l.userId } }],
    })),
    inputs: [
      ...(roster.members.length ? [{ kind: 'choice' as const, id: 'member', label: 'One of its members', placeholder: 'Choose a member', choices: roster.members.slice(0, 100).map((m) => ({ title: personLabel(m), value: m.userId })) }] : []),
      { ...WHO_INPUT, label: roster.members.length ? 'Or anyone: their name as Teams shows it, or their Entra object id' : WHO_INPUT.label },
    ],
    actions: [{ title: 'Add a lead', verb: LEAD_FIND, data: { groupId: group.id } }],
  });
}
