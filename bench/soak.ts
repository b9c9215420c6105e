/**
 * npm run bench:soak
 *
 * A steady mixed load on the real bot (`node dist/bot.js`, its own process) for
 * SOAK_MINUTES (10): RSVPs (60%: a fixed crowd of 500 people changing their answers),
 * workshop bookings (20%: new people, spread over 30 workshops so each has a waitlist)
 * and contributions (20%: new people sending a case study), sent open loop at SOAK_RATE
 * requests a second (20), and one broadcast to SOAK_RECIPIENTS (2,000) personal chats
 * started after the first minute, delivered through the stand-in Bot Connector while
 * the load goes on. The store is the embedded Cosmos server in a process of its own (as
 * Azure Cosmos DB is in production), so the bot's memory is the bot's alone.
 *
 * Reports per minute: requests, errors, p50 and p99 latency (all, and p99 per kind),
 * and the bot's RSS (resident set, sampled every 2 s: the minute's lowest and highest).
 * Then the drift: the first two minutes after the warm-up minute against the last two
 * (medians). Targets: RSS under 200 MB (issue 18: without a heap cap); no upward drift in p99 (the last minutes within
 * 20% of the first) or in the RSS floor (within 10% + 10 MB); 0 errors; the broadcast
 * delivered to every recipient. The bot runs with `npm start`'s Node flags
 * (--heap-growing-percent, docs/benchmarks.md "Soak"); BENCH_NODE_FLAGS adds more (e.g.
 * --max-old-space-size=128).
 */
import { readFileSync } from 'node:fs';
import { EMBEDDED_KEY } from '../bot/data/cosmos/client';
import { demoTaskGroups } from '../bot/data/demo/task-groups';
import { openStore } from '../bot/data/store';
import { createTestInvoke, personalChat, type TestUser } from '../test/helpers/activities';
import { startStoreProcess } from '../test/helpers/bot-process';
import { startConnector } from '../test/helpers/connector';
import { demoEventInAYear } from '../test/helpers/future-events';
import { confirmBroadcast, seedRecipients } from './lib/broadcasting';
import { jsonClient } from './lib/http';
import { freePort, startNodeProcess } from './lib/processes';
import { median, percentile, round } from './lib/stats';

/** Highest RSS allowed (issue 18: with Node's default heap settings, no --max-old-space-size). */
const RSS_TARGET_MB = 200;
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 20);
const RECIPIENTS = Number(process.env.SOAK_RECIPIENTS ?? 2000);
const CROWD = 500;
const WORKSHOPS = 30;
const CONFERENCE = 'practice-week-2024-conference';
const GROUP = 'tg1-workforce';
const CALL = 'tg1-ta-apprenticeship-stories';
const SERVICE_URL = 'http://127.0.0.1:9/';
const ORGANISER: TestUser = { id: '29:soak-organiser', aadObjectId: '00000000-0000-4000-8000-0000000c0001', name: 'Soak organiser' };

type Kind = 'rsvp' | 'booking' | 'contribution';
const ANSWERS = ['going', 'maybe', 'notGoing'] as const;
const CONFIRMED: Record<Kind, RegExp> = {
  rsvp: /You're going|You said maybe|You can't go/,
  booking: /Booked: your place is confirmed|on the waiting list/,
  contribution: /has been sent/,
};

const person = (prefix: number, n: number): TestUser => ({
  id: `29:soak-${prefix}-${n}`,
  aadObjectId: `00000000-0000-4000-${(0xc000 + prefix).toString(16)}-${n.toString(16).padStart(12, '0')}`,
  name: `Soak ${prefix} ${n}`,
});

/** The i-th request of the mix: which kind, and what it sends. */
function request(i: number): { kind: Kind; activity: unknown } {
  const slot = i % 10;
  if (slot < 6) {
    const n = i % CROWD;
    const user = person(1, n);
    const response = ANSWERS[Math.floor(i / CROWD) % ANSWERS.length]!;
    return { kind: 'rsvp', activity: createTestInvoke(SERVICE_URL, personalChat(user), user, 'event.rsvp', { eventId: CONFERENCE, response }) };
  }
  if (slot < 8) {
    const user = person(2, i);
    const eventId = `soak-workshop-${i % WORKSHOPS}`;
    return { kind: 'booking', activity: createTestInvoke(SERVICE_URL, personalChat(user), user, 'workshop.book', { eventId, role: 'headteacher', school: `School ${i}`, needs: '' }) };
  }
  const user = person(3, i);
  return {
    kind: 'contribution',
    activity: createTestInvoke(SERVICE_URL, personalChat(user), user, 'contribution.submit', {
      groupId: GROUP,
      callId: CALL,
      title: `Apprenticeship story ${i}`,
      setting: 'Example Primary School',
      phase: 'Primary',
      summary: 'We recruited an apprentice teaching assistant from our parent community; mentoring and a weekly training day meant they completed and stayed.',
      link: '',
    }),
  };
}

