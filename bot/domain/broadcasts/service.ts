import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { assertOrganiser, type Organisers } from '../organisers';
import type { AudienceDeps, AudienceResolution, AudienceType } from './audience-types';
import { type AudienceSpec, type Broadcast, type ContentSpec, type DeliveryCounts, emptyDeliveryCounts, type FailureReason, type StatusMessage, workLeft } from './broadcast';
import { fieldProblem, type Kinds } from './compose';
import type { DeadlineStore } from '../deadlines/ports';
import type { CardJson } from '../messaging';
import type { UnreachableReason } from '../conversations/reach';
import type { ContentDeps, ContentType, PreparedContent } from './content-types';
import type { SendingOptions } from './sending-options';
import type { BroadcastStore } from './ports';

/**
 * The organiser's side of broadcasting: compose, preview (with the number of
 * recipients), confirm, watch, resend to failed, withdraw. Confirming only records the
 * broadcast as queued; the sending itself is the broadcast job's (bot/jobs), so the
 * organiser's click is answered at once.
 */
export interface BroadcastDeps extends AudienceDeps, ContentDeps {
  broadcasts: BroadcastStore;
  organisers: Organisers;
  audiences: Kinds<AudienceType>;
  contents: Kinds<ContentType>;
  /** A fresh broadcast id ("b-" and lower-case letters or digits). */
  newId(): string;
  /** Open deadlines, offered on the compose card when the deadline content type is in the catalogue. */
  deadlines?: Pick<DeadlineStore, 'listOpen'>;
}

/** What organisers may do here, as the refusal says it. */
export const WHAT = 'send broadcasts';

export interface BroadcastSpecs {
  content: ContentSpec;
  contentType: ContentType;
  audience: AudienceSpec;
  audienceType: AudienceType;
}

export interface BroadcastPreview {
  broadcast: Broadcast;
  recipients: number;
  /** Of the recipients, people the bot will open a personal chat with (the rest have one, or are channels). */
  opens: number;
  unreachable: number;
  unreachableWhy: Partial<Record<UnreachableReason, number>>;
  sample: CardJson;
}

export interface BroadcastReport {
  broadcast: Broadcast;
  counts: DeliveryCounts;
  failures: FailureReason[];
  /** Work is left (first sends or updates): the card keeps updating. */
  running: boolean;
}

/**
 * Saves a broadcast: a draft for an organiser to confirm, or (given `queued`) one queued
 * at once for the broadcast job. Whoever calls this has checked that `actor` may send
 * it: organisers anything, a task group's leads a call to their group. Given an `id`
 * derived from the request, a repeat of the request (a double click, a retry after a
 * lost answer) gets the broadcast the first one saved, and nothing is sent twice.
 */
export async function createBroadcast(
  deps: BroadcastDeps,
  actor: Actor,
  specs: BroadcastSpecs & SendingOptions,
  queued: { statusMessage?: StatusMessage } | undefined,
  id?: string,
): Promise<BroadcastPreview> {
  const { content, audience } = specs;
  const { resolution, prepared, audienceText } = await resolveBroadcast(deps, specs);
  if (resolution.recipients.length === 0) throw fieldProblem('audience', 'nobody is in this audience yet, so there is no one to send to');
  const now = deps.clock.now().toISOString();
  const broadcast: Broadcast = {
    id: id ?? deps.newId(),
    status: queued ? 'queued' : 'draft',
    content,
    audience,
    title: prepared.title,
    audienceText,
    ...(specs.note ? { note: specs.note } : {}),
    ...(specs.sendAt ? { sendAt: specs.sendAt } : {}),
    createdBy: { aadObjectId: actor.aadObjectId, ...(actor.name ? { name: actor.name } : {}) },
    createdAt: now,
    ...(queued ? { queuedAt: now, ...(queued.statusMessage ? { statusMessage: queued.statusMessage } : {}) } : {}),
    revision: 0,
    contentVersion: prepared.version,
    withdrawn: false,
    unreachable: resolution.unreachable,
    unreachableWhy: resolution.unreachableWhy ?? {},
    previewCount: resolution.recipients.length,
    previewOpens: resolution.recipients.filter((r) => r.opensChat).length,
  };
  if (!id) await deps.broadcasts.create(broadcast);
  else if (!(await deps.broadcasts.createOnce(broadcast))) {
    const first = await deps.broadcasts.get(id);
    if (first) return { ...previewOf(first), sample: prepared.sample };
  }
  return { ...previewOf(broadcast), sample: prepared.sample };
}

/** Who the audience reaches now, and the card the content makes: what a preview shows. */
export async function resolveBroadcast(deps: BroadcastDeps, specs: BroadcastSpecs): Promise<{ resolution: AudienceResolution; prepared: PreparedContent; audienceText: string }> {
  const [resolution, prepared, audienceText] = await Promise.all([
    specs.audienceType.resolve(specs.audience, deps),
    specs.contentType.prepare(specs.content, { withdrawn: false }, deps),
    specs.audienceType.describe(specs.audience, deps),
  ]);
  return { resolution, prepared, audienceText };
}

