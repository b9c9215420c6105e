/**
 * npm run bench:contributions
 *
 * 200 people contributing at once: each sends a case study to Task Group 1's call as
 * soon as the last one is answered, for SECONDS (default 10), against the real bot in
 * its own process (embedded Cosmos). Prints p50/p99 latency and contributions per second,
 * then reads the contributions back from Cosmos: one per acknowledged submission.
 * Options (env): ROUNDS (3), SECONDS (10), CONCURRENCY (200).
 */
import { createTestInvoke, personalChat, type TestUser } from '../test/helpers/activities';
import { withEmbeddedContainer } from './lib/cosmos';
import { jsonClient } from './lib/http';
import { closedLoop } from './lib/load';
import { freePort, startNodeProcess } from './lib/processes';
import { median, round, summarise } from './lib/stats';

/** Rounds 2 and 3 against round 1 (issue 18). */
const LATER_ROUNDS_TARGET = 0.8;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 10);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200);
const SERVICE_URL = 'http://127.0.0.1:9/';

const person = (n: number): TestUser => ({
  id: `29:contributor-${n}`,
  aadObjectId: `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`,
  name: `Contributor ${n}`,
});

const submission = (user: TestUser, i: number) =>
  createTestInvoke(SERVICE_URL, personalChat(user), user, 'contribution.submit', {
    groupId: 'tg1-workforce',
    callId: 'tg1-ta-apprenticeship-stories',
    title: `Apprenticeship story ${i}`,
    setting: 'Example Primary School',
    phase: 'Primary',
    summary: 'We recruited an apprentice teaching assistant from our parent community; mentoring and a weekly training day meant they completed and stayed.',
    link: '',
  });

async function countContributions(cosmosPort: number): Promise<number> {
  return withEmbeddedContainer(cosmosPort, 'taskGroups', async (container) => {
    const { resources } = await container.items.query<number>("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'contribution'").fetchAll();
    return resources[0] ?? 0;
  });
}

async function main(): Promise<void> {
  const cosmosPort = await freePort();
  const bot = await startNodeProcess('dist/bot.js', { LOG_LEVEL: 'info', EMBEDDED_COSMOS_PORT: String(cosmosPort) }, await freePort());
  const client = jsonClient(bot.url, CONCURRENCY);
  const people = Array.from({ length: CONCURRENCY }, (_, i) => person(i + 1));
  let acknowledged = 0;
  const rates: number[] = [];
  const p50s: number[] = [];
  const p99s: number[] = [];
  try {
    // Every submission different: identical answers from one person to one call are one
    // contribution (the id is derived from them), which is not what this measures.
    let sent = 0;
    const send = async (w: number) => {
      const reply = await client.post('/api/messages', submission(people[w]!, ++sent));
      const ok = reply.status === 200 && reply.body.includes('has been sent');
      if (ok) acknowledged++;
      return { ok, ms: reply.ms };
    };
    await closedLoop(CONCURRENCY, 2, send); // warm-up, counted in the totals below
    for (let r = 1; r <= ROUNDS; r++) {
      const result = await closedLoop(CONCURRENCY, SECONDS, send);
      const s = summarise(result.latencies);
      rates.push(result.perSecond);
      p50s.push(s.p50);
      p99s.push(s.p99);
      console.log(`round ${r}: ${CONCURRENCY} contributors -> ${round(result.perSecond)} contributions/s, p50 ${s.p50} ms, p99 ${s.p99} ms, errors ${result.failed}`);
    }
    const stored = await countContributions(cosmosPort);
    console.log(`\nsummary (medians of ${ROUNDS} rounds): ${round(median(rates))} contributions/s, p50 ${median(p50s)} ms, p99 ${median(p99s)} ms`);
    console.log(`recorded: ${acknowledged} acknowledged submissions, ${stored} contribution documents  (target: equal)`);
    // Each round adds its contributions to the same task group: a later round must not fall far behind the first.
    const worst = Math.min(...rates.slice(1)) / rates[0]!;
    console.log(`later rounds / round 1: ${rates.slice(1).map((r) => round(r / rates[0]!, 2)).join(', ')}  (target: each >= ${LATER_ROUNDS_TARGET})${rates.length > 1 && worst < LATER_ROUNDS_TARGET ? '  NOT MET' : ''}`);
    if (stored !== acknowledged || (rates.length > 1 && worst < LATER_ROUNDS_TARGET)) process.exitCode = 1;
  } finally {
    client.close();
    await bot.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
