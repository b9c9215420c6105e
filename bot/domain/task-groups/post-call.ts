import type { Actor } from '../actor';
import type { StatusMessage } from '../broadcasts/broadcast';
import { derivedBroadcastId } from '../broadcasts/catalogue';
import { type BroadcastDeps, type BroadcastReport, createBroadcast, reportOf } from '../broadcasts/service';
import { DomainError, isDomainError } from '../errors';
import type { Call, TaskGroup } from './task-group';
import { assertCallOpen, assertLead, requireCall, requireGroup, type TaskGroupsDeps } from './service';

/** Task groups, plus the broadcast machinery (kept apart: each has its own `newId`). */
export type PostCallDeps = TaskGroupsDeps & { broadcasting: BroadcastDeps };

/** A lead's own call, open, in their own group: what they may post (organisers may post any). */
export async function callToPost(deps: PostCallDeps, actor: Actor, groupId: string, callId: string): Promise<{ group: TaskGroup; call: Call }> {
  const group = await requireGroup(deps, groupId);
  await assertLead(deps, group, actor, 'post its calls for contributions');
  const call = await requireCall(deps, groupId, callId);
  assertCallOpen(call, deps.clock.now());
  return { group, call };
}

/**
 * Sends a call to every member's personal chat, through the broadcast machinery: paced
 * at Teams' rate, recorded per member, resumed after a restart. The lead's card becomes
 * the broadcast's status card and updates itself. `request` names the click (the card
 * it was on, else the activity), so a repeat of the same click sends nothing more.
 */
export async function sendCallToMembers(
  deps: PostCallDeps,
  actor: Actor,
  groupId: string,
  callId: string,
  statusMessage: StatusMessage | undefined,
  request: string,
): Promise<BroadcastReport> {
  await callToPost(deps, actor, groupId, callId);
  const broadcasting = deps.broadcasting;
  // One broadcast per click on one card: clicking again (twice at once, or after "try
  // again") finds it, so members get the call once.
  const id = derivedBroadcastId('m', groupId, callId, actor.aadObjectId, request);
  const sent = await broadcasting.broadcasts.get(id);
  if (sent) return reportOf(broadcasting, sent);
  const contentType = broadcasting.contents.get('call');
  const audienceType = broadcasting.audiences.get('task-group');
  if (!contentType || !audienceType) throw new DomainError('closed', 'Sending calls to members is not set up in this bot.');
  try {
    const { broadcast } = await createBroadcast(
      broadcasting,
      actor,
      { content: { kind: 'call', groupId, callId }, contentType, audience: { kind: 'task-group', groupId }, audienceType },
      { statusMessage },
      id,
    );
    return reportOf(broadcasting, broadcast);
  } catch (error) {
    // The broadcast form's "nobody in this audience" problem, in a lead's words.
    if (isDomainError(error) && error.code === 'invalid_input') {
      throw new DomainError('closed', "None of the group's members has the bot in a personal chat yet, so there is no one to send to.", {
        hint: 'Members get calls once they have added the NLC bot in Teams. You can also post the call in the group\'s channel: mention the bot there and type "post call" and the call\'s name.',
      });
    }
    throw error;
  }
}
