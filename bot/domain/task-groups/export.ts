import type { Actor } from '../actor';
import { csvDocument } from '../csv';
import { type DownloadFile, type DownloadLinks, type DownloadRequest, grantStillValid, hashToken, issueExportLink } from '../downloads';
import { londonDate } from '../time';
import { KIND_LABELS } from './contribution-kinds';
import { formOf } from './contributions';
import type { Call, Contribution } from './task-group';
import { assertLead, requireGroup, type TaskGroupsDeps } from './service';

export type ExportDeps = Pick<TaskGroupsDeps, 'taskGroups' | 'organisers' | 'clock'> & { links: DownloadLinks };

/** A link to every contribution of a group as CSV, for a lead; it works for a short while. */
export async function exportContributions(deps: ExportDeps, actor: Actor, groupId: string): Promise<{ url: string; expiresAt: Date }> {
  const group = await requireGroup(deps, groupId);
  await assertLead(deps, group, actor, 'export contributions');
  const { url, expiresAt, grant } = issueExportLink(deps.links.contributions, groupId, actor.aadObjectId, deps.clock.now());
  await deps.taskGroups.saveExportGrant({ groupId, ...grant });
  return { url, expiresAt };
}

const FIXED = ['sent at (UTC)', 'last changed (UTC)', 'call', 'kind', 'from', 'status', 'used at (UTC)'];

/**
 * The CSV: fixed columns, then one column per question across the group's calls (a
 * question shared by several kinds, such as "School or setting", shares its column).
 * Withdrawn contributions are not in the store, so they are not here either.
 */
export function contributionsCsv(contributions: readonly Contribution[], calls: ReadonlyMap<string, Call>): string {
  const columns = new Map<string, string>();
  for (const call of calls.values()) for (const field of formOf(call)) if (!columns.has(field.label)) columns.set(field.label, field.label);
  const labels = [...columns.keys()];
  const rows = contributions.map((c) => {
    const call = calls.get(c.callId);
    const byLabel = new Map((call ? formOf(call) : []).map((f) => [f.label, c.values[f.id]]));
    const cell = (v: Contribution['values'][string]): string =>
      v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : Array.isArray(v) ? v.join('; ') : String(v);
    return [c.createdAt, c.updatedAt, call?.title ?? c.callId, KIND_LABELS[c.kind], c.authorName ?? '', c.status, c.usedAt ?? '', ...labels.map((l) => cell(byLabel.get(l)))];
  });
  return csvDocument([...FIXED, ...labels], rows);
}

export async function openContributionsExport(deps: ExportDeps, request: DownloadRequest): Promise<DownloadFile | undefined> {
  if (request.kind !== 'contributions') return undefined;
  const now = deps.clock.now();
  const grant = await deps.taskGroups.getExportGrant(request.subject, hashToken(request.token));
  if (!grantStillValid(grant, now)) return undefined;
  return contributionsFile(deps, request.subject, now);
}

/** Every contribution of a group as a CSV file, for a lead (the organiser tab downloads it directly). */
export async function contributionsDownload(deps: ExportDeps, actor: Actor, groupId: string): Promise<DownloadFile> {
  await assertLead(deps, await requireGroup(deps, groupId), actor, 'export contributions');
  return contributionsFile(deps, groupId, deps.clock.now());
}

async function contributionsFile(deps: Pick<ExportDeps, 'taskGroups'>, groupId: string, now: Date): Promise<DownloadFile> {
  const [contributions, calls] = await Promise.all([deps.taskGroups.listContributions(groupId), deps.taskGroups.listCalls(groupId)]);
  return {
    filename: `${groupId}-contributions-${londonDate(now)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: contributionsCsv(contributions, new Map(calls.map((c) => [c.id, c]))),
  };
}
