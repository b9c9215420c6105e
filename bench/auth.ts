/**
 * npm run bench:auth
 *
 * What checking Bot Framework tokens costs. The same build of the bot runs twice, each
 * as its own process on the embedded Cosmos DB: in local mode (no app id, no token
 * checked) and as in Azure (an app id: every request's token is verified against keys
 * from a loopback stand-in for the Bot Framework's key service, started here).
 *  1. accepted: CONCURRENCY people clicking RSVP as fast as they are answered, SAT_SECONDS
 *     each; RSVPs/s and latency for both bots, and the ratio checked/local.
 *  2. refused: the checked bot flooded for SAT_SECONDS with forged tokens (the trusted key
 *     id, signed by another key: a full signature check each) and with no token; refusals
 *     per second, latency, and every answer must be a 401 with nothing written.
 * Rounds alternate between the bots so noise on this shared machine hits both; the
 * summary quotes medians. Options (env): ROUNDS (3), SAT_SECONDS (5), CONCURRENCY (50).
 */
import { createTestInvoke, personalChat, type TestUser } from '../test/helpers/activities';
import { newSigningKey, startTokenService } from '../test/helpers/bot-framework-tokens';
import { jsonClient, type Reply } from './lib/http';
import { closedLoop } from './lib/load';
import { freePort, startNodeProcess } from './lib/processes';
import { median, round, summarise } from './lib/stats';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SAT_SECONDS = Number(process.env.SAT_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);
const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-123456789abc';
const EVENT_ID = 'practice-week-2024-conference';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/'; // invokes are answered in the HTTP response; nothing is sent here
const ANSWERS = ['going', 'maybe', 'notGoing'] as const;

const person = (n: number): TestUser => ({ id: `29:bench-${n}`, aadObjectId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`, name: `Bench ${n}` });
const people = Array.from({ length: CONCURRENCY }, (_, i) => person(i + 1));
const click = (user: TestUser, i: number) =>
  createTestInvoke(SERVICE_URL, personalChat(user), user, 'event.rsvp', { eventId: EVENT_ID, response: ANSWERS[i % 3] });

interface Run {
  perSecond: number;
  latencies: number[];
  statuses: Map<number, number>;
}

/** CONCURRENCY people posting again as soon as answered, for SAT_SECONDS; every answer's status counted. */
async function saturate(url: string, headers: Record<string, string>): Promise<Run> {
  const client = jsonClient(url, CONCURRENCY);
  const statuses = new Map<number, number>();
  const result = await closedLoop(CONCURRENCY, SAT_SECONDS, async (worker, i) => {
    const reply: Reply = await client.post('/api/messages', click(people[worker]!, i), headers);
    statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    return { ok: true, ms: reply.ms };
  });
  client.close();
  return { perSecond: result.perSecond, latencies: result.latencies, statuses };
}

const describeRun = (run: Run): string => {
  const s = summarise(run.latencies);
  return `${round(run.perSecond)}/s, p50 ${s.p50} ms, p99 ${s.p99} ms, statuses ${JSON.stringify(Object.fromEntries(run.statuses))}`;
};

async function main(): Promise<void> {
  const tokens = await startTokenService();
  const valid = { authorization: `Bearer ${tokens.channelToken({ appId: APP_ID, serviceUrl: SERVICE_URL })}` };
  const forged = { authorization: `Bearer ${tokens.channelToken({ appId: APP_ID, serviceUrl: SERVICE_URL, key: newSigningKey() })}` };
  const local = await startNodeProcess('dist/bot.js', { LOG_LEVEL: 'warn' }, await freePort());
  const checked = await startNodeProcess(
    'dist/bot.js',
    // botbuilder prints each refused token to stderr; the bench counts status codes instead.
    { LOG_LEVEL: 'warn', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused-by-this-bench', BOT_OPENID_METADATA_URL: tokens.metadataUrl, HOST: '127.0.0.1' },
    await freePort(),
    '/healthz',
    'ignore',
  );
  const ratios: number[] = [];
  const rates = { local: [] as number[], checked: [] as number[], forged: [] as number[], missing: [] as number[] };
  const p99 = { local: [] as number[], checked: [] as number[], forged: [] as number[], missing: [] as number[] };
  let wrongStatus = 0;
  try {
    await saturate(local.url, {});
    await saturate(checked.url, valid);
    for (let r = 1; r <= ROUNDS; r++) {
      const runs = {
        local: await saturate(local.url, {}),
        checked: await saturate(checked.url, valid),
        forged: await saturate(checked.url, forged),
        missing: await saturate(checked.url, {}),
      };
      for (const [name, run] of Object.entries(runs) as [keyof typeof runs, Run][]) {
        rates[name].push(run.perSecond);
        p99[name].push(summarise(run.latencies).p99);
        const expected = name === 'forged' || name === 'missing' ? 401 : 200;
        wrongStatus += run.latencies.length - (run.statuses.get(expected) ?? 0);
      }
      ratios.push(runs.checked.perSecond / runs.local.perSecond);
      console.log(`round ${r}:`);
      for (const [name, run] of Object.entries(runs)) console.log(`  ${name.padEnd(8)} ${describeRun(run)}`);
    }
    console.log('\nsummary (medians of rounds)');
    console.log(`  accepted: local ${round(median(rates.local))} RSVPs/s (p99 ${median(p99.local)} ms), token checked ${round(median(rates.checked))} RSVPs/s (p99 ${median(p99.checked)} ms), ratio ${round(median(ratios), 2)}`);
    console.log(`  refused:  forged signature ${round(median(rates.forged))}/s (p99 ${median(p99.forged)} ms), no token ${round(median(rates.missing))}/s (p99 ${median(p99.missing)} ms)`);
    console.log(`  answers with the wrong status: ${wrongStatus}  (target 0)`);
    if (wrongStatus > 0) process.exitCode = 1;
  } finally {
    await local.stop();
    await checked.stop();
    await tokens.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
