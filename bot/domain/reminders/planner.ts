import type { Clock } from '../../clock';
import type { Broadcast } from '../broadcasts/broadcast';
import { derivedBroadcastId } from '../broadcasts/catalogue';
import type { BroadcastStore } from '../broadcasts/ports';
import type { DeadlineStore } from '../deadlines/ports';
import type { EventStore } from '../events/ports';
import type { ReminderStore } from './ports';
import { decideSlots, type ReminderSlot } from './schedule';
import { BOOKING_REMINDER, bookingSubject, DEADLINE_REMINDER, deadlineSubject, EVENT_REMINDER, eventSubject, MAX_REMINDER_DAYS, type ReminderSubject, subjectKey } from './reminders';

/**
 * One run of the reminder scheduler. Everything it knows comes from Cosmos: the events
 * and deadlines in its window, and what became of each of their due reminders (the
 * reminders container). A due reminder is queued as a broadcast whose id is derived from
 * (subject, reminder), so two processes queueing it at once create one broadcast, and
 * the broadcast job sends each copy once. Nothing is kept in memory between runs: a
 * reminder that fell due while the bot was down is found on the first run after start.
 */
export interface PlannerDeps {
  events: EventStore;
  deadlines: DeadlineStore;
  reminders: ReminderStore;
  broadcasts: BroadcastStore;
  clock: Clock;
  reminderTime: string;
}

export interface PlannedSlot {
  subject: string;
  title: string;
  slot: string;
}

export interface PlanReport {
  queued: (PlannedSlot & { broadcastId: string })[];
  dropped: (PlannedSlot & { reason: string })[];
  /** Due but outside the civil hours: looked at again next run. */
  waiting: number;
}

/** How far back a subject that has started is still looked at, so a reminder missed by downtime is dropped with a log line. */
export const LOOKBACK_MS = 2 * 24 * 3600_000;
/** Subjects whose reminders might fall due now: up to the largest offset (plus a day) ahead. */
const HORIZON_MS = (MAX_REMINDER_DAYS + 1) * 24 * 3600_000;
/** Subjects decided at once. */
const PARALLEL = 8;

/** Who sends scheduled reminders, as the broadcasts record it. */
export const REMINDER_SENDER = { aadObjectId: 'nlc-reminders', name: 'NLC reminders' };

/** The broadcast of one due reminder: its id is derived, so queueing it twice creates it once. */
export const reminderBroadcastId = (subject: string, slotKey: string): string => derivedBroadcastId('r', subject, slotKey);

export async function subjectsInWindow(deps: Pick<PlannerDeps, 'events' | 'deadlines'>, now: Date): Promise<{ subject: ReminderSubject; version: number }[]> {
  const from = new Date(now.getTime() - LOOKBACK_MS);
  const to = new Date(now.getTime() + HORIZON_MS);
  const [events, deadlines, bookings] = await Promise.all([
    deps.events.listStartingBetween(from, to),
    deps.deadlines.listClosingBetween(from, to),
    deps.events.listBookingClosingBetween(from, to),
  ]);
  return [
    ...events.map((e) => ({ subject: eventSubject(e), version: e.sequence })),
    ...deadlines.map((d) => ({ subject: deadlineSubject(d), version: d.sequence })),
    ...bookings.flatMap((w) => (w.booking ? [{ subject: bookingSubject({ ...w, booking: w.booking }), version: w.sequence }] : [])),
  ];
}

export async function planReminders(deps: PlannerDeps): Promise<PlanReport> {
  const now = deps.clock.now();
  const subjects = await subjectsInWindow(deps, now);
  const report: PlanReport = { queued: [], dropped: [], waiting: 0 };
  const withDueSlots = subjects
    .map((s) => ({ ...s, decisions: decideSlots(s.subject, () => false, now, deps.reminderTime) }))
    .filter((s) => s.decisions.length > 0);
  if (withDueSlots.length === 0) return report;
  const records = await deps.reminders.getMany(withDueSlots.map((s) => subjectKey(s.subject)));
  const work = withDueSlots.map(({ subject, version }) => async () => {
    const key = subjectKey(subject);
    const record = records.get(key);
    for (const decision of decideSlots(subject, (slot) => Boolean(record?.slots[slot]), now, deps.reminderTime)) {
      const planned = { subject: key, title: subject.title, slot: decision.slot.key };
      if (decision.action === 'wait') report.waiting++;
      else if (decision.action === 'drop') {
        if (await deps.reminders.markSlot(key, decision.slot.key, { state: 'dropped', at: now.toISOString(), reason: decision.reason })) {
          report.dropped.push({ ...planned, reason: decision.reason });
        }
      } else {
        const broadcast = reminderBroadcast(subject, version, decision.slot, now);
        // The broadcast first, then the record: a crash between the two leaves a broadcast
        // the next run finds (its id is derived) instead of a record with nothing behind it.
        await deps.broadcasts.createOnce(broadcast);
        if (await deps.reminders.markSlot(key, decision.slot.key, { state: 'queued', at: now.toISOString(), broadcastId: broadcast.id })) {
          report.queued.push({ ...planned, broadcastId: broadcast.id });
        }
      }
    }
  });
  for (let i = 0; i < work.length; i += PARALLEL) await Promise.all(work.slice(i, i + PARALLEL).map((w) => w()));
  return report;
}

/** Each subject's broadcast kind (content and audience), what names it, and who it goes to in words. */
const KINDS: Record<ReminderSubject['kind'], { kind: string; field: 'eventId' | 'deadlineId'; audience: (title: string) => string; title: (days: number, title: string) => string }> = {
  event: { kind: EVENT_REMINDER, field: 'eventId', audience: (t) => `people coming to "${t}"`, title: (d, t) => `Reminder (${d} ${d === 1 ? 'day' : 'days'} before): ${t}` },
  deadline: { kind: DEADLINE_REMINDER, field: 'deadlineId', audience: (t) => `people who asked to be reminded of "${t}"`, title: (d, t) => `Reminder (${d} ${d === 1 ? 'day' : 'days'} before): ${t}` },
  booking: { kind: BOOKING_REMINDER, field: 'eventId', audience: (t) => `people who asked to be reminded to book "${t}"`, title: (d, t) => `Reminder to book (${d} days before booking closes): ${t}` },
};

function reminderBroadcast(subject: ReminderSubject, version: number, slot: ReminderSlot, now: Date): Broadcast {
  const at = now.toISOString();
  const { kind, field, audience, title } = KINDS[subject.kind];
  const spec = { [field]: subject.id };
  return {
    id: reminderBroadcastId(subjectKey(subject), slot.key),
    status: 'queued',
    content: { kind, ...spec, days: slot.days, dueAt: slot.dueAt.toISOString() },
    audience: { kind, ...spec },
    title: title(slot.days, subject.title),
    audienceText: audience(subject.title),
    createdBy: REMINDER_SENDER,
    createdAt: at,
    queuedAt: at,
    revision: 0,
    contentVersion: version,
    withdrawn: false,
    unreachable: 0,
    previewCount: 0,
  };
}
