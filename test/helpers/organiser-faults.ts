import { createTestInvoke, personalChat } from './activities';
import { inputValues } from './authoring';
import type { TestBot } from './bot';
import { actionData, click, command, installPersonalChats, ORGANISER, recipient } from './broadcasts';
import { cardText, type StandInConnector } from './connector';
import type { Fault, FaultProxy } from './fault-proxy';
import { type Attempt, attemptRound, type FaultRound } from './fault-scenario';
import { countDocs } from './store';
import { formOf, WORKSHOP } from './workshops';

/**
 * What organisers change (create, edit, cancel, broadcast, forget), each prepared with
 * the store healthy and then done with one click while the store misbehaves; afterwards
 * the store is checked. Shared by the store-faults test (which asserts) and
 * bench/store-faults.ts (which reports).
 */
export type OrganiserOp = 'create' | 'edit' | 'cancel' | 'broadcast' | 'forget';

export interface OrganiserWrite {
  op: OrganiserOp;
  label: string;
  verb: string;
  data: Record<string, unknown>;
  /** The answer that says it was done. */
  done: RegExp;
  /** How many times its effect is in the store (read with faults off): 0 or 1 before a retry, exactly 1 once done. */
  stored(): Promise<number>;
}

type Prepare = (bot: TestBot, connector: StandInConnector, tag: string) => Promise<OrganiserWrite>;

const docCount = (bot: TestBot, container: 'events' | 'deadlines' | 'taskGroups' | 'broadcasts', where: string, value: string) =>
  countDocs(bot.store.cosmos.containers[container], where, [{ name: '@v', value }]);

const create =
  (kind: 'event' | 'deadline' | 'call', container: 'events' | 'deadlines' | 'taskGroups', values: (tag: string) => Record<string, string>): Prepare =>
  async (bot, connector, tag) => {
    const form = await command(bot, connector, `new ${kind}`);
    const filled = values(tag);
    return {
      op: 'create',
      label: `new ${kind} ${tag}`,
      verb: 'author.save',
      data: { ...inputValues(form), ...filled, ...actionData(form, 'author.save') },
      done: /Created: /,
      stored: () => docCount(bot, container, 'c.title = @v', filled.title!),
    };
  };

/** An edit of one text field: its effect is one new version holding the new value (two would be a change written twice). */
const edit =
  (container: 'events' | 'deadlines', id: string, field: 'audience' | 'respondents'): Prepare =>
  async (bot, connector, tag) => {
    const read = async () => (await bot.store.cosmos.containers[container].item(id, id).read<Record<string, unknown> & { sequence: number }>()).resource!;
    const before = await read();
    const form = await command(bot, connector, `edit ${id}`);
    const value = `Edited in fault round ${tag}`;
    return {
      op: 'edit',
      label: `edit ${id}`,
      verb: 'author.save',
      data: { ...inputValues(form), [field]: value, ...actionData(form, 'author.save') },
      done: /Saved: /,
      stored: async () => {
        const now = await read();
        const versions = now.sequence - before.sequence;
        // A new version without the change, or the change without a new version, is half-written.
        if (now[field] !== value) return versions === 0 ? 0 : -1;
        return versions;
      },
    };
  };

/** Cancelling an event two people said Going to: the event cancelled, and one notice queued for them. */
const cancel =
  (eventId: string, from: number, people: number): Prepare =>
  async (bot, connector) => {
    await installPersonalChats(bot, connector, from, people);
    for (let n = from; n < from + people; n++) await click(bot, connector, 'event.rsvp', { eventId, response: 'going' }, { user: recipient(n) });
    const confirm = await command(bot, connector, `cancel ${eventId}`);
    return {
      op: 'cancel',
      label: `cancel ${eventId}`,
      verb: 'author.cancel',
      data: actionData(confirm, 'author.cancel'),
      done: /Cancelled: /,
      stored: async () => {
        const status = (await bot.store.cosmos.containers.events.item(eventId, eventId).read<{ status: string }>()).resource?.status;
        const notices = await docCount(bot, 'broadcasts', "c.type = 'broadcast' AND c.content.kind = 'event-cancelled' AND c.content.eventId = @v", eventId);
        return status === 'cancelled' ? notices : notices === 0 ? 0 : -1;
      },
    };
  };

/** Confirming a previewed announcement: queued once, whatever the number of clicks. */
const broadcast: Prepare = async (bot, connector, tag) => {
  const title = `Fault round announcement ${tag}`;
  const preview = await click(bot, connector, 'broadcast.preview', { content: 'announcement', title, text: 'Dates for the diary.', audience: 'personal' });
  return {
    op: 'broadcast',
    label: `send "${title}"`,
    verb: 'broadcast.send',
    data: actionData(preview, 'broadcast.send'),
    done: /Queued: sending starts|Delivered/,
    stored: () => docCount(bot, 'broadcasts', "c.type = 'broadcast' AND c.status != 'draft' AND c.title = @v", title),
  };
};

