import type { FieldProblem } from '../bot/domain/errors';
import { formOf } from '../bot/domain/task-groups/contributions';
import { KIND_LABELS } from '../bot/domain/task-groups/contribution-kinds';
import type { Call, Contribution, TaskGroup } from '../bot/domain/task-groups/task-group';
import { formatDate } from '../bot/domain/time';
import { renderFormCard } from './form';
import { renderListCard } from './list';
import { groupLabel } from './task-group';
import type { AdaptiveCardJson } from './template';
import { CALL_OPEN, CONTRIBUTION_SUBMIT, CONTRIBUTION_UPDATE } from './verbs';

/** Shown on every contribution form: this is a children's-services setting. */
export const CHILD_PRIVACY_NOTICE =
  'Please do not include anything that could identify a child or young person (names, initials, photos, dates of birth or other details).';

/** Said on a call with a shareable form: the card is for staff, the link for everyone else. */
export const SHARE_TEXT = 'Pupils, parents and carers answer on the public form: share its link ("Open the form to share") with them. Staff answer here.';

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
      ...(call.shareUrl ? [{ title: 'Not in Teams?', value: SHARE_TEXT }] : []),
    ],
    banner: options.problems?.length ? 'Some answers need another look; nothing was saved yet.' : undefined,
    example: call.example,
    notice: CHILD_PRIVACY_NOTICE,
    links: call.shareUrl && !editing ? [{ title: 'Open the form to share', url: call.shareUrl }] : [],
    fields: formOf(call),
    values: options.values ?? (editing ? valuesAsText(editing) : undefined),
    problems: options.problems,
    actions: editing
      ? [{ title: 'Save changes', verb: CONTRIBUTION_UPDATE, data: { groupId: group.id, contributionId: editing.id } }]
      : [{ title: 'Send', verb: CONTRIBUTION_SUBMIT, data: { groupId: group.id, callId: call.id } }],
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
      buttons: [{ title: 'Open', verb: CALL_OPEN, data: { groupId: group.id, callId: call.id } }],
    })),
  });
}
