/**
 * npm run bench:roster
 *
 * The bot (`node dist/bot.js`, its own process) is added to a team of MEMBERS (10,000)
 * whose member list the stand-in Bot Connector (its own process) pages as Teams does
 * (GET .../pagedmembers, 500 a page), with the embedded Cosmos server in a third process
 * that counts the requests it serves. Scenarios:
 *   base   the install turn's answer time; the time until every member is recorded (the
 *          rosters job runs in the background); Cosmos requests per member (the idle
 *          polling of the bot's jobs over the same time taken off). ROUNDS rounds, medians.
 *   kill   kill -9 of the bot after KILL_AFTER pages, a new process started at once: it
 *          takes over when the dead one's lease runs out (30 s) and goes on from the last
 *          page saved. Target: every member recorded once, at most one page read twice.
 * Options (env): SCENARIOS (base,kill), MEMBERS, ROUNDS (3), KILL_AFTER (8).
 */
import { once } from 'node:events';
import { EMBEDDED_KEY } from '../bot/data/cosmos/client';
import type { Store } from '../bot/data/store';
import { BOT, channelThread, createTestConversationUpdate, type TestUser } from '../test/helpers/activities';
import { jsonClient } from './lib/http';
import { ask } from './lib/ipc';
import { freePort, startNodeProcess } from './lib/processes';
import { type Rig, startRig } from './lib/rig';
import { median, round } from './lib/stats';

const SCENARIOS = (process.env.SCENARIOS ?? 'base,kill').split(',');
const MEMBERS = Number(process.env.MEMBERS ?? 10_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const KILL_AFTER = Number(process.env.KILL_AFTER ?? 8);
const TEAM = '19:bench-roster@thread.tacv2';
const INSTALLER: TestUser = { id: '29:bench-0', aadObjectId: '00000000-0000-4000-8000-000000000000', name: 'Bench Member 0' };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  installMs: number;
  seconds: number;
  requests: number;
  perMember: number;
  pagesRead: number;
  recorded: number;
  takeoverSeconds?: number;
}

const requestsOf = async (cosmos: Rig['cosmos']): Promise<number> => (await ask<{ requests: number }>(cosmos.child, { type: 'requests' }, 'requests')).requests;

async function recordedIn(store: Store): Promise<number> {
  const { resources } = await store.cosmos.containers.rosters.items
    .query<number>({ query: "SELECT VALUE COUNT(1) FROM c WHERE c.rosterId = @r AND c.type = 'member'", parameters: [{ name: '@r', value: TEAM }] })
    .fetchAll();
  return resources[0] ?? 0;
}

async function run(kill: boolean): Promise<Outcome> {
  const rig = await startRig();
  const { cosmos, connector, serviceUrl, endpoint, store, bots } = rig;
  await ask(connector.child, { type: 'members', conversationId: TEAM, count: MEMBERS }, 'members');
  const env = { COSMOS_ENDPOINT: endpoint, COSMOS_KEY: EMBEDDED_KEY, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' };
  try {
    bots.push(await startNodeProcess('dist/bot.js', env, await freePort()));
    // The bot's jobs poll the store while idle: measured here, and taken off the read's count.
    const idleFrom = await requestsOf(cosmos);
    await sleep(3000);
    const idlePerSecond = ((await requestsOf(cosmos)) - idleFrom) / 3;
    const activity = createTestConversationUpdate(serviceUrl, channelThread(TEAM), INSTALLER, { membersAdded: [BOT] });
    const before = await requestsOf(cosmos);
    const started = Date.now();
    const client = jsonClient(bots[0]!.url, 1);
    const installed = await client.post('/api/messages', activity);
    client.close();
    if (installed.status !== 200) throw new Error(`install answered ${installed.status}: ${installed.body.slice(0, 300)}`);
    let killedAt: number | undefined;
    let takeoverSeconds: number | undefined;
    let pagesAtKill = 0;
    for (;;) {
      await sleep(100);
      const roster = await store.rosters.getRoster(TEAM);
      if (kill && killedAt === undefined && (roster?.pages ?? 0) >= KILL_AFTER) {
        bots[0]!.child.kill('SIGKILL');
        await once(bots[0]!.child, 'exit');
        killedAt = Date.now();
        pagesAtKill = roster!.pages;
        bots.push(await startNodeProcess('dist/bot.js', env, await freePort()));
      }
      if (killedAt !== undefined && takeoverSeconds === undefined && (roster?.pages ?? 0) > pagesAtKill) takeoverSeconds = (Date.now() - killedAt) / 1000;
      if (roster?.status === 'done') break;
      if (Date.now() - started > 300_000) throw new Error(`not read in time: ${JSON.stringify(roster)}`);
    }
    const seconds = (Date.now() - started) / 1000;
    const requests = (await requestsOf(cosmos)) - before - idlePerSecond * seconds;
    const { memberPages } = await ask<{ memberPages: number }>(connector.child, { type: 'progress' }, 'progress');
    return {
      installMs: installed.ms,
      seconds,
      requests: Math.round(requests),
      perMember: requests / MEMBERS,
      pagesRead: memberPages,
      recorded: await recordedIn(store),
      ...(takeoverSeconds !== undefined ? { takeoverSeconds } : {}),
    };
  } finally {
    await rig.close();
  }
}

const pages = Math.ceil(MEMBERS / 500);

async function main(): Promise<void> {
  let failed = false;
  if (SCENARIOS.includes('base')) {
    const rounds: Outcome[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const o = await run(false);
      rounds.push(o);
      console.log(`base round ${i + 1}: install answered in ${round(o.installMs)} ms; ${MEMBERS.toLocaleString('en-GB')} members recorded in ${round(o.seconds, 2)} s (${o.pagesRead} pages); ${o.requests} Cosmos requests = ${round(o.perMember, 4)} per member; recorded ${o.recorded}`);
      if (o.recorded !== MEMBERS || o.pagesRead !== pages) failed = true;
    }
    console.log(
      `base (median of ${ROUNDS}): install ${round(median(rounds.map((o) => o.installMs)))} ms; read ${round(median(rounds.map((o) => o.seconds)), 2)} s; ` +
        `${round(median(rounds.map((o) => o.perMember)), 4)} Cosmos requests per member`,
    );
  }
  if (SCENARIOS.includes('kill')) {
    const o = await run(true);
    console.log(
      `kill: kill -9 after ${KILL_AFTER} pages; the new process took over ${round(o.takeoverSeconds ?? NaN)} s later (the lease runs 30 s); ` +
        `${o.recorded.toLocaleString('en-GB')} of ${MEMBERS.toLocaleString('en-GB')} recorded; ${o.pagesRead} pages read for ${pages} (${o.pagesRead - pages} again); done in ${round(o.seconds, 1)} s`,
    );
    if (o.recorded !== MEMBERS || o.pagesRead - pages > 1) failed = true;
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
