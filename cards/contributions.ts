import type { FieldProblem } from '../bot/domain/errors';
import { type ContributionView, formOf } from '../bot/domain/task-groups/contributions';
import { headlineOf, KIND_LABELS, CONTRIBUTION_KINDS } from '../bot/domain/task-groups/kinds';
import type { Digest } from '../bot/domain/task-groups/leads';
import type { Call, Contribution, TaskGroup } from '../bot/domain/task-groups/model';
import { formatDate, formatDateTime, formatTime } from '../bot/domain/time';
import { renderFormCard } from './form';
import { renderListCard } from './contribution-list';
import { groupLabel } from './task-group';
import type { AdaptiveCardJson } from './template';

/** Shown on every contribution form: this is a children's-services setting. */
export const CHILD_PRIVACY_NOTICE =
  'Please do not include anything that could identify a child or young person (names, initials, photos, dates of birth or other details).';

const valuesAsText = (c: Contribution): Record<string, string> =>
  Object.fromEntries(Object.entries(c.values).map(([k, v]) => [k, v === undefined ? '' : String(v)]));

/**
 * The call card: what the group wants and by when, with the contribution form on it.
 * Also how a rejected submission comes back (values kept, problems beside the fields)
 * and how an edit starts (`editing` = the contribution being changed).
 */
export function renderCallCard(
  call: Call,
  group: TaskGroup,
  options: { values?: Record<string, string>; problems?: readonly FieldProblem[]; editing?: Contribution } = {},
): AdaptiveCardJson {
  const editing = options.editing;
  return renderFormCard({
    eyebrow: `${groupLabel(group)}: ${group.name}`,
    title: editing ? `Edit your ${KIND_LABELS[call.kind].toLowerCase()}` : call.title,
    intro: call.asks,
    facts: [
      { title: 'Asking for', value: KIND_LABELS[call.kind] },
      { title: 'Closes', value: formatDate(new Date(call.closesAt)) },
    ],
    banner: options.problems?.length ? 'Some answers need another look; nothing was saved yet.' : undefined,
    notice: CHILD_PRIVACY_NOTICE,
    fields: formOf(call),
    values: options.values ?? (editing ? valuesAsText(editing) : undefined),
    problems: options.problems,
    actions: editing
      ? [{ title: 'Save changes', verb: 'contribution.update', data: { groupId: group.id, contributionId: editing.id } }]
      : [{ title: 'Send', verb: 'contribution.submit', data: { groupId: group.id, callId: call.id } }],
  });
}

export function renderOpenCallsCard(calls: readonly { call: Call; group: TaskGroup }[]): AdaptiveCardJson {
  return renderListCard({
    title: 'Open calls for contributions',
    intro: 'NLC task groups are asking for these. Open one to answer it here in Teams.',
    empty: 'There are no open calls for contributions right now.',
    items: calls.map(({ call, group }) => ({
      headline: call.title,
      detail: `${groupLabel(group)} · ${KIND_LABELS[call.kind]} · closes ${formatDate(new Date(call.closesAt))}`,
      buttons: [{ title: 'Open', verb: 'call.open', data: { groupId: group.id, callId: call.id } }],
    })),
  });
}

export function renderMyContributionsCard(views: readonly ContributionView[]): AdaptiveCardJson {
  return renderListCard({
    title: 'Your contributions',
    empty: 'You have not sent any contributions yet. Type "calls" to see what the task groups are asking for.',
    items: views.map(({ contribution, call, group }) => ({
      headline: headlineOf(contribution.kind, contribution.values),
      detail: `${KIND_LABELS[contribution.kind]} for ${groupLabel(group)} (${call.title}), ${formatDate(new Date(contribution.createdAt))}${contribution.status === 'used' ? ' · used by the group' : ''}`,
      buttons: [{ title: 'Open', verb: 'contribution.view', data: { groupId: group.id, contributionId: contribution.id } }],
    })),
  });
}

const MAX_NAMES = 25;

/** A lead's view: counts by kind, the latest ten, and members who have not answered yet. */
export function renderDigestCard(digest: Digest, exported?: { url: string; expiresAt: Date }): AdaptiveCardJson {
  const { group } = digest;
  const waiting = digest.notResponded.map((m) => m.userName ?? 'A member');
  const waitingText =
    waiting.length === 0
      ? 'Every member has contributed.'
      : `Not yet responded (${waiting.length} of ${digest.memberCount} members): ${waiting.slice(0, MAX_NAMES).join(', ')}${waiting.length > MAX_NAMES ? ` and ${waiting.length - MAX_NAMES} more` : ''}.`;
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
          ? { title: 'Not used', verb: 'contribution.markUsed', data: { groupId: group.id, contributionId: c.id, used: false } }
          : { title: 'Mark used', verb: 'contribution.markUsed', data: { groupId: group.id, contributionId: c.id, used: true } },
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
      { title: 'Export all as CSV', verb: 'contributions.export', data: { groupId: group.id } },
      { title: 'Refresh', verb: 'digest.view', data: { groupId: group.id } },
    ],
  });
}
