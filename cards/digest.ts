import type { Digest } from '../bot/domain/task-groups/digest';
import { plural } from './plural';
import type { ContributionView } from '../bot/domain/task-groups/contributions';
import { answersOf } from './contribution';
import { CONTRIBUTION_KINDS, headlineOf, KIND_LABELS } from '../bot/domain/task-groups/contribution-kinds';
import { formatDateTime, formatTime } from '../bot/domain/time';
import { renderListCard } from './list';
import { groupLabel } from './task-group';
import type { AdaptiveCardJson } from './template';
import { CONTRIBUTIONS_EXPORT, CONTRIBUTION_MARK_USED, CONTRIBUTION_READ, DIGEST_VIEW } from './verbs';

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
        { title: 'Open', verb: CONTRIBUTION_READ, data: { groupId: group.id, contributionId: c.id } },
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

/** One contribution as a lead reads it: who sent it and when, every answer in full, and Mark used. */
export function renderLeadContributionCard(view: ContributionView): AdaptiveCardJson {
  const { contribution: c, call, group } = view;
  const used = c.status === 'used';
  return renderListCard({
    eyebrow: `${groupLabel(group)} · ${call.title}`,
    title: headlineOf(c.kind, c.values) || KIND_LABELS[c.kind],
    facts: [
      { title: 'From', value: c.authorName ?? 'A member (name not recorded)' },
      { title: 'Sent', value: `${formatDateTime(new Date(c.createdAt))}${c.updatedAt !== c.createdAt ? `, changed ${formatDateTime(new Date(c.updatedAt))}` : ''}` },
      { title: 'Kind', value: KIND_LABELS[c.kind] },
      { title: 'Status', value: used ? `Used${c.usedAt ? ` (${formatDateTime(new Date(c.usedAt))})` : ''}` : 'Not used yet' },
    ],
    empty: 'No answers.',
    items: answersOf(view).map((a) => ({ headline: a.label, detail: a.value })),
    actions: [
      { title: used ? 'Not used' : 'Mark used', verb: CONTRIBUTION_MARK_USED, data: { groupId: group.id, contributionId: c.id, used: !used, show: 'contribution' } },
      { title: 'Back to what has come in', verb: DIGEST_VIEW, data: { groupId: group.id } },
    ],
  });
}
