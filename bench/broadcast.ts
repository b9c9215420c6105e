/**
 * npm run bench:broadcast
 *
 * A broadcast to RECIPIENTS personal chats (10,000) from the real bot (`node dist/bot.js`,
 * its own process) against the stand-in Bot Connector (its own process, enforcing Teams'
 * limits at the configured rate, answering 429 when they are exceeded), with the embedded
 * Cosmos server in a third process so its data outlives a killed bot. Scenarios:
 *   base       BROADCAST_MAX_RPS=LIMIT (200): achieved request rate as a ratio of the limit
 *              (overall, first to last request; and sustained, the median full second),
 *              time, duplicates, losses. Target: sustained >= 0.95, 0 lost, 0 duplicates.
 *   errors     the same with 5% of requests answered 503 (retried after a back-off).
 *   throttled  the same with every 2,000th request answered 429 with Retry-After: 2.
 *   crash      kill -9 of the bot half-way, a new bot process started at once: it takes over
 *              when the dead one's lease runs out. Targets: 0 lost, duplicates <= BROADCAST_CONCURRENCY
 *              (the copies in flight), and the new process sending again < 5 s after the kill
 *              (median of CRASH_ROUNDS, 3).
 *   opens      to everyone in a team of RECIPIENTS whom the bot has read but none of whom has a
 *              chat with it: the bot opens every chat (POST /v3/conversations) before its send,
 *              both requests counted against the limit. Target as base, on all requests.
 *   opens-crash  the same with a kill -9 half-way (CRASH_ROUNDS times). Target as crash.
 *   ceiling    the limit raised step by step (CEILING_STEPS, STEP_SECONDS of sending each):
 *              the highest limit at which the sustained ratio still holds at 0.95.
 * Options (env): SCENARIOS, RECIPIENTS, LIMIT, CONCURRENCY (16), CRASH_ROUNDS (3), CEILING_STEPS,
 * STEP_SECONDS (10), CEILING_CONCURRENCY (CONCURRENCY). The summary at the end gives every
 * figure beside its target.
 */
import { once } from 'node:events';
import { EMBEDDED_KEY } from '../bot/data/cosmos/client';
import type { TestUser } from '../test/helpers/activities';
import type { Behaviour } from '../test/helpers/teams-behaviour';
import type { ConnectorReport } from './lib/connector-server';
import { ask } from './lib/ipc';
import { confirmBroadcast, seedRecipients, seedTeam } from './lib/broadcasting';
import { freePort, startNodeProcess } from './lib/processes';
import { startRig } from './lib/rig';
import { median, round, targetLine } from './lib/stats';

const SCENARIOS = (process.env.SCENARIOS ?? 'base,errors,throttled,crash,opens,opens-crash,ceiling').split(',');
const RECIPIENTS = Number(process.env.RECIPIENTS ?? 10_000);
const LIMIT = Number(process.env.LIMIT ?? 200);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const CRASH_ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const TAKEOVER_TARGET_S = 5;
const CEILING_STEPS = (process.env.CEILING_STEPS ?? '200,400,600,800,1000,1200,1600,2000').split(',').map(Number);
const STEP_SECONDS = Number(process.env.STEP_SECONDS ?? 10);
const CEILING_CONCURRENCY = Number(process.env.CEILING_CONCURRENCY ?? CONCURRENCY);
const ORGANISER: TestUser = { id: '29:bench-organiser', aadObjectId: '00000000-0000-4000-8000-0000000b0001', name: 'Bench organiser' };

type SerialisableBehaviour = Pick<Behaviour, 'failures' | 'throttleEvery'>;

interface Scenario {
  name: string;
  recipients: number;
  limit: number;
  concurrency: number;
  behaviour?: SerialisableBehaviour;
  /** Kill -9 the bot once this share of recipients has been reached. */
  crashAt?: number;
  /** Everyone in a team with no chat yet (each chat opened), instead of everyone with a chat. */
  audience?: 'team';
}

