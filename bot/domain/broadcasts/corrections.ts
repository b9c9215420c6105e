import type { Actor } from '../actor';
import type { NlcEvent } from '../events/event';
import type { DeadlineFollowUps } from '../deadlines/ports';
import type { EventFollowUps } from '../events/ports';
import { peopleWhoAnswered } from './audience-types';
import type { Broadcast } from './broadcast';
import { derivedBroadcastId } from './catalogue';
import { eventCancelledContent } from './content-types';
import type { SubjectField } from './ports';
import type { BroadcastDeps } from './service';

/**
 * Correcting what was sent. Every broadcast showing an event gets a new revision; the
 * broadcast job then updates each posted copy in place (an update activity on the
 * message id stored with its delivery record), so an edit or a cancellation reaches
 * every copy however long ago it was posted.
 */
export const reviseCopiesShowingEvent = (deps: BroadcastDeps, event: NlcEvent): Promise<{ broadcasts: number; copies: number }> =>
  reviseCopiesShowing(deps, 'eventId', event.id, event.sequence, (broadcast) => (broadcast.content.kind === 'event' ? event.title : broadcast.title));

/**
 * The same for any subject a broadcast can show (an event, a deadline): a new revision
 * for each, so every posted copy is updated. A broadcast already at this version of the
 * subject is left alone, so running this again (a retry) changes nothing twice.
 */
export async function reviseCopiesShowing(
  deps: Pick<BroadcastDeps, 'broadcasts'>,
  field: SubjectField,
  id: string,
  version: number,
  titleOf: (broadcast: Broadcast) => string = (broadcast) => broadcast.title,
): Promise<{ broadcasts: number; copies: number }> {
  const showing = await deps.broadcasts.listShowing(field, id);
  let copies = 0;
  for (const broadcast of showing) {
    const revised = await deps.broadcasts.update(broadcast.id, (current) =>
      current.contentVersion >= version
        ? undefined
        : {
            ...current,
            revision: current.revision + 1,
            contentVersion: version,
            title: titleOf(current),
            // Not yet read into records (queued, or scheduled for later): nothing is posted,
            // and what will be is read fresh when it goes.
            ...(current.status === 'queued' || current.status === 'scheduled' ? {} : { status: 'sending' as const, finishedAt: undefined }),
          },
    );
    if (revised?.expandedAt) copies += (await deps.broadcasts.counts(revised.id, revised.revision)).sent;
  }
  return { broadcasts: showing.length, copies };
}

/**
 * A short personal notice to everyone who said Going, sent like any broadcast (paced,
 * recorded, resumable), from the organiser who cancelled. Bookings add "booked". Its id
 * comes from the cancelled event's version, so cancelling again finds the notice queued
 * the first time (and queues it if that failed) instead of telling everyone twice.
 */
export async function queueCancellationNotice(deps: BroadcastDeps, event: NlcEvent, actor: Actor): Promise<{ broadcastId?: string; recipients: number; unreachable: number }> {
  const id = derivedBroadcastId('c', event.id, String(event.sequence));
  const queued = await deps.broadcasts.get(id);
  if (queued) return { broadcastId: id, recipients: queued.previewCount, unreachable: queued.unreachable };
  // Everyone who expects to be there: said Going, or holds a place or a waitlist spot.
  const answers = ['going', 'booked', 'waitlisted'] as const;
  const { recipients, unreachable } = await peopleWhoAnswered(deps, event.id, answers);
  if (recipients.length === 0) return { recipients: 0, unreachable };
  const now = deps.clock.now().toISOString();
  const broadcast: Broadcast = {
    id,
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
  // Two organisers confirming at once: the store lets one create it.
  await deps.broadcasts.createOnce(broadcast);
  return { broadcastId: id, recipients: recipients.length, unreachable };
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

/** What the deadlines feature calls after an organiser changes or withdraws a deadline: every copy (cards, reminders) is updated. */
export function deadlineFollowUps(deps: Pick<BroadcastDeps, 'broadcasts'>): DeadlineFollowUps {
  return { changed: async (deadline) => ({ copies: (await reviseCopiesShowing(deps, 'deadlineId', deadline.id, deadline.sequence)).copies }) };
}
