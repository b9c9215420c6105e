import type { Actor } from '../actor';
import type { DeliveryCounts } from '../broadcasts/broadcast';
import type { BroadcastStore } from '../broadcasts/ports';
import { DomainError } from '../errors';
import { assertOrganiser, type Organisers } from '../organisers';
import type { Clock } from '../../clock';
import { planReach, type ReachDeps } from '../conversations/personal-chats';
import { type PeopleDeps, peopleComingTo, peopleFollowing, type Person } from './people';
import type { ReminderStore } from './ports';
import { reminderSlots } from './schedule';
import { deadlineSubject, eventSubject, type ReminderSubject, subjectKey } from './reminders';

/** For organisers: per event or deadline, who will be reminded and when, and what became of reminders already due. */
export interface OverviewDeps extends PeopleDeps, ReachDeps {
  reminders: ReminderStore;
  broadcasts: BroadcastStore;
  organisers: Organisers;
  clock: Clock;
  reminderTime: string;
}

export type SlotState =
  | { state: 'upcoming' }
  /** Due: goes out on the scheduler's next run (or at the next civil hour). */
  | { state: 'due' }
  /** Due after downtime together with a later one, which goes instead. */
  | { state: 'superseded' }
  | { state: 'queued'; counts?: DeliveryCounts }
  | { state: 'dropped'; reason: string };

export interface ReminderOverview {
  subject: ReminderSubject;
  slots: ({ days: number; dueAt: Date } & SlotState)[];
  /** Who would be reminded now, and whether the bot can reach them (a chat they have, or one it can open). */
  people: (Person & { reachable: boolean })[];
}

export async function reminderOverview(deps: OverviewDeps, actor: Actor, id: string): Promise<ReminderOverview> {
  await assertOrganiser(deps.organisers, actor, 'see who will be reminded');
  const [event, deadline] = await Promise.all([deps.events.getEvent(id), deps.deadlines.getDeadline(id)]);
  const subject = event ? eventSubject(event) : deadline ? deadlineSubject(deadline) : undefined;
  if (!subject) throw new DomainError('not_found', `No event or deadline is called "${id}".`, { hint: 'Type "events" or "deadlines" to find its id.' });
  const now = deps.clock.now();
  const [records, people] = await Promise.all([
    deps.reminders.getMany([subjectKey(subject)]),
    event ? peopleComingTo(deps, event) : peopleFollowing(deps, subject.id),
  ]);
  const record = records.get(subjectKey(subject));
  const slots = reminderSlots(subject.at, subject.days, deps.reminderTime);
  const lastDue = slots.filter((s) => s.dueAt <= now).at(-1);
  const states = await Promise.all(
    slots.map(async (slot): Promise<SlotState> => {
      const decided = record?.slots[slot.key];
      if (decided?.state === 'dropped') return { state: 'dropped', reason: decided.reason ?? 'not sent' };
      if (decided?.state === 'queued') {
        const broadcast = decided.broadcastId ? await deps.broadcasts.get(decided.broadcastId) : undefined;
        return { state: 'queued', ...(broadcast?.expandedAt ? { counts: await deps.broadcasts.counts(broadcast.id, broadcast.revision) } : {}) };
      }
      if (slot.dueAt > now) return { state: 'upcoming' };
      return slot === lastDue ? { state: 'due' } : { state: 'superseded' };
    }),
  );
  const plan = await planReach(deps, people.map((p) => p.userId));
  const reachable = new Set([...plan.chats.map((c) => c.userAadObjectId), ...plan.toOpen.map((o) => o.target.userAadObjectId)]);
  return {
    subject,
    slots: slots.map((slot, i) => ({ days: slot.days, dueAt: slot.dueAt, ...states[i]! })),
    people: people.map((p) => ({ ...p, reachable: reachable.has(p.userId) })).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
  };
}
