/**
 * npm run bench:bookings
 *
 * 500 different people press Book on the 40-place AP framework workshop at the same
 * instant, against the real bot (`node dist/bot.js`, its own process, embedded
 * Cosmos). Each is an `adaptiveCard/action` invoke over HTTP, all sent in one burst.
 * Reports p50/p99/max invoke latency, when the last answer came (from the start of the
 * burst), booked and waitlisted counts, and errors. Then checks what was stored: exactly
 * 40 booked, everyone else waiting in arrival order (arrival numbers 1..500 without gaps,
 * the 40 earliest booked), no one twice, and every answer a person got matches the
 * stored ledger (told "booked" = booked; told "number N" = position N).
 * Targets: 40 booked, 0 errors, every answer within 5 s of the burst (Teams gives up on
 * an invoke after a few seconds).
 * Baseline in the same round: right after, 500 other people open the same (now full)
 * card at the same instant (`workshop.view`: the same turn, ledger read and card, no
 * write), so the cost of booking itself shows as a ratio of the last-answer times.
 * Each round starts a fresh bot (the workshop has to be empty). Options (env): ROUNDS (3), PEOPLE (500).
 */
import { performance } from 'node:perf_hooks';
import type { Ledger } from '../bot/domain/workshops/ledger';
import { waitlistPosition } from '../bot/domain/workshops/ledger';
import { createTestInvoke, personalChat, type TestUser } from '../test/helpers/activities';
import { withEmbeddedContainer } from './lib/cosmos';
import { jsonClient } from './lib/http';
import { freePort, startNodeProcess } from './lib/processes';
import { median, round, summarise, targetLine } from './lib/stats';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PEOPLE = Number(process.env.PEOPLE ?? 500);
const PLACES = 40; // the demo workshop's capacity
const WORKSHOP = 'ap-framework-workshop-2024';
const SERVICE_URL = 'http://127.0.0.1:9/'; // invokes are answered in the HTTP response; nothing is sent here
const ANSWER_WITHIN_MS = 5000;
/** The burst's p99 the bot aims for (issue 18): close to what the same burst of plain card views takes. */
const P99_TARGET_MS = 500;

const person = (round_: number, n: number): TestUser => {
  const id = round_ * 100_000 + n;
  return { id: `29:bench-${id}`, aadObjectId: `00000000-0000-4000-8000-${id.toString(16).padStart(12, '0')}`, name: `Bench ${id}` };
};
const book = (user: TestUser) =>
  createTestInvoke(SERVICE_URL, personalChat(user), user, 'workshop.book', { eventId: WORKSHOP, role: 'headteacher', school: `School of ${user.name}`, needs: '' });

/** What the answer card told the person: "booked", a waiting-list position, or undefined (an error). */
function toldOf(body: string): 'booked' | number | undefined {
  if (body.includes('Booked: your place is confirmed')) return 'booked';
  const position = /You're number (\d+) on the waiting list/.exec(body);
  return position ? Number(position[1]) : undefined;
}

async function storedLedger(cosmosPort: number): Promise<Ledger> {
  const resource = await withEmbeddedContainer(cosmosPort, 'events', async (container) => (await container.item('ledger', WORKSHOP).read<Ledger>()).resource);
  if (!resource) throw new Error('no ledger was written');
  return resource;
}

interface RoundResult {
  summary: ReturnType<typeof summarise>;
  lastAnswerMs: number;
  viewLastAnswerMs: number;
  booked: number;
  waitlisted: number;
  errors: number;
  problems: string[];
}