/** Resident set size of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/\d+/.exec(line ?? '')?.[0] ?? 0) / 1024;
}

interface Minute {
  latencies: Record<Kind, number[]>;
  errors: number;
  /** The highest and lowest RSS sampled in the minute. */
  rss: number;
  rssLow: number;
  /** The broadcast was being delivered during this minute (its sending competes for the CPU). */
  broadcasting: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const storeProcess = await startStoreProcess();
  const connector = await startConnector({ keepCalls: false });
  const store = await openStore({ mode: 'azure', endpoint: storeProcess.endpoint, key: EMBEDDED_KEY, database: 'nlc' });
  const now = new Date();
  await store.events.saveEvent(demoEventInAYear(CONFERENCE, now));
  for (let w = 0; w < WORKSHOPS; w++) await store.events.saveEvent(demoEventInAYear('ap-framework-workshop-2024', now, { as: `soak-workshop-${w}` }));
  const { groups, calls } = demoTaskGroups(now);
  for (const group of groups) await store.taskGroups.saveGroup(group);
  for (const call of calls) await store.taskGroups.saveCall({ ...call, closesAt: new Date(now.getTime() + 365 * 86_400_000).toISOString() });
  const recipients = await seedRecipients(store, connector.serviceUrl, RECIPIENTS);

  const env = { COSMOS_ENDPOINT: storeProcess.endpoint, COSMOS_KEY: EMBEDDED_KEY, COSMOS_DATABASE: 'nlc', ORGANISER_AAD_IDS: ORGANISER.aadObjectId ?? '', LOG_LEVEL: 'warn' };
  const bot = await startNodeProcess('dist/bot.js', env, await freePort());
  const pid = bot.child.pid!;
  const client = jsonClient(bot.url, 256);
  const minutes: Minute[] = Array.from({ length: MINUTES }, () => ({ latencies: { rsvp: [], booking: [], contribution: [] }, errors: 0, rss: 0, rssLow: Infinity, broadcasting: false }));
  const started = Date.now();
  const minuteOf = (t: number): number => Math.min(MINUTES - 1, Math.floor((t - started) / 60_000));
  const sampler = setInterval(() => {
    const m = minutes[minuteOf(Date.now())]!;
    const now = rssMb(pid);
    m.rss = Math.max(m.rss, now);
    m.rssLow = Math.min(m.rssLow, now);
  }, 2000);
  let broadcastId: string | undefined;
  let broadcastDone: number | undefined;
  const inFlight = new Set<Promise<void>>();
  try {
    console.log(`soak: ${MINUTES} min at ${RATE} requests/s (60% RSVP, 20% booking, 20% contribution), broadcast to ${RECIPIENTS} after minute 1`);
    console.log('| minute | requests | errors | p50 ms | p99 ms | p99 RSVP | p99 booking | p99 contribution | bot RSS MB (low-high) |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    const interval = 1000 / RATE;
    let reported = 0;
    for (let i = 0; ; i++) {
      const due = started + i * interval;
      if (due >= started + MINUTES * 60_000) break;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const { kind, activity } = request(i);
      const minute = minutes[minuteOf(due)]!;
      const sent = client.post('/api/messages', activity).then(
        (reply) => {
          minute.latencies[kind].push(reply.ms);
          if (reply.status !== 200 || !CONFIRMED[kind].test(reply.body)) minute.errors++;
        },
        () => {
          minute.errors++;
        },
      );
      inFlight.add(sent);
      void sent.finally(() => inFlight.delete(sent));
      if (!broadcastId && Date.now() - started >= 60_000) broadcastId = await confirmBroadcast(bot.url, connector.serviceUrl, ORGANISER);
      const current = minuteOf(Date.now());
      if (broadcastId && broadcastDone === undefined) minutes[current]!.broadcasting = true;
      if (current > reported) {
        // A minute is reported once the next has begun (its last requests may still be answering: they count where they were sent).
        report(reported, minutes[reported]!);
        reported = current;
        if (broadcastId && broadcastDone === undefined && (await store.broadcasts.get(broadcastId))?.status === 'done') broadcastDone = (Date.now() - started) / 60_000;
      }
    }
    await Promise.all(inFlight);
    report(reported, minutes[reported]!);
    if (broadcastId && broadcastDone === undefined) {
      for (let t = 0; t < 120 && broadcastDone === undefined; t++) {
        if ((await store.broadcasts.get(broadcastId))?.status === 'done') broadcastDone = (Date.now() - started) / 60_000;
        else await sleep(1000);
      }
    }
    summarise(minutes, broadcastDone, connector.stats().postsByConversation, recipients);
  } finally {
    clearInterval(sampler);
    client.close();
    await bot.stop();
    await store.cosmos.close();
    await connector.close();
    await storeProcess.stop();
  }
}

