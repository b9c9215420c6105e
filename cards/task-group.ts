import type { GroupView } from '../bot/domain/task-groups/service';
import { groupLabel } from '../bot/domain/task-groups/task-group';
import { formatDate } from '../bot/domain/time';
import json from './task-group.json';
import { type AdaptiveCardJson, cardTemplate, withRefresh } from './template';
import { CALL_OPEN, CALL_SEND_TO_MEMBERS, DIGEST_VIEW, GROUP_CHOOSE_LEADS, GROUP_JOIN, GROUP_LEAVE, GROUP_VIEW } from './verbs';

export interface TaskGroupCardData {
  groupId: string;
  eyebrow: string;
  title: string;
  purpose: string;
  projects: string[];
  leads: string;
  members: string;
  calls: { title: string; closes: string; buttons: { title: string; verb: string; data: { groupId: string; callId: string } }[] }[];
  statusText: string;
  statusColor: 'Default' | 'Good';
  buttons: { title: string; verb: string; style: 'positive' | 'default' }[];
}

const expand = cardTemplate<TaskGroupCardData>(json);

export { groupLabel };

/** One task group as one person sees it: their membership, and lead tools for leads. */
export function renderTaskGroupCard(view: GroupView, refreshUserIds: readonly string[]): AdaptiveCardJson {
  const { group } = view;
  const card = expand({
    groupId: group.id,
    eyebrow: `Norfolk Learning Collaborative · ${groupLabel(group)}`,
    title: group.name,
    purpose: group.purpose,
    projects: group.projects,
    leads: group.leadNames.length > 0 ? group.leadNames.join(', ') : 'NLC organisers',
    members: view.memberCount === 1 ? '1 member' : `${view.memberCount} members`,
    calls: view.openCalls.map((c) => {
      const data = { groupId: group.id, callId: c.id };
      return {
        title: c.title,
        closes: `Closes ${formatDate(new Date(c.closesAt))}`,
        buttons: [
          { title: 'Contribute', verb: CALL_OPEN, data },
          ...(view.canLead ? [{ title: 'Send to members', verb: CALL_SEND_TO_MEMBERS, data }] : []),
        ],
      };
    }),
    statusText: view.isMember ? "You're a member of this group." : 'Join to hear about its calls for contributions.',
    statusColor: view.isMember ? 'Good' : 'Default',
    buttons: [
      // Joining is what the card asks of a visitor; a member's buttons are all equal.
      view.isMember ? { title: 'Leave', verb: GROUP_LEAVE, style: 'default' } : { title: 'Join', verb: GROUP_JOIN, style: 'positive' },
      ...(view.canLead ? [{ title: 'What has come in', verb: DIGEST_VIEW, style: 'default' as const }] : []),
      ...(view.canOrganise ? [{ title: 'Choose leads', verb: GROUP_CHOOSE_LEADS, style: 'default' as const }] : []),
    ],
  });
  return withRefresh(card, GROUP_VIEW, { groupId: group.id }, refreshUserIds);
}
