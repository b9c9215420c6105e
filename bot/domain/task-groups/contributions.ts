import { createHash } from 'node:crypto';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { checkForm, type FormValues } from '../forms';
import { fieldsFor } from './contribution-kinds';
import type { Call, Contribution, TaskGroup } from './task-group';
import { assertCallOpen, requireCall, requireGroup, type TaskGroupsDeps } from './service';

export interface ContributionView {
  contribution: Contribution;
  call: Call;
  group: TaskGroup;
}

export const formOf = (call: Call) => fieldsFor(call.kind, call.survey);

/** Validates a form or throws `invalid_input` with each field's problem (the route re-shows the form). */
function valuesOrThrow(call: Call, submitted: Record<string, unknown>): FormValues {
  const result = checkForm(formOf(call), submitted);
  if (!result.ok) {
    throw new DomainError('invalid_input', 'Some answers need another look; nothing was saved yet.', { fields: result.problems });
  }
  return result.values;
}

async function requireOwn(deps: TaskGroupsDeps, actor: Actor, groupId: string, contributionId: string): Promise<Contribution> {
  const contribution = await deps.taskGroups.getContribution(groupId, contributionId);
  if (!contribution) {
    throw new DomainError('not_found', 'That contribution no longer exists (it may have been withdrawn).', {
      hint: 'Type "my contributions" to see yours.',
    });
  }
  assertAuthor(contribution, actor);
  return contribution;
}

export function assertAuthor(contribution: Contribution, actor: Actor): void {
  if (contribution.authorId !== actor.aadObjectId) {
    throw new DomainError('forbidden', 'You can only change or withdraw your own contributions.', {
      hint: 'Type "my contributions" to see yours.',
    });
  }
}

export async function submitContribution(
  deps: TaskGroupsDeps,
  actor: Actor,
  groupId: string,
  callId: string,
  submitted: Record<string, unknown>,
): Promise<ContributionView> {
  const [group, call] = await Promise.all([requireGroup(deps, groupId), requireCall(deps, groupId, callId)]);
  const now = deps.clock.now();
  assertCallOpen(call, now);
  const values = valuesOrThrow(call, submitted);
  const contribution: Contribution = {
    id: submissionId(groupId, callId, actor.aadObjectId, values),
    groupId,
    callId,
    kind: call.kind,
    authorId: actor.aadObjectId,
    authorName: actor.name,
    values,
    status: 'submitted',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await deps.taskGroups.createContribution(contribution);
  return { contribution, call, group };
}

/**
 * A contribution's id is derived from who sent what to which call, not drawn at random:
 * when the answer to a submission is lost (the store's reply dropped, "try again" shown)
 * and the person sends it again, it lands on the same id and is stored once, not twice.
 * Sending the very same answers twice is the same contribution. Same shape as the ids
 * `newId` draws (16 base64url characters).
 */
function submissionId(groupId: string, callId: string, authorId: string, values: FormValues): string {
  return createHash('sha256').update(JSON.stringify([groupId, callId, authorId, values])).digest('base64url').slice(0, 16);
}

/** The person's own contribution, to show it or open it for editing. */
export async function viewOwnContribution(deps: TaskGroupsDeps, actor: Actor, groupId: string, contributionId: string): Promise<ContributionView> {
  const contribution = await requireOwn(deps, actor, groupId, contributionId);
  const [group, call] = await Promise.all([requireGroup(deps, groupId), requireCall(deps, groupId, contribution.callId)]);
  return { contribution, call, group };
}

export async function editContribution(
  deps: TaskGroupsDeps,
  actor: Actor,
  groupId: string,
  contributionId: string,
  submitted: Record<string, unknown>,
): Promise<ContributionView> {
  const { contribution, call, group } = await viewOwnContribution(deps, actor, groupId, contributionId);
  assertCallOpen(call, deps.clock.now());
  const values = valuesOrThrow(call, submitted);
  const now = deps.clock.now().toISOString();
  const saved = await deps.taskGroups.updateContribution(groupId, contribution.id, (current) => {
    // Checked again on the fresh copy: ownership never changes, but the document may be gone.
    if (!current || current.authorId !== actor.aadObjectId) return undefined;
    return { ...current, values, updatedAt: now };
  });
  if (!saved || saved.updatedAt !== now) {
    throw new DomainError('not_found', 'That contribution no longer exists (it may have been withdrawn).');
  }
  return { contribution: saved, call, group };
}

/** Deletes the contribution: its text is gone from the store, digests and exports. */
export async function withdrawContribution(deps: TaskGroupsDeps, actor: Actor, groupId: string, contributionId: string): Promise<void> {
  await requireOwn(deps, actor, groupId, contributionId);
  await deps.taskGroups.deleteContribution(groupId, contributionId);
}

export async function listMyContributions(deps: TaskGroupsDeps, actor: Actor): Promise<ContributionView[]> {
  const mine = await deps.taskGroups.listContributionsOf(actor.aadObjectId);
  const views = await Promise.all(
    mine.map(async (contribution) => {
      const [group, call] = await Promise.all([
        deps.taskGroups.getGroup(contribution.groupId),
        deps.taskGroups.getCall(contribution.groupId, contribution.callId),
      ]);
      return group && call ? [{ contribution, call, group }] : [];
    }),
  );
  return views.flat().sort((a, b) => b.contribution.createdAt.localeCompare(a.contribution.createdAt));
}
