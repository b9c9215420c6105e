import { organisersFrom } from '../../bot/domain/organisers';
import { strict as assert } from 'node:assert';
import { EMBEDDED_KEY } from '../../bot/data/cosmos/client';
import { loadDemoProgramme } from '../../bot/data/demo/programme';
import { loadDemoTaskGroups } from '../../bot/data/demo/task-groups';
import { type EmbeddedCosmos, startEmbeddedCosmos } from '../../bot/data/cosmos/embedded';
import { startTestBot, type TestBot } from '../helpers/bot';
import { createWithForm } from '../helpers/authoring';
import { actionData, click, command, installPersonalChats, organiserEnv, recipient } from '../helpers/broadcasts';
import { cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { type FaultProxy, startFaultProxy, writeTo } from '../helpers/fault-proxy';
import { countDocs } from '../helpers/store';
import { setMembership } from '../../bot/domain/task-groups/service';
import { actorFrom } from '../../bot/domain/actor';

/** What an organiser creates, and where the store keeps it. */
const CREATES: { kind: string; container: 'events' | 'deadlines' | 'taskGroups'; values: Record<string, string> }[] = [
  {
    kind: 'event',
    container: 'events',
    values: { title: 'NLC governors briefing', date: '2024-06-12', start: '18:00', end: '19:00', where: 'online', joinUrl: 'https://teams.microsoft.com/l/meetup-join/nlc-governors', audience: 'Governors and trustees' },
  },
  {
    kind: 'deadline',
    container: 'deadlines',
    values: { title: 'SEND sufficiency survey', respondents: 'SENCOs in Norfolk schools', link: 'https://example.org/send-survey', closes: '2024-05-03' },
  },
  {
    kind: 'call',
    container: 'taskGroups',
    values: { group: 'tg1-workforce', callKind: 'caseStudy', title: 'Mentoring new teaching assistants', asks: 'How you mentor teaching assistants in their first term.', closes: '2024-07-05' },
  },
];

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

  for (const c of CREATES) {
    it(`when creating ${c.kind === 'event' ? 'an' : 'a'} ${c.kind} lands but the store's answer is lost, then trying again answers with the first one and no second copy is made`, async () => {
      const titled = () => countDocs(bot.store.cosmos.containers[c.container], 'c.title = @t', [{ name: '@t', value: c.values.title! }]);
      proxy.failNext('drop-after', writeTo(c.container, 'POST'));
      const first = await createWithForm(bot, connector, c.kind, c.values);
      assert.match(cardText(first), /try again/i);
      assert.equal(await titled(), 1, 'the first attempt landed');
      // A person takes a moment to press it again: longer than the store reuses a read.
      await new Promise((resolve) => setTimeout(resolve, 600));

      const again = await createWithForm(bot, connector, c.kind, c.values);
      assert.match(cardText(again), /Created: /);
      const id = /Its id is ([a-z0-9-]+)/.exec(cardText(again))?.[1] ?? '';
      assert.doesNotMatch(id, /-2$/, 'a second copy with its own id');
      assert.equal(await titled(), 1, 'one copy in the store');
    });
  }

  it('when a lead\'s "Send to members" lands but its answer is lost, and they click again (twice at once), then the members get the call once', async () => {
    const group = 'tg1-workforce';
    const call = 'tg1-ta-apprenticeship-stories';
    await installPersonalChats(bot, connector, 0, 3);
    for (const n of [0, 1, 2]) {
      const member = recipient(n);
      await setMembership({ taskGroups: bot.store.taskGroups, organisers: organisersFrom([]), clock: bot.clock, newId: () => 'unused' }, actorFrom(member), group, true);
    }
    const sendsOf = () => countDocs(bot.store.cosmos.containers.broadcasts, "c.type = 'broadcast' AND c.content.kind = 'call' AND c.content.callId = @c", [{ name: '@c', value: call }]);
    proxy.failNext('drop-after', writeTo('broadcasts', 'POST'));
    const first = await click(bot, connector, 'call.sendToMembers', { groupId: group, callId: call }, { replyToId: 'call-card-1' });
    assert.match(cardText(first), /try again/i);
    assert.equal(await sendsOf(), 1, 'the first click landed');
    const again = await Promise.all([1, 2].map(() => click(bot, connector, 'call.sendToMembers', { groupId: group, callId: call }, { replyToId: 'call-card-1' })));
    for (const card of again) assert.doesNotMatch(cardText(card), /try again|went wrong/i);
    assert.equal(await sendsOf(), 1, 'one broadcast, so one message per member');
  });

  it('when the cancellation notices land but the answer is lost, then cancelling again reports them and queues no second notice', async () => {
    const event = 'nlc-meeting-2024-09';
    await installPersonalChats(bot, connector, 0, 1);
    await click(bot, connector, 'event.rsvp', { eventId: event, response: 'going' }, { user: recipient(0) });
    const confirm = await command(bot, connector, `cancel ${event}`);
    proxy.failNext('drop-after', writeTo('broadcasts', 'POST'));
    assert.match(cardText(await click(bot, connector, 'author.cancel', actionData(confirm, 'author.cancel'))), /try again/i);
    assert.equal(await noticesFor(event), 1);
    const again = await Promise.all([1, 2].map(() => click(bot, connector, 'author.cancel', actionData(confirm, 'author.cancel'))));
    for (const card of again) assert.match(cardText(card), /Cancelled[\s\S]*1 person who said Going will get a notice/);
    assert.equal(await noticesFor(event), 1);
  });
});
