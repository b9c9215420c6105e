/**
 * npm run bench:reminders
 *
 * EVENTS events (200) with PER_EVENT people going to each (100): EVENTS x PER_EVENT due
 * reminders (20,000), every one of them due at 09:00 London on the same morning. The bot
 * runs in this process on a ManualClock (its own startBot, jobs run by hand, as in the
 * tests), the embedded Cosmos server in its own process (counting the requests it
 * serves), and the stand-in Bot Connector in another (Teams' per-conversation limits, the
 * app-wide limit raised to LIMIT per second). It measures:
 *   idle scan  one scheduler pass the minute before they fall due (what every minute costs)
 *   compute    the scheduler pass that finds them all due and queues them
 *   dispatch   the broadcast job sending them, paced by the process's one rate limiter
 *   again      a second scheduler pass and send: nothing is sent twice
 * and prints times, the send rate against LIMIT, Cosmos requests per reminder, duplicates
 * and losses, then a summary with the targets (<= 1.5 Cosmos requests per reminder, each
 * delivered once). Options (env): EVENTS, PER_EVENT, LIMIT (1000), CONCURRENCY (32), ROUNDS (3).
 */
import { ManualClock } from '../bot/clock';
import { loadConfig } from '../bot/config';
import { EMBEDDED_KEY } from '../bot/data/cosmos/client';
import { recordInstalled } from '../bot/domain/conversations/service';
import type { NlcEvent } from '../bot/domain/events/event';
import type { Job } from '../bot/jobs/runner';
import { silentLogger } from '../bot/log';
import { type RunningBot, startBot } from '../bot/start';
import { TENANT } from '../test/helpers/activities';
import type { ConnectorReport } from './lib/connector-server';
import { ask, forkServer, stopChild } from './lib/ipc';
import { freePort } from './lib/processes';
import { median, round, targetLine } from './lib/stats';

