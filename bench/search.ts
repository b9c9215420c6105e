/**
 * npm run bench:search
 *
 * Against the real bot (`node dist/bot.js`, its own process, embedded Cosmos) with
 * EVENTS (2,000) generated events and workshops added to the demo programme:
 *  1. the first search after start, which reads the programme index (cold);
 *  2. searches as people type them, from distinct people in group chats and personal
 *     chats, arriving at RATE/s for SECONDS (open loop): p50/p95/p99 latency of the
 *     composeExtension/query invoke with its cards. Target: p99 < 50 ms.
 *  3. in the same round, the same rate of bare invokes to the same bot: a search for a
 *     command it does not have, answered with no results and no store access (the
 *     framework's and the endpoint's own cost). The ratio of the two p99s says what
 *     searching and drawing the cards add.
 * Rounds alternate search/bare so noise on this shared 2-core machine hits both; the
 * summary quotes medians. Options (env): ROUNDS (3), RATE (20), SECONDS (20), EVENTS (2000).
 */
import { createEventStore } from '../bot/data/event-store';
import { eventSchema, type NlcEvent } from '../bot/domain/events/event';
import { FLOURISH } from '../bot/domain/flourish';
import { createTestComposeInvoke, groupChat, personalChat, type TestUser } from '../test/helpers/activities';
import { withEmbeddedContainer } from './lib/cosmos';
import { jsonClient, type Reply } from './lib/http';
import { freePort, startNodeProcess } from './lib/processes';
import { median, round, summarise } from './lib/stats';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const RATE = Number(process.env.RATE ?? 20);
const SECONDS = Number(process.env.SECONDS ?? 20);
const EVENTS = Number(process.env.EVENTS ?? 2000);
const SERVICE_URL = 'http://127.0.0.1:9/'; // invokes are answered in the HTTP response; nothing is sent here

const TOPICS = ['Phonics', 'Attendance', 'SEND', 'Inclusion', 'Early years', 'Transition', 'Wellbeing', 'Behaviour', 'Safeguarding', 'Reading', 'Maths', 'Curriculum', 'Leadership', 'Governance', 'Oracy', 'Science', 'Writing', 'Trauma informed practice', 'Alternative provision', 'Careers'];
const FORMATS = ['workshop', 'network meeting', 'briefing', 'conference', 'bitesize', 'forum', 'masterclass', 'drop-in'];
const SERIES = ['Norfolk Practice Week 2025', 'Local First Inclusion', 'Virtual School', 'Priority Education Investment Area', 'Norfolk Learning Collaborative', 'School Improvement'];
const VENUES = ['The Nest', 'Wymondham College', 'County Hall, Norwich', 'The Forum, Norwich', "King's Lynn Town Hall", 'Great Yarmouth Library'];

/** What people type: whole words, words being typed, nothing (the first run), and ones that match nothing. */
const QUERIES = ['AP framework', 'practice week', 'survey', 'Task Group 5', 'p', 'ph', 'phon', 'phonics work', 'inclusion', 'wymondham', 'resilience', 'early years bitesize', '', 'maths master', 'leadership conf', 'governance forum norwich', 'zebra crossing'];

function generatedEvent(n: number): NlcEvent {
  const topic = TOPICS[n % TOPICS.length]!;
  const format = FORMATS[(n * 7) % FORMATS.length]!;
  const starts = new Date(Date.UTC(2024, 3, 24) + (n % 730) * 86_400_000 + ((n * 13) % 9) * 3_600_000 + 8 * 3_600_000);
  const workshop = n % 5 === 0;
  return eventSchema.parse({
    id: `bench-${n}`,
    kind: workshop ? 'workshop' : 'event',
    title: `${topic} ${format} ${n}`,
    summary: `A generated ${format} on ${topic.toLowerCase()} for the search benchmark.`,
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
    location: n % 3 === 0 ? { type: 'online' } : { type: 'venue', name: VENUES[n % VENUES.length] },
    audience: 'Schools and settings across Norfolk',
    flourish: FLOURISH[n % FLOURISH.length],
    series: SERIES[n % SERIES.length],
    status: n % 97 === 0 ? 'cancelled' : 'scheduled',
    ...(workshop ? { booking: { capacity: 30, deadline: new Date(starts.getTime() - 86_400_000).toISOString(), organiser: { name: 'NLC', email: 'nlc@example.org' } } } : {}),
  });
}

