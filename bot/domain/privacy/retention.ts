import type { Clock } from '../../clock';
import type { PersonalDataKind } from './privacy';
import type { PersonalDataStore, RetentionStore } from './ports';

export interface RetentionDeps {
  retention: RetentionStore;
  /** Takes a gone person off the task groups (see GONE_PERSON_KINDS). */
  personalData: Pick<PersonalDataStore, 'erase'>;
  clock: Clock;
  /** How long records are kept after their event ended (RETENTION_DAYS). */
  retentionDays: number;
}

export interface RetentionReport {
  events: number;
  broadcasts: number;
  calls: number;
  deadlines: number;
  /** Teams and chats the bot left whose members' records were still held. */
  rosters: number;
  /** People gone RETENTION_DAYS whose memberships and lead roles were removed. */
  people: number;
  documents: number;
}

/**
 * What is removed of someone who removed the bot RETENTION_DAYS ago (bot/data/retention-rules.ts,
 * `whenPersonGone`): the groups they were in and the roles they were given. Their answers, bookings and contributions
 * have rules of their own, counted from their events and calls.
 */
const GONE_PERSON_KINDS: readonly PersonalDataKind[] = ['memberships', 'leadRoles', 'organiserRoles'];

const DAY_MS = 86_400_000;

/** The instant before which records are due for removal. */
export const retentionCutoff = (now: Date, retentionDays: number): Date => new Date(now.getTime() - retentionDays * DAY_MS);

/**
 * Removes what is past its keeping time: events (and everything about them) that ended
 * more than the retention period ago, broadcasts sent that long ago, calls for
 * contributions that closed that long ago with what was sent to them, the groups of
 * people who removed the bot that long ago, then every record due by its own dates
 * (their chat records among them, last, so a stopped run still finds those people).
 * Each removal is idempotent, so a run stopped half-way is finished by the next.
 */
export async function removeExpired(deps: RetentionDeps): Promise<RetentionReport> {
  const now = deps.clock.now();
  const before = retentionCutoff(now, deps.retentionDays);
  const report: RetentionReport = { events: 0, broadcasts: 0, calls: 0, deadlines: 0, rosters: 0, people: 0, documents: 0 };
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
  for (const rosterId of await deps.retention.removedRosters(before)) {
    report.documents += await deps.retention.deleteRoster(rosterId);
    report.rosters++;
  }
  for (const userId of await deps.retention.gonePeople(before)) {
    const removed = await deps.personalData.erase(userId, GONE_PERSON_KINDS);
    report.documents += Object.values(removed).reduce((a, b) => a + (b ?? 0), 0);
    report.people++;
  }
  report.documents += await deps.retention.removeDue(before, now);
  return report;
}