/** An organiser removing a person who answered, booked and joined a group: 1 once nothing of theirs is left. */
const forget =
  (n: number): Prepare =>
  async (bot, connector) => {
    const person = recipient(n);
    await installPersonalChats(bot, connector, n, 1);
    const invoke = (verb: string, data: Record<string, unknown>) => bot.post(createTestInvoke(connector.serviceUrl, personalChat(person), person, verb, data));
    await invoke('event.rsvp', { eventId: 'practice-week-2024-conference', response: 'maybe' });
    await invoke('workshop.book', { eventId: WORKSHOP, ...formOf(person) });
    await invoke('group.join', { groupId: 'tg1-workforce' });
    const review = await click(bot, connector, 'privacy.reviewPerson', { userId: person.aadObjectId });
    const left = async (): Promise<number> => {
      const all = await Promise.all(Object.values(bot.store.cosmos.containers).map((c) => c.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll()));
      return all.flatMap((r) => r.resources).filter((doc) => JSON.stringify(doc).includes(person.aadObjectId!)).length;
    };
    return {
      op: 'forget',
      label: `forget ${person.id}`,
      verb: 'privacy.forgetPerson',
      data: actionData(review, 'privacy.forgetPerson'),
      done: /data has been deleted/,
      stored: async () => ((await left()) === 0 ? 1 : 0),
    };
  };

/** What one round changes: things no other round touches (two events to edit, one to cancel, a deadline to edit). */
export interface OrganiserRoundPlan {
  tag: string;
  edit: readonly [string, string];
  cancel: string;
  deadline: string;
  /** First of the people numbers this round may use (recipient(n)). */
  people: number;
}

/** A round per fault rate, each changing its own things, so each stands alone. */
export const ORGANISER_PLANS: Record<string, OrganiserRoundPlan> = {
  '0.1': { tag: 'r10', edit: ['practice-week-2024-bitesize-mon', 'practice-week-2024-bitesize-tue'], cancel: 'nlc-meeting-2024-06', deadline: 'attendance-framework-survey-2024', people: 300 },
  '0.3': { tag: 'r30', edit: ['practice-week-2024-bitesize-thu', 'new-horizons-2024'], cancel: 'nlc-meeting-2024-09', deadline: 'wraparound-capital-eoi-2024', people: 310 },
};

/** Creates of each kind per round: each is one request that matters (the create), so several give a fault a fair chance to land on one. */
export const CREATES_PER_KIND = 4;

/** How many changes one organiser round makes. */
export const ORGANISER_CHANGES = 3 * CREATES_PER_KIND + 6;

function prepares(plan: OrganiserRoundPlan): Prepare[] {
  const event = (tag: string) => ({ title: `Fault round briefing ${tag}`, date: '2024-06-12', start: '18:00', end: '19:00', where: 'online', joinUrl: 'https://teams.microsoft.com/l/meetup-join/nlc-fault', audience: 'Governors' });
  const creates: Prepare[] = [
    create('event', 'events', event),
    create('deadline', 'deadlines', (tag) => ({ title: `Fault round survey ${tag}`, respondents: 'SENCOs in Norfolk schools', link: 'https://example.org/survey', closes: '2024-05-03' })),
    create('call', 'taskGroups', (tag) => ({ group: 'tg1-workforce', callKind: 'caseStudy', title: `Fault round call ${tag}`, asks: 'How you mentor new staff.', closes: '2024-07-05' })),
  ];
  return [
    ...Array.from({ length: CREATES_PER_KIND }, (_, i) => creates.map((prepare): Prepare => (bot, connector, tag) => prepare(bot, connector, `${tag}-${i + 1}`))).flat(),
    edit('events', plan.edit[0], 'audience'),
    edit('events', plan.edit[1], 'audience'),
    edit('deadlines', plan.deadline, 'respondents'),
    cancel(plan.cancel, plan.people, 2),
    broadcast,
    forget(plan.people + 2),
  ];
}

/** The organiser's click, and what the answer told them. */
async function send(bot: TestBot, connector: StandInConnector, write: OrganiserWrite): Promise<Awaited<ReturnType<Attempt['send']>>> {
  let response: { status: number; body: unknown };
  try {
    response = await bot.post(createTestInvoke(connector.serviceUrl, personalChat(ORGANISER), ORGANISER, write.verb, write.data, { replyToId: 'organiser-card-1' }));
  } catch (error) {
    return { told: 'other', detail: `no HTTP answer: ${String(error)}` };
  }
  const card = (response.body as { value?: unknown } | undefined)?.value;
  const text = response.status === 200 && card ? cardText(card) : '';
  if (write.done.test(text)) return { told: 'recorded' };
  if (/try again/i.test(text) && !/Something went wrong/.test(text)) return { told: 'try-again' };
  return { told: 'other', detail: `HTTP ${response.status}: ${text.slice(0, 300)}` };
}

/**
 * Every organiser change of `plan`, prepared with the store healthy, then each made with
 * one click, one at a time (as one organiser works), while `rate` of store requests fail.
 */
export async function organiserRound(bot: TestBot, connector: StandInConnector, proxy: FaultProxy, rate: number, plan: OrganiserRoundPlan, forced: readonly Fault[] = []): Promise<FaultRound> {
  const writes: OrganiserWrite[] = [];
  for (const prepare of prepares(plan)) writes.push(await prepare(bot, connector, plan.tag));
  const attempts: Attempt[] = writes.map((write) => ({ label: write.label, send: () => send(bot, connector, write), stored: () => write.stored() }));
  return attemptRound(proxy, 'organiser', rate, attempts, 1, forced);
}