interface Outcome {
  scenario: Scenario;
  /** From the organiser's confirm to the last recipient's first message. */
  seconds: number;
  /** Requests per second from the first request to the last, as a share of the limit. */
  ratio: number;
  requestRate: number;
  /** The median of the full seconds' request counts, as a share of the limit: the rate held once running. */
  sustained: number;
  duplicates: number;
  losses: number;
  report: ConnectorReport;
  seedSeconds: number;
  takeoverSeconds?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function run(scenario: Scenario): Promise<Outcome> {
  const rig = await startRig();
  const { connector, serviceUrl, endpoint, store, bots } = rig;
  connector.child.send({ type: 'behave', behaviour: { limits: { perSecond: scenario.limit }, ...scenario.behaviour } });
  try {
    const seedStarted = Date.now();
    const ids = scenario.audience === 'team' ? await seedTeam(store, serviceUrl, scenario.recipients) : await seedRecipients(store, serviceUrl, scenario.recipients);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const env = {
      COSMOS_ENDPOINT: endpoint,
      COSMOS_KEY: EMBEDDED_KEY,
      BROADCAST_MAX_RPS: String(scenario.limit),
      BROADCAST_CONCURRENCY: String(scenario.concurrency),
      ORGANISER_AAD_IDS: ORGANISER.aadObjectId ?? '',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    };
    bots.push(await startNodeProcess('dist/bot.js', env, await freePort()));
    const confirmedAt = Date.now();
    const broadcastId = await confirmBroadcast(bots[0]!.url, serviceUrl, ORGANISER, scenario.audience);
    const requestsEach = scenario.audience === 'team' ? 2 : 1;
    const deadline = Date.now() + ((requestsEach * scenario.recipients) / scenario.limit) * 4000 + 180_000;
    let crashedAt: number | undefined;
    let takeoverSeconds: number | undefined;
    let reachedAtCrash = 0;
    for (;;) {
      await sleep(250);
      const progress = await ask<{ reached: number }>(connector.child, { type: 'progress' }, 'progress');
      if (scenario.crashAt && crashedAt === undefined && progress.reached >= scenario.recipients * scenario.crashAt) {
        bots[0]!.child.kill('SIGKILL');
        await once(bots[0]!.child, 'exit');
        crashedAt = Date.now();
        reachedAtCrash = progress.reached;
        bots.push(await startNodeProcess('dist/bot.js', env, await freePort()));
      }
      if (crashedAt !== undefined && takeoverSeconds === undefined && progress.reached > reachedAtCrash + scenario.concurrency) {
        takeoverSeconds = (Date.now() - crashedAt) / 1000;
      }
      const broadcast = await store.broadcasts.get(broadcastId);
      if (broadcast?.status === 'done') break;
      if (Date.now() > deadline) throw new Error(`${scenario.name}: not done in time (${progress.reached} reached)`);
    }
    const { report } = await ask<{ report: ConnectorReport }>(connector.child, { type: 'report', ids }, 'report');
    return {
      scenario,
      seconds: (report.lastFirstPostAt - confirmedAt) / 1000,
      requestRate: report.requestRate,
      ratio: report.requestRate / scenario.limit,
      sustained: median(Array.from(report.histogram.slice(0, -1), (n) => n ?? 0)) / scenario.limit,
      duplicates: report.posts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      losses: report.posts.filter((n) => n === 0).length,
      report,
      seedSeconds,
      ...(takeoverSeconds !== undefined ? { takeoverSeconds } : {}),
    };
  } finally {
    await rig.close();
  }
}

/** The summary lines of one scenario's rounds: each figure with its target. */
function verdicts(s: Scenario, outcomes: Outcome[]): string[] {
  const all = (f: (o: Outcome) => number): string => outcomes.map((o) => round(f(o), 3)).join(', ');
  const worst = (f: (o: Outcome) => number): number => Math.max(...outcomes.map(f));
  const allowed = s.crashAt ? s.concurrency : 0;
  const lines = [
    targetLine(`${s.name}: lost`, all((o) => o.losses), '0', worst((o) => o.losses) === 0),
    targetLine(`${s.name}: duplicates`, all((o) => o.duplicates), s.crashAt ? `<= ${allowed} (the sends in flight)` : '0', worst((o) => o.duplicates) <= allowed),
    targetLine(`${s.name}: requests over a Teams limit`, all((o) => o.report.overLimit), '0', worst((o) => o.report.overLimit) === 0),
  ];
  if (!s.crashAt && !s.behaviour) {
    const sustained = median(outcomes.map((o) => o.sustained));
    lines.push(targetLine(`${s.name}: sustained rate / limit`, String(round(sustained, 3)), '>= 0.95', sustained >= 0.95));
  }
  if (s.crashAt) {
    const takeovers = outcomes.map((o) => o.takeoverSeconds ?? Number.POSITIVE_INFINITY);
    const takeover = median(takeovers);
    lines.push(
      targetLine(
        `${s.name}: new process sending again after the kill (median of ${outcomes.length})`,
        `${round(takeover)} s (rounds ${takeovers.map((t) => round(t)).join(', ')} s)`,
        `< ${TAKEOVER_TARGET_S} s`,
        takeover < TAKEOVER_TARGET_S,
      ),
    );
  }
  return lines;
}

function describe(o: Outcome): string {
  const { scenario: s, report: r } = o;
  return (
    `${s.name}: ${s.recipients.toLocaleString('en-GB')} recipients at BROADCAST_MAX_RPS=${s.limit}, concurrency ${s.concurrency} -> ` +
    `${round(o.seconds)} s to the last delivery; ${round(o.requestRate)} requests/s overall = ${round(o.ratio, 3)} of the limit, ` +
    `sustained ${round(o.sustained, 3)} (busiest second ${r.busiestSecond}); duplicates ${o.duplicates}, lost ${o.losses}; ` +
    `429s ${r.throttled} (over a limit: ${r.overLimit}), injected failures ${r.injectedFailures}` +
    (o.takeoverSeconds !== undefined ? `; the new process was sending again ${round(o.takeoverSeconds)} s after the kill` : '') +
    (s.audience === 'team' ? `; chats opened ${r.opened} for ${r.openedPeople} people (requests counted: opens and sends)` : '') +
    ` [seeded in ${round(o.seedSeconds)} s]` +
    (process.env.VERBOSE ? `\n  requests per second: ${Array.from(r.histogram, (n) => n ?? 0).join(' ')}` : '')
  );
}

async function main(): Promise<void> {
  const base = { recipients: RECIPIENTS, limit: LIMIT, concurrency: CONCURRENCY };
  const plan: Record<string, Scenario> = {
    base: { name: 'base', ...base },
    errors: { name: 'errors (5% 503)', ...base, behaviour: { failures: { share: 0.05, statuses: [503] } } },
    throttled: { name: 'throttled (429 Retry-After: 2 every 2,000th)', ...base, behaviour: { throttleEvery: { requests: 2000, retryAfterSeconds: 2 } } },
    crash: { name: 'crash (kill -9 half-way)', ...base, crashAt: 0.5 },
    opens: { name: 'opens (every chat opened first)', ...base, audience: 'team' },
    'opens-crash': { name: 'opens, kill -9 half-way', ...base, audience: 'team', crashAt: 0.5 },
  };
  const summary: string[] = [];
  for (const name of SCENARIOS.filter((n) => n !== 'ceiling')) {
    const scenario = plan[name];
    if (!scenario) throw new Error(`unknown scenario ${name}`);
    const outcomes: Outcome[] = [];
    for (let r = 0; r < (scenario.crashAt ? CRASH_ROUNDS : 1); r++) {
      outcomes.push(await run(scenario));
      console.log(describe(outcomes.at(-1)!));
    }
    summary.push(...verdicts(scenario, outcomes));
  }
  if (SCENARIOS.includes('ceiling')) {
    let highest: number | undefined;
    for (const limit of CEILING_STEPS) {
      const outcome = await run({ name: `ceiling ${limit}/s`, recipients: limit * STEP_SECONDS, limit, concurrency: CEILING_CONCURRENCY });
      console.log(describe(outcome));
      if (outcome.sustained < 0.95 || outcome.losses > 0 || outcome.duplicates > 0) break;
      highest = limit;
    }
    summary.push(`  ceiling: the ratio holds at 0.95 up to BROADCAST_MAX_RPS=${highest ?? 'none of the steps'} on this machine (concurrency ${CEILING_CONCURRENCY})`);
  }
  console.log('\nsummary');
  for (const line of summary) console.log(line);
  if (summary.some((line) => line.endsWith('NOT MET'))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