async function seed(cosmosPort: number): Promise<void> {
  await withEmbeddedContainer(cosmosPort, 'events', async (container) => {
    const events = createEventStore(container);
    for (let n = 0; n < EVENTS; n += 50) {
      await Promise.all(Array.from({ length: Math.min(50, EVENTS - n) }, (_, i) => events.saveEvent(generatedEvent(n + i))));
    }
  });
}

let nextUser = 1;
const newUser = (): TestUser => {
  const n = nextUser++;
  return { id: `29:bench-${n}`, aadObjectId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`, name: `Bench ${n}` };
};

/** Four in five from group chats, one in five from the person's own chat (which costs a look-up of the chat). */
function search(i: number, commandId = 'findNlc'): unknown {
  const user = newUser();
  const where = i % 5 === 0 ? personalChat(user) : groupChat(`19:bench-group-${i % 40}@thread.v2`);
  const value = { commandId, parameters: [{ name: 'query', value: QUERIES[i % QUERIES.length] }], queryOptions: { skip: 0, count: 25 } };
  return createTestComposeInvoke(SERVICE_URL, where, user, 'composeExtension/query', value);
}

const answered = (reply: Reply): boolean => reply.status === 200 && reply.body.includes('"composeExtension"') && !reply.body.includes('"type":"message"');

async function openLoop(url: string, commandId?: string): Promise<{ latencies: number[]; failed: number; bytes: number[] }> {
  const client = jsonClient(url);
  const total = RATE * SECONDS;
  const start = performance.now();
  const pending: Promise<Reply>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(client.post('/api/messages', search(i, commandId)));
  }
  const replies = await Promise.all(pending);
  client.close();
  return { latencies: replies.map((r) => r.ms), failed: replies.filter((r) => !answered(r)).length, bytes: replies.map((r) => r.body.length) };
}

async function main(): Promise<void> {
  const cosmosPort = await freePort();
  const bot = await startNodeProcess('dist/bot.js', { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', EMBEDDED_COSMOS_PORT: String(cosmosPort) }, await freePort());
  const searches: ReturnType<typeof summarise>[] = [];
  const bares: ReturnType<typeof summarise>[] = [];
  const ratios: number[] = [];
  try {
    const seeded = performance.now();
    await seed(cosmosPort);
    console.log(`seeded ${EVENTS} events and workshops in ${round(performance.now() - seeded)} ms`);
    const client = jsonClient(bot.url);
    const cold = await client.post('/api/messages', search(1));
    const found = await Promise.all(QUERIES.map((_, i) => client.post('/api/messages', search(i))));
    client.close();
    console.log(`first search (reads the index of ${EVENTS} + demo entries): ${round(cold.ms)} ms, answered ${answered(cold)}`);
    console.log(`results per query: ${QUERIES.map((q, i) => `"${q}" ${(found[i]!.body.match(/"contentType":"application\/vnd.microsoft.card.adaptive"/g) ?? []).length}`).join(', ')}`);
    await openLoop(bot.url); // warm-up: JIT, connection pools
    for (let r = 1; r <= ROUNDS; r++) {
      const bareFirst = r % 2 === 0;
      const bareBefore = bareFirst ? await openLoop(bot.url, 'notACommand') : undefined;
      const ours = await openLoop(bot.url);
      const bare = bareBefore ?? (await openLoop(bot.url, 'notACommand'));
      const s = summarise(ours.latencies);
      const b = summarise(bare.latencies);
      searches.push(s);
      bares.push(b);
      ratios.push(s.p99 / b.p99);
      console.log(
        `round ${r}: search ${RATE}/s x ${SECONDS}s -> p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms, max ${s.max} ms (failed ${ours.failed}, median answer ${round(median(ours.bytes) / 1024)} KB); ` +
          `bare invoke p50 ${b.p50} ms, p99 ${b.p99} ms (failed ${bare.failed}); p99 ratio ${round(s.p99 / b.p99, 2)}`,
      );
    }
    console.log('\nsummary (medians of rounds)');
    console.log(`  search: p50 ${median(searches.map((x) => x.p50))} ms, p95 ${median(searches.map((x) => x.p95))} ms, p99 ${median(searches.map((x) => x.p99))} ms  (target p99 < 50 ms)`);
    console.log(`  bare invoke: p50 ${median(bares.map((x) => x.p50))} ms, p99 ${median(bares.map((x) => x.p99))} ms; search p99 / bare p99 ${round(median(ratios), 2)} (rounds: ${ratios.map((x) => round(x, 2)).join(', ')})`);
    if (median(searches.map((x) => x.p99)) >= 50) process.exitCode = 1;
  } finally {
    await bot.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
