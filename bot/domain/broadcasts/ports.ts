import type { Deadline } from '../deadlines/deadline';
import type { DeadlineView } from '../deadlines/service';
import type { NlcEvent } from '../events/event';
import type { EventView } from '../events/service';
import type { CardJson } from '../messaging';
import type { Call, TaskGroup } from '../task-groups/task-group';
import type { WorkshopView } from '../workshops/service';
import type { Broadcast, Delivery, DeliveryCounts, FailureReason, Recipient } from './broadcast';

/** The content fields that name what a broadcast shows, so changes to it reach every copy. */
export type SubjectField = 'eventId' | 'deadlineId';

/** What broadcasting needs from storage. `bot/data/broadcast-store.ts` implements it on Cosmos. */
export interface BroadcastStore {
  create(broadcast: Broadcast): Promise<void>;
  /** Creates it unless a broadcast with its id exists: true when this call created it (scheduled broadcasts with derived ids). */
  createOnce(broadcast: Broadcast): Promise<boolean>;
  get(broadcastId: string): Promise<Broadcast | undefined>;
  /** Read-modify-write guarded by the document's version; `change` returns undefined to leave it. */
  update(broadcastId: string, change: (current: Broadcast) => Broadcast | undefined): Promise<Broadcast | undefined>;
  /** Broadcasts with work to do: queued or sending. */
  listActive(): Promise<Broadcast[]>;
  /** Scheduled broadcasts whose send time is at or before `now`. */
  listScheduledDue(now: Date): Promise<Broadcast[]>;
  /** Confirmed broadcasts whose content shows this event. */
  listShowingEvent(eventId: string): Promise<Broadcast[]>;
  /** The `limit` newest confirmed broadcasts (the organiser tab's list). */
  listRecent(limit: number): Promise<Broadcast[]>;
  /** Confirmed broadcasts whose content names this subject in `field` (e.g. a deadline's copies and reminders). */
  listShowing(field: SubjectField, id: string): Promise<Broadcast[]>;

  /** One pending record per recipient; recipients that already have one are left as they are. Returns how many were added. */
  addDeliveries(broadcastId: string, recipients: readonly Recipient[], now: Date): Promise<number>;
  /** Records with work due now (a first send, or an update to `revision`) that nobody holds a live claim on. */
  dueDeliveries(broadcastId: string, revision: number, now: Date, limit: number): Promise<Delivery[]>;
  /**
   * Writes `next` if the record is still at `current.version`; the saved record (with its
   * new version), or undefined when someone else changed it first. Claims and outcomes
   * both go through here, so two senders never both hold one record.
   */
  replaceDelivery(current: Delivery, next: Delivery): Promise<Delivery | undefined>;
  counts(broadcastId: string, revision: number): Promise<DeliveryCounts>;
  failureReasons(broadcastId: string, revision: number, limit: number): Promise<FailureReason[]>;
  /** Failed records back to pending (attempts reset); returns how many. */
  resetFailed(broadcastId: string, now: Date): Promise<number>;
}

/**
 * The cards broadcast content is shown with. cards/content-cards.ts draws them; the
 * composition root (bot/start.ts) passes them in, so the domain imports no card code.
 * `refreshUserIds`: Teams user ids whose clients refresh the card to their own view.
 */
export interface ContentCards {
  event(view: EventView, refreshUserIds: readonly string[]): CardJson;
  workshop(view: WorkshopView, refreshUserIds: readonly string[]): CardJson;
  deadline(view: DeadlineView, refreshUserIds: readonly string[]): CardJson;
  /** A call for contributions, with its form. */
  call(call: Call, group: TaskGroup): CardJson;
  announcement(announcement: { title: string; text: string }): CardJson;
  /** What every copy of a withdrawn broadcast is replaced by. */
  withdrawn(title: string): CardJson;
  /** The short personal notice people who said Going get when an event is cancelled. */
  eventCancelled(event: NlcEvent): CardJson;
  /** A reminder whose subject ("The event") has gone from the store. */
  reminderGone(what: string): CardJson;
  /** The line above an event reminder's card. */
  eventReminderText(event: NlcEvent, now: Date): string;
  /** The line above a deadline reminder's card. */
  deadlineReminderText(deadline: Deadline, now: Date): string;
  /** The line above a reminder to book a workshop (its booking closes soon). */
  bookingReminderText(workshop: NlcEvent & { booking: { deadline: string } }, now: Date): string;
}
