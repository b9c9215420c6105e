import type { Actor } from '../actor';
import type { NlcEvent } from './event';
import type { Rsvp, RsvpCounts } from './rsvp';

/** What the events feature needs from storage. `bot/data/event-store.ts` implements it on Cosmos. */
export interface EventStore {
  getEvent(eventId: string): Promise<NlcEvent | undefined>;
  /** Scheduled events that end after `after`, soonest first. */
  listUpcoming(after: Date, limit: number): Promise<NlcEvent[]>;
  /** Every event, past, cancelled and to come, by start (the organiser tab's programme). */
  listProgramme(): Promise<NlcEvent[]>;
  /** Create or replace an event (demo data). */
  saveEvent(event: NlcEvent): Promise<void>;
  /**
   * An organiser's change: read-modify-write guarded by the document's etag, so `change`
   * always sees the latest version (it may run more than once; return undefined to leave
   * the event as it is). The event as stored afterwards, or undefined if there is none.
   */
  updateEvent(eventId: string, change: (current: NlcEvent | undefined) => NlcEvent | undefined): Promise<NlcEvent | undefined>;
  /** Creates a new event; false when the id is taken (decided by the store, not by a read first). */
  createEvent(event: NlcEvent): Promise<boolean>;
  /** Scheduled events starting in (from, to], soonest first (the reminder scheduler's window). */
  listStartingBetween(from: Date, to: Date): Promise<NlcEvent[]>;
  /** Scheduled workshops whose booking deadline is in (from, to] (reminders to book). */
  listBookingClosingBetween(from: Date, to: Date): Promise<NlcEvent[]>;
  /** Idempotent: one record per (event, user), whatever the number of calls. */
  saveRsvp(rsvp: Rsvp): Promise<void>;
  getRsvp(eventId: string, userId: string): Promise<Rsvp | undefined>;
  countRsvps(eventId: string): Promise<RsvpCounts>;
  /** The counts of several events at once (every id given has an entry). */
  countRsvpsOf(eventIds: readonly string[]): Promise<Map<string, RsvpCounts>>;
  listRsvpsOfUser(userId: string): Promise<Rsvp[]>;
  /** Every answer to one event (organisers' follow-ups: who to tell when it changes). */
  listRsvpsOfEvent(eventId: string): Promise<Rsvp[]>;
}

/** What happens to copies already posted when an organiser changes or cancels an event (broadcasts update them, and tell the people coming). */
export interface EventFollowUps {
  changed(event: NlcEvent): Promise<{ copies: number }>;
  cancelled(event: NlcEvent, actor: Actor): Promise<{ copies: number; notified: number; unreachable: number }>;
}
