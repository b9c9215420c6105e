import type { Delivery } from '../../domain/broadcasts/broadcast';
import type { PreparedContent } from '../../domain/broadcasts/content-types';
import { recordRemoved } from '../../domain/conversations/service';
import type { PacedResult } from '../../delivery/sender';
import { isAbort } from '../../delivery/timer';
import { isDomainError } from '../../domain/errors';
import { withRetries } from '../../retry';
import type { RunContext } from './context';
import { type ChatStep, chatFor, type Unreachable } from './open-chat';

/** What one record is sent with: the broadcast's revision and its rendered content. */
export interface Rendition {
  revision: number;
  withdrawn: boolean;
  content: PreparedContent;
}

/**
 * One copy, exactly once as far as the store can make it:
 *  1. claim the record (a write conditional on the version we read: of two senders, one
 *     wins and the other skips it);
 *  2. send (or update the posted copy) through the paced sender;
 *  3. record the outcome with the message id (conditional on our claim's version).
 * A crash between 2 and 3 is the only way a copy is sent twice: the claim then runs out
 * and the copy is sent again. At most `concurrency` records are ever between 2 and 3.
 */
export async function deliver(run: RunContext, delivery: Delivery, rendition: Rendition): Promise<void> {
  const { deps, timing, owner } = run;
  const at = (offsetMs = 0): string => new Date(deps.clock.now().getTime() + offsetMs).toISOString();
  let current = await deps.broadcasts.replaceDelivery(delivery, { ...delivery, claimOwner: owner, claimUntil: at(timing.claimTtlMs), updatedAt: at() });
  if (!current) return;
  const isUpdate = delivery.state === 'sent' && Boolean(delivery.messageId);
  if (await settledBeforeSending(run, current, rendition, isUpdate)) return;
  // A person with no chat yet: the bot opens one (a request to Teams, paced like a send).
  const step: ChatStep = isUpdate ? { kind: 'chat', chat: {} } : await chatFor(run, current);
  if (step.kind !== 'chat') {
    await record(run, current, step.kind === 'stopped' ? released(current, at()) : outcome(current, step, false, rendition.revision, at()));
    return;
  }
  const { chat } = step;
  const target: Delivery = { ...delivery, ...chat };

  let sending = false;
  const beforeSend = async (): Promise<boolean> => {
    if (run.stop.aborted || !run.lease.held() || !current) return false;
    // A long wait (a Retry-After pause) may have eaten into the claim: renew it before a
    // send that could outlive it, or someone else could take the record mid-send.
    if (new Date(current.claimUntil).getTime() - deps.clock.now().getTime() < timing.sendTimeoutMs * 2) {
      current = await deps.broadcasts.replaceDelivery(current, { ...current, claimUntil: at(timing.claimTtlMs), updatedAt: at() });
      if (!current) return false;
    }
    sending = true;
    return true;
  };

  let result: PacedResult;
  try {
    const request = { conversation: target.reference, message: rendition.content.messageFor(target), attempt: delivery.attempts + 1, scope: target.scope, beforeSend };
    result = await deps.sender.send({ ...request, ...(isUpdate ? { replaces: delivery.messageId } : {}) }, run.abandon);
  } catch (error) {
    if (!isAbort(error)) throw error;
    // Stopping. A request that never left can be let go at once; one that left may or
    // may not have been posted: its claim is kept and runs out, and it is sent again.
    if (!sending && current) await record(run, current, released(current, at()));
    return;
  }
  if (!current) return;
  // The opened chat's address goes into the record with the outcome: a retry sends there.
  await record(run, current, outcome({ ...current, ...chat }, result, isUpdate, rendition.revision, at()));
  if (result.kind === 'blocked' || result.kind === 'not_found') await closed(run, target, result.reason);
}

/** Withdrawn or expired content, or content that must wait: recorded without sending; true when so. */
async function settledBeforeSending(run: RunContext, current: Delivery, rendition: Rendition, isUpdate: boolean): Promise<boolean> {
  const now = run.deps.clock.now();
  if ((rendition.withdrawn || rendition.content.expired) && !isUpdate) {
    const why = rendition.withdrawn ? 'the broadcast was withdrawn' : rendition.content.expired;
    await record(run, current, { ...released(current, now.toISOString()), state: 'failed', reason: `not sent: ${why}` });
    return true;
  }
  const notBefore = rendition.content.notBefore;
  if (notBefore && !isUpdate && notBefore > now) {
    // Timely content that must wait (a reminder found at night): the record's back-off holds it.
    await record(run, current, { ...released(current, now.toISOString()), notBefore: notBefore.toISOString() });
    return true;
  }
  return false;
}

/** Teams says this conversation cannot be messaged any more: stop choosing it (and, for a person, opening a chat with them). */
async function closed(run: RunContext, target: Delivery, reason: string): Promise<void> {
  const { deps } = run;
  if (target.scope === 'personal' && target.userAadObjectId) await deps.chats.refused(target.userAadObjectId, reason, target.conversationId);
  else await recordRemoved({ conversations: deps.conversations, clock: deps.clock }, target.conversationId);
}

const released = (d: Delivery, now: string): Delivery => ({ ...d, claimOwner: '', claimUntil: '', updatedAt: now });

function outcome(d: Delivery, result: PacedResult | Unreachable, isUpdate: boolean, revision: number, now: string): Delivery | undefined {
  const base = released(d, now);
  switch (result.kind) {
    case 'abandoned':
      // Our claim or lease went while we waited; whoever holds it now decides.
      return undefined;
    case 'sent':
      return { ...base, state: 'sent', messageId: result.messageId, revision, attempts: 0, reason: undefined, notBefore: '' };
    case 'retry':
      return { ...base, attempts: d.attempts + 1, reason: result.reason, notBefore: new Date(Date.parse(now) + result.delayMs).toISOString() };
    case 'blocked':
    case 'not_found':
    case 'unreachable':
      return { ...base, state: result.kind, reason: result.reason, attempts: d.attempts + 1 };
    case 'failed':
      // A copy that was posted stays posted; only its update to this revision gave up.
      return isUpdate ? { ...base, failedRevision: revision, reason: result.reason, attempts: 0 } : { ...base, state: 'failed', reason: result.reason, attempts: d.attempts + 1 };
  }
}

/**
 * Writes an outcome. A copy already sent whose outcome is lost would be sent again when
 * its claim runs out, so a busy store is given a few tries before that is accepted.
 */
async function record(run: RunContext, current: Delivery, next: Delivery | undefined): Promise<void> {
  if (!next) return;
  const saved = await withRetries(() => run.deps.broadcasts.replaceDelivery(current, next), {
    attempts: 6,
    retryable: (error) => isDomainError(error) && error.code === 'unavailable',
    baseDelayMs: 200,
    maxDelayMs: 5000,
    sleep: (ms) => run.deps.timer.sleep(ms),
  });
  if (!saved) run.deps.log.warn({ broadcastId: current.broadcastId, deliveryId: current.id }, 'delivery record changed by another sender; outcome not recorded');
}