/** The counts a preview shows, as the broadcast recorded them. */
const previewOf = (b: Broadcast): Omit<BroadcastPreview, 'sample'> => ({
  broadcast: b,
  recipients: b.previewCount,
  opens: b.previewOpens ?? 0,
  unreachable: b.unreachable,
  unreachableWhy: b.unreachableWhy ?? {},
});

/**
 * Organisers see every broadcast; anyone else (a task-group lead) only the ones they
 * sent, and is told "not open to you" for any other id, found or not.
 */
async function requireManageable(deps: BroadcastDeps, actor: Actor, broadcastId: string): Promise<Broadcast> {
  const broadcast = await deps.broadcasts.get(broadcastId);
  if (broadcast?.createdBy.aadObjectId !== actor.aadObjectId) await assertOrganiser(deps.organisers, actor, WHAT);
  if (!broadcast) throw new DomainError('not_found', 'We could not find that broadcast.', { hint: 'Type "broadcast" to start a new one.' });
  return broadcast;
}

async function requireBroadcast(deps: BroadcastDeps, broadcastId: string): Promise<Broadcast> {
  const broadcast = await deps.broadcasts.get(broadcastId);
  if (!broadcast) throw new DomainError('not_found', 'We could not find that broadcast.', { hint: 'Type "broadcast" to start a new one.' });
  return broadcast;
}

/**
 * Queues a previewed draft. Confirming twice (a double click, a retried invoke) queues it
 * once: only a draft changes. `statusMessage` is the card the organiser clicked, which
 * the job then keeps up to date.
 */
export async function confirmBroadcast(deps: BroadcastDeps, actor: Actor, broadcastId: string, statusMessage: StatusMessage | undefined): Promise<BroadcastReport> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  await requireBroadcast(deps, broadcastId);
  const now = deps.clock.now();
  await deps.broadcasts.update(broadcastId, (current) => {
    if (current.status !== 'draft') return undefined;
    const withCard = { ...current, ...(statusMessage ? { statusMessage } : {}) };
    // A time that passed while the preview sat unconfirmed means "now".
    return current.sendAt && new Date(current.sendAt) > now ? { ...withCard, status: 'scheduled' } : { ...withCard, status: 'queued', queuedAt: now.toISOString() };
  });
  return broadcastReport(deps, actor, broadcastId);
}

export async function reportOf(deps: Pick<BroadcastDeps, 'broadcasts'>, broadcast: Broadcast): Promise<BroadcastReport> {
  if (!broadcast.expandedAt) return { broadcast, counts: emptyDeliveryCounts(), failures: [], running: broadcast.status === 'queued' };
  const [counts, failures] = await Promise.all([
    deps.broadcasts.counts(broadcast.id, broadcast.revision),
    deps.broadcasts.failureReasons(broadcast.id, broadcast.revision, 5),
  ]);
  return { broadcast, counts, failures, running: workLeft(counts) > 0 };
}

export async function broadcastReport(deps: BroadcastDeps, actor: Actor, broadcastId: string): Promise<BroadcastReport> {
  return reportOf(deps, await requireManageable(deps, actor, broadcastId));
}

/** Only the recipients whose copy failed are tried again; blocked and gone ones are not. */
export async function resendToFailed(deps: BroadcastDeps, actor: Actor, broadcastId: string): Promise<BroadcastReport> {
  const broadcast = await requireManageable(deps, actor, broadcastId);
  if (broadcast.withdrawn) throw new DomainError('closed', 'This broadcast was withdrawn, so it is not sent again.');
  const reset = await deps.broadcasts.resetFailed(broadcastId, deps.clock.now());
  if (reset > 0) {
    await deps.broadcasts.update(broadcastId, (current) => ({ ...current, status: 'sending', finishedAt: undefined }));
  }
  return broadcastReport(deps, actor, broadcastId);
}

/** Replaces every posted copy with a "withdrawn" card; copies not yet sent are not sent. */
export async function withdrawBroadcast(deps: BroadcastDeps, actor: Actor, broadcastId: string): Promise<BroadcastReport> {
  await requireManageable(deps, actor, broadcastId);
  await deps.broadcasts.update(broadcastId, (current) =>
    current.withdrawn || current.status === 'draft'
      ? undefined
      : current.status === 'queued' || current.status === 'scheduled'
        ? { ...current, withdrawn: true, status: 'done', finishedAt: deps.clock.now().toISOString() }
        : { ...current, withdrawn: true, revision: current.revision + 1, status: 'sending', finishedAt: undefined },
  );
  return broadcastReport(deps, actor, broadcastId);
}