const EVENTS = Number(process.env.EVENTS ?? 200);
const PER_EVENT = Number(process.env.PER_EVENT ?? 100);
const LIMIT = Number(process.env.LIMIT ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

/** Events on Mon 10 June 2024 from 09:00 to 17:00 London; their 7-day reminders all fall due at 09:00 BST on Mon 3 June (08:00Z). */
const EVENT_DAY = '2024-06-10';
const DUE = '2024-06-03T08:00:00.000Z';
const BEFORE = '2024-06-03T07:59:00.000Z';

interface Pass {
  ms: number;
  requests: number;
}

interface Outcome {
  seedSeconds: number;
  idle: Pass;
  compute: Pass & { queued: number };
  dispatch: Pass & { sendRate: number; throttled: number; failedRuns: number };
  again: Pass;
  reminders: number;
  duplicates: number;
  losses: number;
}

const personId = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const chatId = (n: number): string => `a:bench-reminder-${n}`;

function benchEvent(e: number): NlcEvent {
  const minutes = 9 * 60 + (e % 16) * 30;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  // 10 June is BST: London = UTC + 1.
  const at = (m: number) => new Date(`${EVENT_DAY}T${hhmm(m - 60)}:00.000Z`).toISOString();
  return {
    id: `bench-event-${e}`,
    kind: 'event',
    title: `Benchmark session ${e}`,
    startsAt: at(minutes),
    endsAt: at(minutes + 45),
    location: { type: 'online', joinUrl: `https://teams.microsoft.com/l/meetup-join/bench-${e}` },
    audience: 'Benchmark',
    status: 'scheduled',
    sequence: 0,
    reminderDays: [7, 1],
  };
}

/** Many at once, at most `width` in flight. */
async function inParallel(count: number, width: number, work: (n: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let n = next++; n < count; n = next++) await work(n);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

async function seed(bot: RunningBot, serviceUrl: string): Promise<void> {
  const { events, conversations } = bot.store;
  await inParallel(EVENTS, 16, (e) => events.createEvent(benchEvent(e)));
  // Person n goes to event n % EVENTS: neighbouring writes land in different partitions.
  await inParallel(EVENTS * PER_EVENT, 64, async (n) => {
    const userId = personId(n);
    await recordInstalled(
      { conversations, clock: bot.clock },
      {
        scope: 'personal',
        tenantId: TENANT,
        userAadObjectId: userId,
        reference: {
          bot: { id: '28:nlc-bot', name: 'NLC' },
          channelId: 'msteams',
          conversation: { id: chatId(n), conversationType: 'personal', tenantId: TENANT, isGroup: false },
          serviceUrl,
          user: { id: `29:bench-${n}`, aadObjectId: userId },
        },
      },
    );
    await events.saveRsvp({ eventId: `bench-event-${n % EVENTS}`, userId, response: n % 3 === 0 ? 'maybe' : 'going', respondedAt: bot.clock.now().toISOString() });
  });
}

async function run(): Promise<Outcome> {
  const cosmosPort = await freePort();
  const cosmos = await forkServer('bench/cosmos-server.js', { PORT: String(cosmosPort) });
  const connector = await forkServer('bench/lib/connector-server.ts', { PORT: '0' }, ['--import', 'tsx']);
  const serviceUrl = (connector.first as { serviceUrl: string }).serviceUrl;
  connector.child.send({ type: 'behave', behaviour: { limits: { perSecond: LIMIT } } });
  const cosmosRequests = async () => (await ask<{ requests: number }>(cosmos.child, { type: 'requests' }, 'requests')).requests;
  const clock = new ManualClock('2024-05-01T08:00:00Z');
  const config = loadConfig({
    PORT: '0',
    COSMOS_ENDPOINT: `https://127.0.0.1:${cosmosPort}`,
    COSMOS_KEY: EMBEDDED_KEY,
    BROADCAST_MAX_RPS: String(LIMIT),
    BROADCAST_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: 'silent',
  });
  const bot = await startBot(config, { log: silentLogger, clock, jobs: false });
  const job = (name: string): Job => bot.jobs.find((j) => j.name === name)!;
  const measure = async (work: () => Promise<void>): Promise<Pass> => {
    const before = await cosmosRequests();
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    return { ms, requests: (await cosmosRequests()) - before };
  };
  try {
    const seedStarted = Date.now();
    await seed(bot, serviceUrl);
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    clock.set(BEFORE);
    const idle = await measure(() => job('reminders').run());
    clock.set(DUE);
    const compute = await measure(() => job('reminders').run());
    const queued = (await bot.store.broadcasts.listActive()).length;
    let failedRuns = 0;
    /** As the job runner does (a run a second, a failed run logged and tried again): until nothing is left to send. */
    const sendUntilDone = async (): Promise<void> => {
      for (;;) {
        try {
          await job('broadcasts').run();
        } catch (error) {
          failedRuns++;
          console.log(`  (a broadcast job run failed: ${error instanceof Error ? error.message : String(error)}; run again, as the job runner would)`);
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
        if ((await bot.store.broadcasts.listActive()).length === 0) return;
      }
    };
    const dispatch = await measure(sendUntilDone);
    const again = await measure(async () => {
      clock.set('2024-06-03T08:01:00.000Z');
      await job('reminders').run();
      await sendUntilDone();
    });
    const ids = Array.from({ length: EVENTS * PER_EVENT }, (_, n) => chatId(n));
    const { report } = await ask<{ report: ConnectorReport }>(connector.child, { type: 'report', ids }, 'report');
    return {
      seedSeconds,
      idle,
      compute: { ...compute, queued },
      dispatch: { ...dispatch, sendRate: report.requestRate, throttled: report.throttled, failedRuns },
      again,
      reminders: report.posts.reduce((sum, n) => sum + Math.min(n, 1), 0),
      duplicates: report.posts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      losses: report.posts.filter((n) => n === 0).length,
    };
  } finally {
    await bot.close();
    await stopChild(connector.child);
    await stopChild(cosmos.child);
  }
}

function describe(o: Outcome): string {
  const total = EVENTS * PER_EVENT;
  const perReminder = (requests: number) => round(requests / total, 2);
  return [
    `  seeded ${EVENTS} events, ${total} people with a personal chat and an answer in ${round(o.seedSeconds)} s`,
    `  idle scan (nothing due): ${round(o.idle.ms)} ms, ${o.idle.requests} Cosmos requests`,
    `  compute (find due, queue ${o.compute.queued} broadcasts): ${round(o.compute.ms)} ms, ${o.compute.requests} Cosmos requests (${perReminder(o.compute.requests)} per reminder)`,
    `  dispatch: ${round(o.dispatch.ms / 1000, 2)} s for ${o.reminders} reminders, ${round(o.dispatch.sendRate)} sends/s = ${round(o.dispatch.sendRate / LIMIT, 2)} of LIMIT ${LIMIT}; ${o.dispatch.throttled} answered 429; ${o.dispatch.failedRuns} job runs failed on the store`,
    `    Cosmos requests: ${o.dispatch.requests} (${perReminder(o.dispatch.requests)} per reminder)`,
    `  compute + dispatch: ${round((o.compute.ms + o.dispatch.ms) / 1000, 2)} s, ${perReminder(o.compute.requests + o.dispatch.requests)} Cosmos requests per reminder`,
    `  second pass (nothing new due): ${round(o.again.ms)} ms, ${o.again.requests} Cosmos requests`,
    `  delivered ${o.reminders} of ${total}: ${o.duplicates} duplicates, ${o.losses} lost`,
  ].join('\n');
}

async function main(): Promise<void> {
  console.log(`bench:reminders  ${EVENTS} events x ${PER_EVENT} people = ${EVENTS * PER_EVENT} reminders due at once; LIMIT ${LIMIT}/s, CONCURRENCY ${CONCURRENCY}, ${ROUNDS} round(s)`);
  const outcomes: Outcome[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const outcome = await run();
    outcomes.push(outcome);
    console.log(`round ${r}\n${describe(outcome)}`);
  }
  const m = (pick: (o: Outcome) => number): number => round(median(outcomes.map(pick)), 2);
  const perReminder = m((o) => (o.compute.requests + o.dispatch.requests) / (EVENTS * PER_EVENT));
  const duplicates = outcomes.reduce((sum, o) => sum + o.duplicates, 0);
  const losses = outcomes.reduce((sum, o) => sum + o.losses, 0);
  console.log(`\nsummary (medians of ${ROUNDS} round(s))`);
  console.log(`  times: compute ${m((o) => o.compute.ms)} ms, dispatch ${m((o) => o.dispatch.ms / 1000)} s at ${m((o) => o.dispatch.sendRate / LIMIT)} of LIMIT`);
  console.log(targetLine('Cosmos requests per reminder (compute + dispatch)', `${perReminder} (rounds ${outcomes.map((o) => round((o.compute.requests + o.dispatch.requests) / (EVENTS * PER_EVENT), 2)).join(', ')})`, '<= 1.5', perReminder <= 1.5));
  console.log(targetLine('delivered once each', `${duplicates} duplicates, ${losses} lost`, '0, 0', duplicates === 0 && losses === 0));
  if (perReminder > 1.5 || duplicates > 0 || losses > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
