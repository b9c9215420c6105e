import { strict as assert } from 'node:assert';
import { EMBEDDED_KEY } from '../../bot/data/cosmos/client';
import { loadDemoDeadlines, loadDemoProgramme } from '../../bot/data/demo/programme';
import { loadDemoTaskGroups } from '../../bot/data/demo/task-groups';
import { type EmbeddedCosmos, startEmbeddedCosmos } from '../../bot/data/cosmos/embedded';
import { collectingLogger } from '../helpers/logs';
import { startTestBot, type TestBot } from '../helpers/bot';
import { startConnector, type StandInConnector } from '../helpers/connector';
import { ALL_FAULTS, type FaultProxy, seededRandom, startFaultProxy } from '../helpers/fault-proxy';
import { organiserEnv } from '../helpers/broadcasts';
import { FAULT_TIMING, faultRound, faultUser, storedFor, write, WRITE_KINDS } from '../helpers/fault-scenario';
import { ORGANISER_CHANGES, ORGANISER_PLANS, organiserRound } from '../helpers/organiser-faults';


/**
 * The bot's store answering a share of requests with 429 (and x-ms-retry-after-ms),
 * 503, a dropped connection (before the store saw the request, or after it did the
 * work) or an answer that comes after the bot gave up waiting: a fault-injecting proxy
 * sits between the bot and the embedded Cosmos server.
 */
describe('store faults: throttling, outages, dropped connections and slow answers between the bot and Cosmos', function () {
  this.timeout(120_000);
  let cosmos: EmbeddedCosmos;
  let proxy: FaultProxy;
  let connector: StandInConnector;
  let bot: TestBot;
  let logLines: string[];

  before(async () => {
    cosmos = await startEmbeddedCosmos({ key: EMBEDDED_KEY });
    proxy = await startFaultProxy({ target: cosmos.endpoint, random: seededRandom(Number(process.env.FAULT_SEED ?? 2024)), slowMs: FAULT_TIMING.slowMs });
    connector = await startConnector();
    const collected = collectingLogger();
    logLines = collected.lines;
    bot = await startTestBot({
      log: collected.log,
      env: organiserEnv(),
      cosmos: { mode: 'azure', endpoint: proxy.endpoint, key: EMBEDDED_KEY, database: 'nlc', requestTimeoutMs: FAULT_TIMING.requestTimeoutMs },
    });
    // A store "elsewhere" is not seeded by the bot (only its own embedded one is): the demo programme, as on a first start.
    await loadDemoProgramme(bot.store.events);
    await loadDemoTaskGroups(bot.store.taskGroups, bot.clock.now());
    await loadDemoDeadlines(bot.store.deadlines);
  });
  after(async () => {
    await bot?.close();
    await connector?.close();
    await proxy?.close();
    await cosmos?.close();
  });

  /**
   * Which requests a random 30% hits depends on how the bot batches its writes, which
   * depends on timing: so every round also forces one of each fault (ALL_FAULTS) onto its
   * first requests, and checks what it caused itself. No test relies on another's faults.
   */
  async function inRound<T>(work: () => Promise<T>): Promise<{ result: T; injected: Record<string, number>; unhandled: string[] }> {
    const before = proxy.stats().injected;
    const firstLine = logLines.length;
    const result = await work();
    const after = proxy.stats().injected;
    const injected = Object.fromEntries(ALL_FAULTS.map((fault) => [fault, after[fault] - before[fault]]));
    const unhandled = logLines.slice(firstLine).filter((line) => line.includes('unhandled error in turn'));
    return { result, injected, unhandled };
  }

  const assertEveryFaultInjected = (injected: Record<string, number>): void => {
    for (const fault of ALL_FAULTS) assert.ok(injected[fault]! > 0, `no ${fault} was injected in this round: ${JSON.stringify(injected)}`);
  };

  for (const kind of WRITE_KINDS) {
    it(`when 30% of store requests fail, then each ${kind} is recorded once or answered "try again", nothing is half-written, and trying again works`, async () => {
      const people = Array.from({ length: 40 }, (_, i) => faultUser(kind, i + 1));
      const { result: round, injected, unhandled } = await inRound(() => faultRound(bot, connector.serviceUrl, proxy, kind, 0.3, people, ALL_FAULTS));
      assert.deepEqual(round.problems.slice(0, 10), []);
      assert.ok(round.recorded > 0, 'nothing was recorded');
      assert.equal(round.retriedOk, round.tryAgain);
      assertEveryFaultInjected(injected);
      assert.deepEqual(unhandled.slice(0, 2), [], 'a store fault reached a person as "something went wrong" instead of "try again"');
    });
  }

  for (const [rate, plan] of Object.entries(ORGANISER_PLANS)) {
    it(`when ${Number(rate) * 100}% of store requests fail or answer too late, then each organiser change (create, edit, cancel, broadcast, forget) is done once or answered "try again", nothing is half-written, and trying again finishes it`, async () => {
      const { result: round, injected, unhandled } = await inRound(() => organiserRound(bot, connector, proxy, Number(rate), plan, ALL_FAULTS));
      assert.deepEqual(round.problems.slice(0, 10), []);
      assert.equal(round.sent, ORGANISER_CHANGES);
      assert.equal(round.retriedOk, round.tryAgain);
      assertEveryFaultInjected(injected);
      assert.deepEqual(unhandled.slice(0, 2), [], 'a store fault reached an organiser as "something went wrong" instead of "try again"');
    });
  }

  it('when a contribution whose answer was lost is sent again, then it is stored once and the person is told it was sent', async () => {
    const user = faultUser('contribution', 999);
    proxy.failNext('drop-after', 'POST');
    const first = await write(bot, connector.serviceUrl, 'contribution', user);
    const again = await write(bot, connector.serviceUrl, 'contribution', user);
    assert.equal(again.told, 'recorded', again.detail);
    assert.notEqual(first.told, 'other', first.detail);
    assert.equal(await storedFor(bot, 'contribution', user), 1);
  });

  it('when every kind of fault has just hit the store, then the bot still answers its health check', async () => {
    const { result: status, injected } = await inRound(async () => {
      for (const fault of ALL_FAULTS) proxy.failNext(fault);
      for (let n = 1; n <= ALL_FAULTS.length; n++) await write(bot, connector.serviceUrl, 'rsvp', faultUser('rsvp', 900 + n));
      return (await fetch(`${bot.url}/healthz`)).status;
    });
    assertEveryFaultInjected(injected);
    assert.equal(status, 200);
  });
});
