import { strict as assert } from 'node:assert';
import { createTestInvoke, personalChat } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { editAndSave, inputValues, problemBeside } from '../helpers/authoring';
import { actionData, broadcastJob, click, command, installChannel, installPersonalChats, organiserEnv, recipient, sendBroadcast } from '../helpers/broadcasts';
import { type ConnectorCall, cardText, startConnector, type StandInConnector } from '../helpers/connector';

/** Correcting what was sent: every posted copy is updated in place, by the message id stored with it. */
describe('correcting and withdrawing broadcasts', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  let chats: string[];
  let channelThread: string;
  const newHorizons = 'new-horizons-2024';

  beforeEach(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: organiserEnv() });
    chats = await installPersonalChats(bot, connector, 0, 6);
    channelThread = await installChannel(bot, connector, '19:heads@thread.tacv2', 'NLC Secondary Heads');
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
  });

  /** Sends the event to every personal chat and every channel; returns the ids Teams gave the copies. */
  async function broadcastEvent(eventId: string): Promise<Map<string, string>> {
    await sendBroadcast(bot, connector, { content: 'event', eventId, audience: 'personal' });
    await sendBroadcast(bot, connector, { content: 'event', eventId, audience: 'channels' });
    await broadcastJob(bot).run();
    const posted = new Map(connector.sent().map((s) => [s.conversationId, s.id]));
    connector.clear();
    return posted;
  }

  const cardOf = (call: ConnectorCall): string => cardText((call.body as { attachments: { content: unknown }[] }).attachments[0]!.content);
  const copyUpdates = (posted: Map<string, string>) =>
    connector.calls.filter((c) => c.method === 'PUT' && posted.get(c.conversationId ?? '') === c.activityId);

  it('when a broadcast goes to every channel, then it starts a new post in the channel, not a reply in the install thread', async () => {
    const posted = await broadcastEvent(newHorizons);
    assert.ok(posted.has('19:heads@thread.tacv2'));
    assert.ok(!posted.has(channelThread));
  });

  it('when an organiser edits a broadcast event (confirming its time), then every posted copy is updated in place to show the change', async () => {
    const posted = await broadcastEvent(newHorizons);
    assert.equal(posted.size, 7);
    const form = await command(bot, connector, `edit event ${newHorizons}`);
    assert.match(JSON.stringify(form), /"value":"New Horizons: Meeting the KS2 Challenge in Norfolk"/);

    const saved = await editAndSave(bot, connector, newHorizons, { title: 'New Horizons: the KS2 Challenge (new venue time)', start: '10:00', end: '15:30' });
    assert.match(cardText(saved), /7 posted copies will be updated/);
    connector.clear();
    await broadcastJob(bot).run();

    const updates = copyUpdates(posted);
    assert.equal(updates.length, 7, 'one update per posted copy');
    assert.deepEqual(new Set(updates.map((u) => u.conversationId)), new Set(posted.keys()));
    for (const update of updates) assert.match(cardOf(update), /New Horizons: the KS2 Challenge \(new venue time\)[\s\S]*Tue 16 July 2024, 10:00 to/);
    assert.equal(connector.calls.filter((c) => c.method === 'POST').length, 0, 'nothing new is posted');
  });

  it('when an edit has problems, then the form comes back with the values and the problem beside its field, and nothing changes', async () => {
    const before = await bot.store.events.getEvent(newHorizons);
    const card = await editAndSave(bot, connector, newHorizons, { title: 'New Horizons', start: '15:00', end: '09:00' });
    assert.equal(inputValues(card).start, '15:00');
    assert.equal(inputValues(card).title, 'New Horizons');
    assert.equal(problemBeside(card, 'end'), 'The end must be after the start.');
    assert.deepEqual(await bot.store.events.getEvent(newHorizons), before);
  });

  it('when an organiser cancels a broadcast event, then every copy shows it cancelled and the people who said Going get a notice', async () => {
    const answer = (n: number, response: string) =>
      bot.post(createTestInvoke(connector.serviceUrl, personalChat(recipient(n)), recipient(n), 'event.rsvp', { eventId: newHorizons, response }));
    await answer(0, 'going');
    await answer(1, 'going');
    await answer(2, 'maybe');
    const posted = await broadcastEvent(newHorizons);

    const confirm = await command(bot, connector, `cancel event ${newHorizons}`);
    assert.match(cardText(confirm), /Cancel "New Horizons[\s\S]*Yes, cancel it/);
    connector.clear();
    const done = await click(bot, connector, 'author.cancel', actionData(confirm, 'author.cancel'));
    assert.match(cardText(done), /7 posted copies will show it as cancelled, and 2 people who said Going will get a notice/);
    await broadcastJob(bot).run();

    const updates = copyUpdates(posted);
    assert.equal(updates.length, 7);
    for (const update of updates) assert.match(cardOf(update), /This event has been cancelled/);
    const notices = connector.sent();
    assert.deepEqual(notices.map((n) => n.conversationId).sort(), [chats[0], chats[1]].sort());
    for (const notice of notices) assert.match(cardText(notice.activity.attachments![0]!.content), /Cancelled: New Horizons[\s\S]*You said you would come/);
  });

  it('when an organiser withdraws an announcement, then every posted copy is replaced by a withdrawn notice', async () => {
    const { broadcastId } = await sendBroadcast(bot, connector, { content: 'announcement', title: 'Wrong date for the survey', text: 'Closes 1 May.', audience: 'personal' });
    await broadcastJob(bot).run();
    const posted = new Map(connector.sent().map((s) => [s.conversationId, s.id]));
    connector.clear();

    const ask = await click(bot, connector, 'broadcast.withdraw', { broadcastId });
    assert.match(cardText(ask), /Withdraw "Wrong date for the survey"\?/);
    await click(bot, connector, 'broadcast.withdraw.confirm', { broadcastId });
    await broadcastJob(bot).run();
    const updates = copyUpdates(posted);
    assert.equal(updates.length, posted.size);
    for (const update of updates) assert.match(cardOf(update), /Withdrawn[\s\S]*withdrew "Wrong date for the survey"/);
    const report = await click(bot, connector, 'broadcast.status', { broadcastId });
    assert.match(cardText(report), new RegExp(`Withdrawn: ${posted.size} copies replaced`));
    assert.ok(chats.every((id) => posted.has(id)));
  });
});
