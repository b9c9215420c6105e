import { strict as assert } from 'node:assert';
import { EMBEDDED_KEY } from '../../bot/data/cosmos';
import { loadDemoProgramme } from '../../bot/data/demo-programme';
import { loadDemoTaskGroups } from '../../bot/data/demo-task-groups';
import { type EmbeddedCosmos, startEmbeddedCosmos } from '../../bot/data/embedded-cosmos';
import { startTestBot, type TestBot } from '../helpers/bot';
import { actionData, click, command, installPersonalChats, organiserEnv, recipient } from '../helpers/broadcasts';
import { cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { type FaultProxy, startFaultProxy, writeTo } from '../helpers/fault-proxy';
import { countDocs } from '../helpers/store';

/**
 * Organisers' changes when the store fails part-way: the bot reaches the embedded
 * Cosmos server through the fault-injecting proxy, and a fault is forced on exactly the
 * request that matters. Whatever happened, trying again finishes the job, once.
 */
describe('organisers trying again after the store failed part-way', function () {
  this.timeout(60_000);
  let cosmos: EmbeddedCosmos;
  let proxy: FaultProxy;
  let connector: StandInConnector;
  let bot: TestBot;

  beforeEach(async () => {
    cosmos = await startEmbeddedCosmos({ key: EMBEDDED_KEY });
    proxy = await startFaultProxy({ target: cosmos.endpoint });
    connector = await startConnector();
    bot = await startTestBot({ env: organiserEnv(), cosmos: { mode: 'azure', endpoint: proxy.endpoint, key: EMBEDDED_KEY, database: 'nlc' } });
    await loadDemoProgramme(bot.store.events);
    await loadDemoTaskGroups(bot.store.taskGroups, bot.clock.now());
  });
  afterEach(async () => {
    await bot?.close();
    await connector?.close();
    await proxy?.close();
    await cosmos?.close();
  });

  const noticesFor = (eventId: string) => countDocs(bot.store.cosmos.containers.broadcasts, "c.type = 'broadcast' AND c.content.kind = 'event-cancelled' AND c.content.eventId = @e", [{ name: '@e', value: eventId }]);

  it('when queuing the cancellation notices fails after the event was cancelled, then cancelling again sends them, once', async () => {
    const event = 'nlc-meeting-2024-06';
    await installPersonalChats(bot, connector, 0, 2);
    for (const n of [0, 1]) await click(bot, connector, 'event.rsvp', { eventId: event, response: 'going' }, { user: recipient(n) });
    const confirm = await command(bot, connector, `cancel ${event}`);

    proxy.failNext('503', writeTo('broadcasts', 'POST'));
    const first = await click(bot, connector, 'author.cancel', actionData(confirm, 'author.cancel'));
    assert.match(cardText(first), /try again/i);
    assert.equal((await bot.store.cosmos.containers.events.item(event, event).read<{ status: string }>()).resource?.status, 'cancelled', 'the first step happened');
    assert.equal(await noticesFor(event), 0, 'the second step did not');

    const again = await click(bot, connector, 'author.cancel', actionData(confirm, 'author.cancel'));
    assert.match(cardText(again), /Cancelled[\s\S]*2 people who said Going will get a notice/);
    assert.equal(await noticesFor(event), 1);
    const third = await click(bot, connector, 'author.cancel', actionData(confirm, 'author.cancel'));
    assert.match(cardText(third), /Cancelled/);
    assert.equal(await noticesFor(event), 1, 'cancelling a third time queues nothing more');
  });
});
