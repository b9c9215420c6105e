import { strict as assert } from 'node:assert';
import { botPerTest, startTestBot, type TestBot } from '../helpers/bot';
import { broadcastJob, click, installPersonalChats, organiserEnv, postsPer, RecordingLimiter, sendBroadcast, sharedCosmos } from '../helpers/broadcasts';
import { cardText, type StandInConnector } from '../helpers/connector';
import { countDocs } from '../helpers/store';
import { maxInWindow } from '../helpers/teams-limits';

/**
 * How a broadcast behaves against Teams' limits and failures: the stand-in connector
 * enforces the limits and injects 429s, 5xx, 403s and stalls; the job runs by hand.
 */
describe('broadcast delivery against Teams-like limits and failures', () => {
  let connector: StandInConnector;
  let bot: TestBot;

  botPerTest(() => ({ env: organiserEnv(), demoData: false }), (b, c) => {
    [bot, connector] = [b, c];
  });

  const announce = (title = 'Attendance survey closes 17 May') =>
    sendBroadcast(bot, connector, { content: 'announcement', title, text: 'Please reply before Friday 17 May 2024.', audience: 'personal' });

  const STATES = ['pending', 'sent', 'failed', 'blocked', 'not_found'] as const;
  const statesOf = async (broadcastId: string): Promise<Record<(typeof STATES)[number], number>> => {
    const counts = { pending: 0, sent: 0, failed: 0, blocked: 0, not_found: 0 };
    for (const state of STATES) {
      counts[state] = await countDocs(bot.store.cosmos.containers.broadcasts, "c.type = 'delivery' AND c.broadcastId = @b AND c.state = @s", [
        { name: '@b', value: broadcastId },
        { name: '@s', value: state },
      ]);
    }
    return counts;
  };

  it('when Teams limits the app to 20 requests a second, then no 1 s window carries more than 20 and none is refused', async function () {
    this.timeout(20_000);
    const chats = await installPersonalChats(bot, connector, 0, 50);
    connector.behave({ limits: { perSecond: 20 } });
    await announce();
    const limiter = new RecordingLimiter(20);
    await broadcastJob(bot, { limiter }).run();
    const stats = connector.stats();
    assert.deepEqual(postsPer(connector, chats), chats.map(() => 1));
    // Counted, not timed: the stand-in refuses (429) any request over Teams' limit, and a
    // request counts against the limiter from its grant until a second after its answer,
    // so no 1 s window of arrivals can hold more than 20 however slow the machine is.
    assert.equal(stats.overLimit, 0, 'no request went over a limit');
    assert.ok(stats.maxInWindow(1000) <= 20, `busiest second at the connector: ${stats.maxInWindow(1000)}`);
    assert.ok(limiter.granted.length >= 50 && maxInWindow(limiter.granted, 1000) <= 20, `busiest second at the limiter: ${maxInWindow(limiter.granted, 1000)}`);
  });

  it('when Teams answers 429 with Retry-After, then the whole send waits that long before the next request', async () => {
    const chats = await installPersonalChats(bot, connector, 0, 6);
    connector.behave({ throttleNext: { count: 1, retryAfterSeconds: 1 } });
    await announce();
    const limiter = new RecordingLimiter(1000);
    await broadcastJob(bot, { concurrency: 4, limiter }).run();
    assert.equal(connector.calls.filter((c) => c.method === 'POST' && c.status === 429).length, 1);
    // The pause covers every recipient (Teams' limit is per app), and nothing is let go
    // before it ends, on the limiter's own clock; requests already on the wire when the
    // 429 came are not held back, and are not counted here.
    assert.deepEqual(limiter.paused.map((p) => p.ms), [1000]);
    const [pause] = limiter.paused;
    const afterPause = limiter.granted.filter((at) => at > pause!.at);
    assert.ok(afterPause.length > 0, 'the throttled send is sent again');
    assert.deepEqual(afterPause.filter((at) => at < pause!.at + pause!.ms), []);
    assert.deepEqual(postsPer(connector, chats), chats.map(() => 1));
  });

  it('when some people blocked the bot (403) or their chat is gone (404), then the report says so in plain words and they are not retried, and their chats are marked inactive', async () => {
    const chats = await installPersonalChats(bot, connector, 0, 8);
    const blocked = new Set(chats.slice(0, 3));
    connector.behave({ blocked, gone: new Set([chats[7]!]) });
    const { broadcastId } = await announce();
    await broadcastJob(bot).run();
    assert.deepEqual(await statesOf(broadcastId), { pending: 0, sent: 4, failed: 0, blocked: 3, not_found: 1 });
    for (const id of [...blocked, chats[7]!]) {
      assert.equal(connector.calls.filter((c) => c.conversationId === id).length, 1, 'asked once, never again');
      assert.equal((await bot.store.conversations.get(id))?.active, false);
    }
    const report = await click(bot, connector, 'broadcast.status', { broadcastId });
    assert.match(cardText(report), /Blocked\n3/);
    // In people's words, not HTTP codes.
    assert.match(cardText(report), /3 not delivered: blocked the app/);
    assert.match(cardText(report), /1 not delivered: left the team \(their chat with the app is gone\)/);
    assert.doesNotMatch(cardText(report), /HTTP|40[34]/);
  });

  it('when Teams fails some sends with 503, then they are retried after a back-off until every one is delivered once', async () => {
    const chats = await installPersonalChats(bot, connector, 0, 30);
    let n = 0;
    // Every third request fails, deterministically.
    connector.behave({ failures: { share: 0.34, statuses: [503], random: () => ((n++ % 3) + 0.5) / 3 } });
    const { broadcastId } = await announce();
    const job = broadcastJob(bot);
    await job.run();
    assert.ok((await statesOf(broadcastId)).pending > 0, 'failed sends wait for their back-off');
    for (let round = 0; round < 6 && (await statesOf(broadcastId)).pending > 0; round++) {
      bot.clock.advance(120_000);
      await job.run();
    }
    assert.deepEqual(postsPer(connector, chats), chats.map(() => 1));
    assert.deepEqual(await statesOf(broadcastId), { pending: 0, sent: 30, failed: 0, blocked: 0, not_found: 0 });
  });

  it('when sends keep failing, then they are reported failed with the reason, and Resend to failed sends only to those', async () => {
    const chats = await installPersonalChats(bot, connector, 0, 6);
    const failing = new Set(chats.slice(0, 2));
    connector.override((call) => (call.method === 'POST' && failing.has(call.conversationId ?? '') ? { status: 502 } : undefined));
    const { broadcastId } = await announce();
    const job = broadcastJob(bot);
    for (let round = 0; round < 6; round++) {
      await job.run();
      bot.clock.advance(120_000);
    }
    assert.deepEqual(await statesOf(broadcastId), { pending: 0, sent: 4, failed: 2, blocked: 0, not_found: 0 });
    const report = await click(bot, connector, 'broadcast.status', { broadcastId });
    assert.match(cardText(report), /2 not delivered: Teams was busy, retried 4 times/);
    assert.doesNotMatch(cardText(report), /HTTP|502/);
    assert.match(cardText(report), /Resend to failed \(2\)/);

    connector.override(undefined);
    connector.clear();
    await click(bot, connector, 'broadcast.resend', { broadcastId });
    await job.run();
    assert.deepEqual([...connector.stats().postsByConversation.keys()].filter((id) => id.startsWith('a:')).sort(), [...failing].sort());
    assert.deepEqual(await statesOf(broadcastId), { pending: 0, sent: 6, failed: 0, blocked: 0, not_found: 0 });
  });

  it('when the sender stops mid-send and another takes over, then everyone gets it and only the sends in flight are repeated', async () => {
    const chats = await installPersonalChats(bot, connector, 0, 60);
    const concurrency = 5;
    // After 20 messages Teams stops answering: the sender is stopped with its sends in flight.
    let seen = 0;
    connector.behave({ stall: (call) => call.method === 'POST' && ++seen > 20 });
    await announce();
    const stop = new AbortController();
    const first = broadcastJob(bot, { owner: 'first', concurrency }).run(stop.signal);
    await waitUntil(() => connector.stalled() === concurrency);
    stop.abort(); // the sender dies: nothing in flight is recorded
    await first;
    const inFlight = connector.stalled();
    connector.release();

    // Another process takes over once the claims of the dead one have run out.
    bot.clock.advance(5 * 60_000);
    await broadcastJob(bot, { owner: 'second', concurrency }).run();
    const posts = postsPer(connector, chats);
    assert.ok(posts.every((n) => n >= 1), 'nobody was skipped');
    const repeats = posts.reduce((sum, n) => sum + n - 1, 0);
    assert.ok(repeats <= concurrency, `repeats ${repeats} within the in-flight bound ${concurrency}`);
    assert.equal(repeats, inFlight, 'exactly the sends that were in flight');
  });

  it('when two senders share one store, then each message is delivered once', async () => {
    const chats = await installPersonalChats(bot, connector, 0, 40);
    const other = await startTestBot({ env: organiserEnv(), cosmos: sharedCosmos(bot), demoData: false });
    try {
      other.clock.set(bot.clock.now());
      await announce();
      // Both run at once: the lease lets one send; with separate leases the per-record
      // claims still keep them off each other's records.
      await Promise.all([broadcastJob(bot, { owner: 'a' }).run(), broadcastJob(other, { owner: 'b' }).run()]);
      assert.deepEqual(postsPer(connector, chats), chats.map(() => 1));

      await sendBroadcast(bot, connector, { content: 'announcement', title: 'Second notice', text: 'Reminder.', audience: 'personal' });
      connector.clear();
      await Promise.all([broadcastJob(bot, { owner: 'a', leaseName: 'lane-a' }).run(), broadcastJob(other, { owner: 'b', leaseName: 'lane-b' }).run()]);
      assert.deepEqual(postsPer(connector, chats), chats.map(() => 1));
    } finally {
      await other.close();
    }
  });
});

/** Polls a condition the test cannot await directly (what the connector is holding). */
async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
