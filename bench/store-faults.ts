/**
 * npm run bench:store-faults
 *
 * RSVPs, workshop bookings and contributions while the store misbehaves: a proxy between
 * the bot and the embedded Cosmos server (test/helpers/fault-proxy.ts) answers a share
 * of all store requests with 429 (x-ms-retry-after-ms), 503, a dropped connection
 * (before the store saw the request, or after it did the work), or an answer that comes
 * after the bot gave up waiting. PEOPLE different people (default 100) make each kind of
 * write, 10 at a time, at each fault rate (RATES, default 0.1,0.3), and an organiser
 * makes nine changes (three creates, three edits, a cancellation, a broadcast, a "forget
 * person"). Then, with the store healthy, it checks what was stored and lets everyone
 * told "try again" try again once.
 *
 * Reports, per rate and kind: the success rate (writes recorded at the first attempt),
 * how many were told "try again", how many of those had in fact been stored (the
 * answer was what got lost), the success rate after one retry, and problems: a write
 * told "recorded" but not stored exactly once, a "try again" stored twice, an answer
 * that was neither (an internal error), an inconsistent workshop ledger. Target: 0 problems.
 * The bot runs in this process (startTestBot), so the proxy can sit in front of its store.
 */
import { EMBEDDED_KEY } from '../bot/data/cosmos/client';
import { loadDemoDeadlines, loadDemoProgramme } from '../bot/data/demo/programme';
import { loadDemoTaskGroups } from '../bot/data/demo/task-groups';
import { startEmbeddedCosmos } from '../bot/data/cosmos/embedded';
import { startTestBot } from '../test/helpers/bot';
import { startConnector } from '../test/helpers/connector';
import { organiserEnv } from '../test/helpers/broadcasts';
import { seededRandom, startFaultProxy } from '../test/helpers/fault-proxy';
import { FAULT_TIMING, type FaultRound, faultRound, faultUser, WRITE_KINDS } from '../test/helpers/fault-scenario';
import { ORGANISER_PLANS, organiserRound } from '../test/helpers/organiser-faults';
import { round } from './lib/stats';

const PEOPLE = Number(process.env.PEOPLE ?? 100);
const RATES = (process.env.RATES ?? '0.1,0.3').split(',').map(Number);
const SEED = Number(process.env.SEED ?? 2026);

const pct = (part: number, whole: number): string => `${round((100 * part) / Math.max(whole, 1))}%`;

async function main(): Promise<void> {
  const cosmos = await startEmbeddedCosmos({ key: EMBEDDED_KEY });
  const proxy = await startFaultProxy({ target: cosmos.endpoint, random: seededRandom(SEED), slowMs: FAULT_TIMING.slowMs });
  const connector = await startConnector();
  const bot = await startTestBot({
    env: organiserEnv(),
    cosmos: { mode: 'azure', endpoint: proxy.endpoint, key: EMBEDDED_KEY, database: 'nlc', requestTimeoutMs: FAULT_TIMING.requestTimeoutMs },
  });
  let problems = 0;
  try {
    await loadDemoProgramme(bot.store.events);
    await loadDemoTaskGroups(bot.store.taskGroups, bot.clock.now());
    await loadDemoDeadlines(bot.store.deadlines);
    console.log('| fault rate | write | requests faulted | success (first try) | told "try again" | of which stored | success after one retry | problems |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    const report = async (rate: number, kind: string, run: () => Promise<FaultRound>): Promise<void> => {
      const before = proxy.stats();
      const result = await run();
      const after = proxy.stats();
      // Faulted share of the requests made while the fault rate was on (the checks afterwards run with it off).
      const injected = Object.values(after.injected).reduce((a, b) => a + b, 0) - Object.values(before.injected).reduce((a, b) => a + b, 0);
      problems += result.problems.length;
      console.log(
        `| ${rate * 100}% | ${kind} | ${injected} | ${pct(result.recorded, result.sent)} (${result.recorded}/${result.sent}) | ${result.tryAgain} | ${result.storedDespiteTryAgain} | ${pct(result.recorded + result.retriedOk, result.sent)} | ${result.problems.length} |`,
      );
      for (const problem of result.problems.slice(0, 5)) console.log(`    ${problem}`);
    };
    for (const [r, rate] of RATES.entries()) {
      for (const kind of WRITE_KINDS) {
        const people = Array.from({ length: PEOPLE }, (_, i) => faultUser(kind, r * PEOPLE + i + 1));
        await report(rate, kind, () => faultRound(bot, connector.serviceUrl, proxy, kind, rate, people));
      }
      // Organisers' changes (create, edit, cancel, broadcast, forget), one round per rate with a plan.
      const plan = ORGANISER_PLANS[String(rate)];
      if (plan) await report(rate, 'organiser changes', () => organiserRound(bot, connector, proxy, rate, plan));
    }
    console.log(`\nfaults injected in all: ${JSON.stringify(proxy.stats().injected)} of ${proxy.stats().requests} store requests`);
    console.log(`problems: ${problems} (target 0)`);
    if (problems > 0) process.exitCode = 1;
  } finally {
    await bot.close();
    await connector.close();
    await proxy.close();
    await cosmos.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