function report(index: number, m: Minute): void {
  const all = [...m.latencies.rsvp, ...m.latencies.booking, ...m.latencies.contribution];
  const p99 = (xs: number[]): string => (xs.length ? String(round(percentile(xs, 99))) : '-');
  console.log(
    `| ${index + 1} | ${all.length} | ${m.errors} | ${all.length ? round(percentile(all, 50)) : '-'} | ${p99(all)} | ${p99(m.latencies.rsvp)} | ${p99(m.latencies.booking)} | ${p99(m.latencies.contribution)} | ${round(m.rssLow)}-${round(m.rss)} |`,
  );
}

function summarise(minutes: Minute[], broadcastDone: number | undefined, posts: ReadonlyMap<string, number>, recipients: readonly string[]): void {
  const p99s = minutes.map((m) => {
    const all = [...m.latencies.rsvp, ...m.latencies.booking, ...m.latencies.contribution];
    return all.length ? percentile(all, 99) : 0;
  });
  // V8 collects its old space lazily, so RSS is a saw-tooth: a leak shows as a rising
  // floor, so drift is judged on each minute's lowest sample, the ceiling on the highest.
  const rss = minutes.map((m) => m.rssLow);
  // Like with like: the first minute warms up (JIT, caches, the store's first writes) and
  // the broadcast's minutes carry extra work, so drift compares the other minutes: the
  // first two of them against the last two.
  const steady = minutes.map((m, i) => ({ m, i })).filter(({ m, i }) => (i > 0 || minutes.length < 5) && !m.broadcasting).map(({ i }) => i);
  const span = Math.max(1, Math.min(2, Math.floor(steady.length / 2)));
  const pick = (xs: number[], at: number[]): number => median(at.map((i) => xs[i]!));
  const early = (xs: number[]): number => pick(xs, steady.slice(0, span));
  const late = (xs: number[]): number => pick(xs, steady.slice(-span));
  console.log(`\ndrift compares minutes ${steady.slice(0, span).map((i) => i + 1).join(', ')} with ${steady.slice(-span).map((i) => i + 1).join(', ')} (not the warm-up minute or the broadcast's)`);
  const errors = minutes.reduce((sum, m) => sum + m.errors, 0);
  const delivered = recipients.filter((id) => (posts.get(id) ?? 0) > 0).length;
  const duplicates = recipients.reduce((sum, id) => sum + Math.max(0, (posts.get(id) ?? 0) - 1), 0);
  const maxRss = Math.max(...minutes.map((m) => m.rss));
  const p99Drift = late(p99s) / Math.max(early(p99s), 1);
  const rssDrift = late(rss) - early(rss);
  console.log(`p99: ${round(early(p99s))} ms early, ${round(late(p99s))} ms late (x${round(p99Drift, 2)}; target <= 1.2)`);
  console.log(`RSS floor (lowest in the minute): ${round(early(rss))} MB early, ${round(late(rss))} MB late (+${round(rssDrift)} MB; target <= 10% + 10 MB); highest ${round(maxRss)} MB (target < ${RSS_TARGET_MB}, no heap cap)`);
  console.log(`errors: ${errors} (target 0)`);
  console.log(`broadcast: ${delivered}/${recipients.length} delivered, ${duplicates} duplicates, done ${broadcastDone === undefined ? 'NOT in time' : `at minute ${round(broadcastDone, 2)}`}`);
  const ok = maxRss < RSS_TARGET_MB && p99Drift <= 1.2 && rssDrift <= early(rss) * 0.1 + 10 && errors === 0 && delivered === recipients.length;
  console.log(ok ? 'targets met' : 'TARGETS NOT MET');
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
