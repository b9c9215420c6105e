import type { Ledger } from '../../bot/domain/workshops/ledger';
import { createTestInvoke, personalChat, type TestUser } from './activities';
import type { TestBot } from './bot';
import { cardText } from './connector';
import type { Fault, FaultProxy } from './fault-proxy';
import { countDocs } from './store';

/**
 * The three writes people make (an RSVP, a workshop booking, a contribution), each sent
 * by many people while the store misbehaves, then checked against what the store holds.
 * Shared by the store-faults test (which asserts) and bench/store-faults.ts (which reports).
 */
export type WriteKind = 'rsvp' | 'booking' | 'contribution';
export const WRITE_KINDS: readonly WriteKind[] = ['rsvp', 'booking', 'contribution'];

/**
 * The bot's store requests time out after `requestTimeoutMs` in these runs, and a `slow`
 * fault answers `slowMs` late: after the bot gave up. (The bot's default, 4 s, would make
 * each slow fault cost 4 s of waiting; the behaviour is the same.)
 */
export const FAULT_TIMING = { requestTimeoutMs: 1000, slowMs: 1500 } as const;

export const FAULT_EVENT = 'practice-week-2024-conference';
export const FAULT_WORKSHOP = 'ap-framework-workshop-2024';
const GROUP = 'tg1-workforce';
const CALL = 'tg1-ta-apprenticeship-stories';

const DATA: Record<WriteKind, (user: TestUser) => { verb: string; data: Record<string, unknown> }> = {
  rsvp: () => ({ verb: 'event.rsvp', data: { eventId: FAULT_EVENT, response: 'going' } }),
  booking: (user) => ({ verb: 'workshop.book', data: { eventId: FAULT_WORKSHOP, role: 'headteacher', school: `School of ${user.name ?? user.id}`, needs: '' } }),
  contribution: (user) => ({
    verb: 'contribution.submit',
    data: {
      groupId: GROUP,
      callId: CALL,
      title: `Apprenticeship story from ${user.name ?? user.id}`,
      setting: 'Example Primary School',
      phase: 'Primary',
      summary: 'We recruited an apprentice teaching assistant from our parent community; mentoring and a weekly training day meant they completed and stayed.',
      link: '',
    },
  }),
};

/** What the person was told: their write is recorded, "try again", or something else (a problem). */
const CONFIRMED: Record<WriteKind, RegExp> = {
  rsvp: /You're going/,
  // A retry of a booking that had been stored says so (already booked or waiting).
  booking: /Booked: your place is confirmed|on the waiting list|You already have a place/,
  contribution: /has been sent/,
};
const TRY_AGAIN = /Please try again/;

export type Told = 'recorded' | 'try-again' | 'other';

export interface WriteOutcome {
  user: TestUser;
  told: Told;
  /** The answer, when it was neither. */
  detail?: string;
}

export const faultUser = (kind: WriteKind, n: number): TestUser => {
  const hex = (WRITE_KINDS.indexOf(kind) * 0x10000 + n).toString(16).padStart(12, '0');
  return { id: `29:fault-${kind}-${n}`, aadObjectId: `00000000-0000-4000-a000-${hex}`, name: `Fault ${kind} ${n}` };
};

/** One person makes one write; what the answer told them. */
export async function write(bot: TestBot, serviceUrl: string, kind: WriteKind, user: TestUser): Promise<WriteOutcome> {
  const { verb, data } = DATA[kind](user);
  let response: { status: number; body: unknown };
  try {
    response = await bot.post(createTestInvoke(serviceUrl, personalChat(user), user, verb, data));
  } catch (error) {
    return { user, told: 'other', detail: `no HTTP answer: ${String(error)}` };
  }
  const card = (response.body as { value?: unknown } | undefined)?.value;
  const text = response.status === 200 && card ? cardText(card) : '';
  if (CONFIRMED[kind].test(text)) return { user, told: 'recorded' };
  if (TRY_AGAIN.test(text) && !/Something went wrong/.test(text)) return { user, told: 'try-again' };
  return { user, told: 'other', detail: `HTTP ${response.status}: ${text.slice(0, 200) || JSON.stringify(response.body)}` };
}

/** Sends the writes `concurrency` at a time (people clicking together, not one long queue). */
export async function writeAll(bot: TestBot, serviceUrl: string, kind: WriteKind, users: readonly TestUser[], concurrency = 10): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  for (let i = 0; i < users.length; i += concurrency) {
    outcomes.push(...(await Promise.all(users.slice(i, i + concurrency).map((user) => write(bot, serviceUrl, kind, user)))));
  }
  return outcomes;
}

/** How many records the store holds for this person's write (read with faults off). */
export async function storedFor(bot: TestBot, kind: WriteKind, user: TestUser): Promise<number> {
  const userId = user.aadObjectId ?? '';
  const { events, taskGroups } = bot.store.cosmos.containers;
  if (kind === 'rsvp') {
    return countDocs(events, "c.eventId = @e AND c.type = 'rsvp' AND c.userId = @u AND c.response = 'going'", [
      { name: '@e', value: FAULT_EVENT },
      { name: '@u', value: userId },
    ]);
  }
  if (kind === 'contribution') {
    return countDocs(taskGroups, "c.groupId = @g AND c.type = 'contribution' AND c.authorId = @u", [
      { name: '@g', value: GROUP },
      { name: '@u', value: userId },
    ]);
  }
  const ledger = (await events.item('ledger', FAULT_WORKSHOP).read<Ledger>()).resource;
  return (ledger?.entries ?? []).filter((e) => e.userId === userId && e.status !== 'cancelled').length;
}

