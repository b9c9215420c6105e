import type { Digest } from '../bot/domain/task-groups/digest';
import { plural } from './plural';
import { CONTRIBUTION_KINDS, headlineOf, KIND_LABELS } from '../bot/domain/task-groups/contribution-kinds';
import { formatDateTime, formatTime } from '../bot/domain/time';
import { renderListCard } from './list';
import { groupLabel } from './task-group';
import type { AdaptiveCardJson } from './template';
import { CONTRIBUTIONS_EXPORT, CONTRIBUTION_MARK_USED, DIGEST_VIEW } from './verbs';

const MAX_NAMES = 25;

/** A lead's view: counts by kind, the latest ten, and members who have not answered yet. */
export function renderDigestCard(digest: Digest, exported?: { url: string; expiresAt: Date }): AdaptiveCardJson {
  const { group } = digest;
  const waiting = digest.notResponded.map((m) => m.userName ?? 'A member');
  const waitingText =
    waiting.length === 0
      ? 'Every member has contributed.'
      : `Not yet responded (${waiting.length} of ${plural(digest.memberCount, 'member')}): ${waiting.slice(0, MAX_NAMES).join(', ')}${waiting.length > MAX_NAMES ? ` and ${waiting.length - MAX_NAMES} more` : ''}.`;
  return renderListCard({
    eyebrow: `${groupLabel(group)}: ${group.name}`,
    title: 'What has come in',
    facts: [
      ...CONTRIBUTION_KINDS.filter((k) => digest.counts[k] > 0).map((k) => ({ title: KIND_LABELS[k], value: String(digest.counts[k]) })),
      { title: 'Total', value: String(digest.total) },
    ],
    empty: 'Nothing has come in yet.',
    items: digest.latest.map((c) => ({
      headline: headlineOf(c.kind, c.values),
      detail: `${KIND_LABELS[c.kind]} from ${c.authorName ?? 'a member'}, ${formatDateTime(new Date(c.createdAt))}${c.status === 'used' ? ' · used' : ''}`,
      buttons: [
        c.status === 'used'
          ? { title: 'Not used', verb: CONTRIBUTION_MARK_USED, data: { groupId: group.id, contributionId: c.id, used: false } }
          : { title: 'Mark used', verb: CONTRIBUTION_MARK_USED, data: { groupId: group.id, contributionId: c.id, used: true } },
      ],
    })),
    footer: [
      digest.latest.length < digest.total ? `Showing the latest ${digest.latest.length}.` : '',
      waitingText,
      exported ? `The CSV link works until ${formatTime(exported.expiresAt)}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    link: exported ? { title: 'Download the CSV', url: exported.url } : undefined,
    actions: [
      { title: 'Export all as CSV', verb: CONTRIBUTIONS_EXPORT, data: { groupId: group.id } },
      { title: 'Refresh', verb: DIGEST_VIEW, data: { groupId: group.id } },
    ],
  });
}