async function runRound(round_: number): Promise<RoundResult> {
  const cosmosPort = await freePort();
  const bot = await startNodeProcess('dist/bot.js', { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', EMBEDDED_COSMOS_PORT: String(cosmosPort) }, await freePort());
  const client = jsonClient(bot.url, PEOPLE);
  try {
    // Warm the bot (JIT, Cosmos connections) with people looking at the card, as they would before booking.
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const viewer = person(round_ + 50, i);
        return client.post('/api/messages', createTestInvoke(SERVICE_URL, personalChat(viewer), viewer, 'workshop.view', { eventId: WORKSHOP }));
      }),
    );
    const people = Array.from({ length: PEOPLE }, (_, i) => person(round_, i + 1));
    const burst = performance.now();
    const replies = await Promise.all(
      people.map(async (user) => {
        const reply = await client.post('/api/messages', book(user));
        return { user, reply, doneAt: performance.now() - burst, told: reply.status === 200 ? toldOf(reply.body) : undefined };
      }),
    );
    const viewers = Array.from({ length: PEOPLE }, (_, i) => person(round_ + 20, i + 1));
    // A fresh client, so the views open new connections just as the booking burst did.
    const viewClient = jsonClient(bot.url, PEOPLE);
    const viewBurst = performance.now();
    const views = await Promise.all(
      viewers.map((user) => viewClient.post('/api/messages', createTestInvoke(SERVICE_URL, personalChat(user), user, 'workshop.view', { eventId: WORKSHOP }))),
    );
    const viewLastAnswerMs = round(performance.now() - viewBurst);
    viewClient.close();
    const ledger = await storedLedger(cosmosPort);
    const problems: string[] = [];
    if (views.some((v) => v.status !== 200 || !v.body.includes('Full: join the waiting list'))) problems.push('a view failed');
    const booked = ledger.entries.filter((e) => e.status === 'booked');
    const waiting = ledger.entries.filter((e) => e.status === 'waitlisted');
    if (booked.length !== Math.min(PLACES, PEOPLE)) problems.push(`${booked.length} booked`);
    if (new Set(ledger.entries.map((e) => e.userId)).size !== ledger.entries.length) problems.push('someone holds two entries');
    const seqs = ledger.entries.map((e) => e.seq).sort((a, b) => a - b);
    if (seqs.some((s, i) => s !== i + 1)) problems.push('arrival numbers have gaps or repeats');
    if (booked.some((e) => e.seq > PLACES)) problems.push('a later arrival was booked ahead of an earlier one');
    for (const { user, told } of replies) {
      const entry = ledger.entries.find((e) => e.userId === user.aadObjectId);
      if (told === undefined) continue;
      const stored = entry?.status === 'booked' ? 'booked' : entry ? waitlistPosition(ledger, entry) : undefined;
      if (stored !== told) problems.push(`${user.id} was told ${told} but the ledger says ${stored}`);
    }
    return {
      summary: summarise(replies.map((r) => r.reply.ms)),
      lastAnswerMs: round(Math.max(...replies.map((r) => r.doneAt))),
      viewLastAnswerMs,
      booked: booked.length,
      waitlisted: waiting.length,
      errors: replies.filter((r) => r.told === undefined).length,
      problems,
    };
  } finally {
    client.close();
    await bot.stop();
  }
}

async function main(): Promise<void> {
  const results: RoundResult[] = [];
  for (let round_ = 1; round_ <= ROUNDS; round_++) {
    const r = await runRound(round_);
    results.push(r);
    console.log(
      `round ${round_}: ${PEOPLE} Book clicks at once on ${PLACES} places -> p50 ${r.summary.p50} ms, p99 ${r.summary.p99} ms, max ${r.summary.max} ms, ` +
        `last answer ${r.lastAnswerMs} ms after the burst (views: ${r.viewLastAnswerMs} ms, ratio ${round(r.lastAnswerMs / r.viewLastAnswerMs, 2)}); booked ${r.booked}, waitlisted ${r.waitlisted}, errors ${r.errors}` +
        (r.problems.length > 0 ? `; PROBLEMS: ${r.problems.slice(0, 5).join('; ')}` : '; stored ledger matches every answer'),
    );
  }
  const med = (pick: (r: RoundResult) => number) => median(results.map(pick));
  console.log('\nsummary (medians of rounds)');
  console.log(`  latency: p50 ${med((r) => r.summary.p50)} ms, p99 ${med((r) => r.summary.p99)} ms, max ${med((r) => r.summary.max)} ms; last answer ${med((r) => r.lastAnswerMs)} ms after the burst  (target: every answer < ${ANSWER_WITHIN_MS} ms)`);
  const p99 = med((r) => r.summary.p99);
  console.log(targetLine('p99 of the booking burst', `${p99} ms (rounds ${results.map((r) => r.summary.p99).join(', ')} ms)`, `< ${P99_TARGET_MS} ms`, p99 < P99_TARGET_MS));
  console.log(`  baseline: ${PEOPLE} views at once answered within ${med((r) => r.viewLastAnswerMs)} ms; booking burst / view burst ${round(med((r) => r.lastAnswerMs / r.viewLastAnswerMs), 2)}`);
  console.log(`  outcome: booked ${results.map((r) => r.booked).join('/')}, waitlisted ${results.map((r) => r.waitlisted).join('/')}, errors ${results.map((r) => r.errors).join('/')}  (target: ${PLACES} booked, 0 errors)`);
  const failed = results.some(
    (r) => r.problems.length > 0 || r.errors > 0 || r.booked !== Math.min(PLACES, PEOPLE) || r.lastAnswerMs >= ANSWER_WITHIN_MS,
  ) || p99 >= P99_TARGET_MS;
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
