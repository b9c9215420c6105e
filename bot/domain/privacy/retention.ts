import type { Clock } from '../../clock';

/**
 * Storage side of retention. `bot/data/retention-store.ts` implements it on Cosmos.
 * Everything about an event lives in its partition, and everything about a broadcast in
 * its own, so "remove this event's records" is "empty that partition".
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
}

export interface RetentionDeps {
  retention: RetentionStore;
  clock: Clock;
  /** How long records are kept after their event ended (RETENTION_DAYS). */
  retentionDays: number;
}

export interface RetentionReport {
  events: number;
  broadcasts: number;
  calls: number;
  deadlines: number;
  documents: number;
}

const DAY_MS = 86_400_000;

/** The instant before which records are due for removal. */
export const retentionCutoff = (now: Date, retentionDays: number): Date => new Date(now.getTime() - retentionDays * DAY_MS);

/**
 * Removes what is past its keeping time: events (and everything about them) that ended
 * more than the retention period ago, broadcasts sent that long ago, and calls for
 * contributions that closed that long ago with what was sent to them. Each removal is
 * idempotent, so a run stopped half-way is finished by the next.
 */
export async function removeExpired(deps: RetentionDeps): Promise<RetentionReport> {
  const before = retentionCutoff(deps.clock.now(), deps.retentionDays);
  const report: RetentionReport = { events: 0, broadcasts: 0, calls: 0, deadlines: 0, documents: 0 };
  for (const eventId of await deps.retention.endedEvents(before)) {
    report.documents += await deps.retention.deleteEvent(eventId);
    report.events++;
  }
  for (const broadcastId of await deps.retention.oldBroadcasts(before)) {
    report.documents += await deps.retention.deleteBroadcast(broadcastId);
    report.broadcasts++;
  }
  for (const { groupId, callId } of await deps.retention.closedCalls(before)) {
    report.documents += await deps.retention.deleteCall(groupId, callId);
    report.calls++;
  }
  for (const deadlineId of await deps.retention.closedDeadlines(before)) {
    report.documents += await deps.retention.deleteDeadline(deadlineId);
    report.deadlines++;
  }
  return report;
}
