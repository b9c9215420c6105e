import type { Actor } from '../actor';
import type { NlcEvent } from '../events/event';
import type { EventFollowUps } from '../events/organise';
import { peopleWhoAnswered } from './audiences';
import type { Broadcast } from './broadcast';
import { eventCancelledContent } from './contents';
import type { BroadcastDeps } from './service';

/**
 * Correcting what was sent. Every broadcast showing an event gets a new revision; the
 * broadcast job then updates each posted copy in place (an update activity on the
 * message id stored with its delivery record), so an edit or a cancellation reaches
 * every copy however long ago it was posted.
 */
export async function reviseCopiesShowingEvent(deps: BroadcastDeps, event: NlcEvent): Promise<{ broadcasts: number; copies: number }> {
  const showing = await deps.broadcasts.listShowingEvent(event.id);
  let copies = 0;
  for (const broadcast of showing) {
    const revised = await deps.broadcasts.update(broadcast.id, (current) => ({
      ...current,
      revision: current.revision + 1,
      contentVersion: Math.max(current.contentVersion, event.sequence),
      title: current.content.kind === 'event' ? event.title : current.title,
      // Not yet read into records: nothing is posted, and what will be is read fresh.
      status: current.status === 'queued' ? 'queued' : 'sending',
      finishedAt: current.status === 'queued' ? current.finishedAt : undefined,
    }));
    if (revised?.expandedAt) copies += (await deps.broadcasts.counts(revised.id, revised.revision)).sent;
  }
  return { broadcasts: showing.length, copies };
}

/**
 * A short personal notice to everyone who said Going, sent like any broadcast (paced,
 * recorded, resumable), from the organiser who cancelled. Bookings add "booked".
 */
export async function queueCancellationNotice(deps: BroadcastDeps, event: NlcEvent, actor: Actor): Promise<{ broadcastId?: string; recipients: number; unreachable: number }> {
  // Everyone who expects to be there: said Going, or holds a place or a waitlist spot.
  const answers = ['going', 'booked', 'waitlisted'] as const;
  const { recipients, unreachable } = await peopleWhoAnswered(deps, event.id, answers);
  if (recipients.length === 0) return { recipients: 0, unreachable };
  const now = deps.clock.now().toISOString();
  const broadcast: Broadcast = {
    id: deps.newId(),
    status: 'queued',
    content: eventCancelledContent(event.id),
    audience: { kind: 'event-answers', eventId: event.id, answers: [...answers] },
    title: `Cancelled: ${event.title}`,
    audienceText: `people who said Going to, or hold a place at, "${event.title}"`,
    createdBy: { aadObjectId: actor.aadObjectId, ...(actor.name ? { name: actor.name } : {}) },
    createdAt: now,
    queuedAt: now,
    revision: 0,
    contentVersion: event.sequence,
    withdrawn: false,
    unreachable,
    previewCount: recipients.length,
  };
  await deps.broadcasts.create(broadcast);
  return { broadcastId: broadcast.id, recipients: recipients.length, unreachable };
}

/** What the events feature calls after an organiser changes an event. */
export function broadcastFollowUps(deps: BroadcastDeps): EventFollowUps {
  return {
    changed: async (event) => ({ copies: (await reviseCopiesShowingEvent(deps, event)).copies }),
    cancelled: async (event, actor) => {
      const { copies } = await reviseCopiesShowingEvent(deps, event);
      const notice = await queueCancellationNotice(deps, event, actor);
      return { copies, notified: notice.recipients, unreachable: notice.unreachable };
    },
  };
}
