import { type ContributionView, formOf } from '../bot/domain/task-groups/contributions';
import { KIND_LABELS } from '../bot/domain/task-groups/contribution-kinds';
import { formatDateTime } from '../bot/domain/time';
import json from './contribution.json';
import { groupLabel } from './task-group';
import { type AdaptiveCardJson, cardTemplate } from './template';
import { CONTRIBUTION_EDIT, CONTRIBUTION_WITHDRAW } from './verbs';

export interface ContributionCardData {
  eyebrow: string;
  heading: string;
  about: string;
  answers: { label: string; value: string }[];
  statusText: string;
  canEdit: boolean;
  groupId: string;
  contributionId: string;
}

const expand = cardTemplate<ContributionCardData>(json, { edit: CONTRIBUTION_EDIT, withdraw: CONTRIBUTION_WITHDRAW });

/** Each answer under its question, as the person wrote it; empty optional answers are left out. */
export function answersOf(view: ContributionView): { label: string; value: string }[] {
  return formOf(view.call).flatMap((field) => {
    const value = view.contribution.values[field.id];
    if (value === undefined || value === '') return [];
    const shown = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : Array.isArray(value) ? value.join(', ') : String(value);
    return [{ label: field.label, value: shown }];
  });
}

/** What the contributor sent, with Edit (while the call is open) and Withdraw. */
export function renderContributionCard(view: ContributionView, options: { justSent: boolean; callOpen: boolean }): AdaptiveCardJson {
  const { contribution, call, group } = view;
  const kind = KIND_LABELS[contribution.kind].toLowerCase();
  return expand({
    eyebrow: `${groupLabel(group)} · ${call.title}`,
    heading: options.justSent ? `Thank you: your ${kind} has been sent` : `Your ${kind}`,
    about: `Sent ${formatDateTime(new Date(contribution.createdAt))}${contribution.updatedAt !== contribution.createdAt ? `, last changed ${formatDateTime(new Date(contribution.updatedAt))}` : ''}.`,
    answers: answersOf(view),
    statusText:
      contribution.status === 'used'
        ? 'The group has used this contribution. Thank you.'
        : options.callOpen
          ? 'Only you and the group leads can see this. You can edit it until the call closes, and withdraw it at any time.'
          : 'This call has closed. You can still withdraw your contribution.',
    canEdit: options.callOpen,
    groupId: group.id,
    contributionId: contribution.id,
  });
}
