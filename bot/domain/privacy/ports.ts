import type { KnownPerson, PersonalDataCounts, PersonalDataKind } from './privacy';

/**
 * Storage for personal data, across every container. `bot/data/personal-data-store.ts`
 * implements it on Cosmos. Workshop bookings are not here: removing one can free a
 * place, which is booking logic (see service.ts).
 */
export interface PersonalDataStore {
  count(userId: string): Promise<Partial<PersonalDataCounts>>;
  /** Deletes (or, for records that must stay, strips the person from) everything, or only these kinds; idempotent. */
  erase(userId: string, kinds?: readonly PersonalDataKind[]): Promise<Partial<PersonalDataCounts>>;
  /** People whose recorded name is `name` (case-insensitive, exact). */
  findByName(name: string): Promise<KnownPerson[]>;
  /** The latest name recorded for an id, if any. */
  nameOf(userId: string): Promise<string | undefined>;
}

/**
 * Storage side of retention. `bot/data/retention-store.ts` implements it on Cosmos, from
 * one table of rules (`bot/data/retention-rules.ts`). Everything about an event lives in
 * its partition, and everything about a broadcast in its own, so "remove this event's
 * records" is "empty that partition"; and every personal record is also found by its own
 * dates (`removeDue`), since in Azure Cosmos TTL may remove the event document first.
 */
export interface RetentionStore {
  /** Ids of events that ended before `before`. */
  endedEvents(before: Date): Promise<string[]>;
  /** Deletes an event with its answers, bookings and links; the number of documents removed. */
  deleteEvent(eventId: string): Promise<number>;
  /** Ids of broadcasts created before `before` that are no longer sending. */
  oldBroadcasts(before: Date): Promise<string[]>;
  /** Deletes a broadcast with its delivery records. */
  deleteBroadcast(broadcastId: string): Promise<number>;
  /** Calls for contributions that closed before `before`. */
  closedCalls(before: Date): Promise<{ groupId: string; callId: string }[]>;
  /** Deletes a call with every contribution made to it. */
  deleteCall(groupId: string, callId: string): Promise<number>;
  /** Consultation deadlines that closed before `before`. */
  closedDeadlines(before: Date): Promise<string[]>;
  /** Deletes a deadline with everyone's answers on it, and its reminder record. */
  deleteDeadline(deadlineId: string): Promise<number>;
  /** Teams and chats the bot was removed from before `before` whose members' records are still there (the rosters job stopped). */
  removedRosters(before: Date): Promise<string[]>;
  /** Deletes a roster with its members' records. */
  deleteRoster(rosterId: string): Promise<number>;
  /** People whose personal chat with the bot was removed before `before` and who have none now. */
  gonePeople(before: Date): Promise<string[]>;
  /** Every other document due by its own rule (answers, ledgers, export links, removed chats); how many went. */
  removeDue(before: Date, now: Date): Promise<number>;
}