/** The workshop's ledger is consistent: unique sequence numbers and booking ids, no more booked than places. */
export async function ledgerProblems(bot: TestBot): Promise<string[]> {
  const ledger = (await bot.store.cosmos.containers.events.item('ledger', FAULT_WORKSHOP).read<Ledger>()).resource;
  if (!ledger) return [];
  const problems: string[] = [];
  const booked = ledger.entries.filter((e) => e.status === 'booked').length;
  if (booked > ledger.capacity) problems.push(`${booked} booked for ${ledger.capacity} places`);
  if (new Set(ledger.entries.map((e) => e.seq)).size !== ledger.entries.length) problems.push('a sequence number is used twice');
  if (new Set(ledger.entries.map((e) => e.bookingId)).size !== ledger.entries.length) problems.push('a booking id is used twice');
  if (ledger.entries.some((e) => e.seq >= ledger.nextSeq)) problems.push('an entry is numbered past nextSeq');
  return problems;
}

export interface FaultRound {
  kind: string;
  rate: number;
  sent: number;
  recorded: number;
  tryAgain: number;
  /** Anything that breaks "recorded once, or told to try again, nothing half-written". */
  problems: string[];
  /** People told "try again" whose write had in fact been stored (the answer was lost on the way back). */
  storedDespiteTryAgain: number;
  /** Everyone told "try again" tried again with the store healthy: how many were then recorded. */
  retriedOk: number;
}

/** One write a person makes, and how many times its effect is in the store (read with faults off). */
export interface Attempt {
  label: string;
  send(): Promise<{ told: Told; detail?: string }>;
  stored(): Promise<number>;
}

/**
 * The attempts are made (`concurrency` at a time) while `rate` of the store's requests
 * fail; then, with the store healthy, the store is checked and everyone told "try again"
 * tries again. Told "recorded" must mean stored exactly once, "try again" at most once,
 * and after trying again exactly once; any other answer is a problem. `forced` faults
 * land on the round's first requests whatever the rate (tests use them so that a round
 * always meets every kind of fault, however its writes happen to be batched).
 */
export async function attemptRound(proxy: FaultProxy, kind: string, rate: number, attempts: readonly Attempt[], concurrency = 10, forced: readonly Fault[] = []): Promise<FaultRound> {
  proxy.setRate(rate);
  for (const fault of forced) proxy.failNext(fault);
  const outcomes: { attempt: Attempt; told: Told; detail?: string }[] = [];
  try {
    for (let i = 0; i < attempts.length; i += concurrency) {
      const batch = attempts.slice(i, i + concurrency);
      outcomes.push(...(await Promise.all(batch.map(async (attempt) => ({ attempt, ...(await attempt.send()) })))));
    }
  } finally {
    proxy.setRate(0);
  }
  const round: FaultRound = { kind, rate, sent: outcomes.length, recorded: 0, tryAgain: 0, problems: [], storedDespiteTryAgain: 0, retriedOk: 0 };
  for (const { attempt, told, detail } of outcomes) {
    const stored = await attempt.stored();
    if (told === 'recorded') {
      round.recorded++;
      if (stored !== 1) round.problems.push(`${attempt.label}: told done, ${stored} stored`);
    } else if (told === 'try-again') {
      round.tryAgain++;
      if (stored > 1 || stored < 0) round.problems.push(`${attempt.label}: told to try again, ${stored} stored`);
      if (stored === 1) round.storedDespiteTryAgain++;
    } else {
      round.problems.push(`${attempt.label}: ${detail ?? 'no clear answer'}`);
    }
  }
  for (const { attempt } of outcomes.filter((o) => o.told === 'try-again')) {
    const again = await attempt.send();
    const stored = await attempt.stored();
    if (again.told === 'recorded') round.retriedOk++;
    else round.problems.push(`${attempt.label}: a retry with the store healthy was answered ${again.detail ?? again.told}`);
    if (stored !== 1) round.problems.push(`${attempt.label}: after trying again, ${stored} stored`);
  }
  return round;
}

/**
 * `people` write `kind` while `rate` of the store's requests fail; then, with the store
 * healthy, the store is checked and everyone told "try again" tries again.
 */
export async function faultRound(bot: TestBot, serviceUrl: string, proxy: FaultProxy, kind: WriteKind, rate: number, people: readonly TestUser[], forced: readonly Fault[] = []): Promise<FaultRound> {
  const attempts = people.map((user) => ({ label: `${kind} ${user.id}`, send: () => write(bot, serviceUrl, kind, user), stored: () => storedFor(bot, kind, user) }));
  const round = await attemptRound(proxy, kind, rate, attempts, 10, forced);
  if (kind === 'booking') round.problems.push(...(await ledgerProblems(bot)));
  return round;
}
