import type { ContributionView } from '../bot/domain/task-groups/contributions';
import { headlineOf, KIND_LABELS } from '../bot/domain/task-groups/contribution-kinds';
import { formatDate } from '../bot/domain/time';
import { renderListCard } from './list';
import { groupLabel } from './task-group';
import type { AdaptiveCardJson } from './template';
import { CONTRIBUTION_VIEW } from './verbs';

/** The answer to "my contributions": what the person sent, newest first, each opening its own card. */
export function renderMyContributionsCard(views: readonly ContributionView[]): AdaptiveCardJson {
  return renderListCard({
    title: 'Your contributions',
    empty: 'You have not sent any contributions yet. Type "calls" to see what the task groups are asking for.',
    items: views.map(({ contribution, call, group }) => ({
      headline: headlineOf(contribution.kind, contribution.values),
      detail: `${KIND_LABELS[contribution.kind]} for ${groupLabel(group)} (${call.title}), ${formatDate(new Date(contribution.createdAt))}${contribution.status === 'used' ? ' · used by the group' : ''}`,
      buttons: [{ title: 'Open', verb: CONTRIBUTION_VIEW, data: { groupId: group.id, contributionId: contribution.id } }],
    })),
  });
}
