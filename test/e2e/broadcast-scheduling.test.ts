import { strict as assert } from 'node:assert';
import { reviseCopiesShowing } from '../../bot/domain/broadcasts/corrections';
import { scheduledBroadcastsJob } from '../../bot/jobs/scheduled-broadcasts';
import { silentLogger } from '../../bot/log';
import { BOT, createTestConversationUpdate, createTestInvoke, personalChat } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { actionData, broadcastJob, click, installPersonalChats, ORGANISER, organiserEnv, postsPer, recipient, sendBroadcast } from '../helpers/broadcasts';
import { cardsIn, cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { totalDocs } from '../helpers/store';

/**
 * The organiser's extras on any broadcast, over HTTP against the real bot and embedded
 * Cosmos: a personal note above the card, the audience "people who have not answered
 * this event yet", and sending at a chosen London time (queued by the
 * scheduled-broadcasts job, cancellable until it goes).
 */
describe('broadcast notes, the not-answered audience and scheduled sends', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const event = 'new-horizons-2024';
  // The demo clock is Tue 23 April 2024, 09:00 in London (08:00Z, British Summer Time).
  const scheduled = { sendDate: '2024-04-24', sendTime: '09:30' };
  const scheduledUtc = '2024-04-24T08:30:00.000Z';

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: organiserEnv() });
    await bot.post(createTestConversationUpdate(connector.serviceUrl, personalChat(ORGANISER), ORGANISER, { membersAdded: [BOT] }));
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });
  beforeEach(() => {
    bot.clock.set('2024-04-23T08:00:00Z');
    connector.clear();
  });

  const scheduler = () => scheduledBroadcastsJob({ broadcasts: bot.store.broadcasts, clock: bot.clock }, silentLogger);
  const answer = (n: number, response: string) =>
    bot.post(createTestInvoke(connector.serviceUrl, personalChat(recipient(n)), recipient(n), 'event.rsvp', { eventId: event, response }));

  it('when an organiser adds a note, then the preview shows it and every copy carries it above the card', async () => {
    const chats = await installPersonalChats(bot, connector, 0, 3);
    const note = 'Places are going fast: do answer if you can come.';
    const { preview } = await sendBroadcast(bot, connector, { content: 'event', eventId: event, audience: 'personal', note });
    assert.match(cardText(preview), /Places are going fast/);
    await broadcastJob(bot).run();
    for (const chat of chats) {
      const [sent] = connector.sentTo(chat);
      assert.equal(sent?.activity.text, note);
      assert.match(cardText(cardsIn(sent)[0]), /New Horizons/);
    }
  });

  it('when the audience is the people who have not answered the event, then only they get it, as they stand when it goes', async () => {
    const chats = await installPersonalChats(bot, connector, 10, 4);
    await answer(10, 'going');
    await answer(11, 'notGoing');
    const preview = await click(bot, connector, 'broadcast.preview', { content: 'event', eventId: event, audience: 'event-unanswered' });
    assert.match(cardText(preview), /people with the bot who have not answered "New Horizons/);
    const { broadcastId } = actionData(preview, 'broadcast.send') as { broadcastId: string };
    await answer(12, 'maybe'); // answers between the preview and the send
    await click(bot, connector, 'broadcast.send', { broadcastId });
    await broadcastJob(bot).run();
    assert.deepEqual(postsPer(connector, chats), [0, 0, 0, 1]);
  });

  it('when that audience is chosen for an announcement, then the form says it needs an event and nothing is saved', async () => {
    const before = await totalDocs(bot.store);
    const card = await click(bot, connector, 'broadcast.preview', { content: 'announcement', title: 'Survey', text: 'Please reply.', audience: 'event-unanswered' });
    assert.match(cardText(card), /send an event to reach the people who have not answered it/);
    assert.equal(await totalDocs(bot.store), before);
  });

  it('when an organiser schedules a send for a London time, then it is stored in UTC, shown in London time, and goes only once that time comes', async () => {
    const chats = await installPersonalChats(bot, connector, 20, 2);
    const { broadcastId, preview, status } = await sendBroadcast(bot, connector, { content: 'announcement', title: 'Survey reminder', text: 'Please reply by Friday.', audience: 'personal', ...scheduled });
    assert.match(cardText(preview), /When\nWed 24 April 2024, 09:30 \(London time\)/);
    assert.match(JSON.stringify(preview.actions), /Schedule it/);
    assert.match(cardText(status), /Scheduled for Wed 24 April 2024, 09:30 \(London time\)/);
    const stored = await bot.store.broadcasts.get(broadcastId);
    assert.deepEqual([stored?.status, stored?.sendAt], ['scheduled', scheduledUtc]);

    await scheduler().run();
    await broadcastJob(bot).run();
    assert.deepEqual(postsPer(connector, chats), [0, 0], 'nothing before the time');
    bot.clock.set('2024-04-24T08:30:00Z');
    await scheduler().run();
    await scheduler().run(); // a second run (or process) queues it once
    await broadcastJob(bot).run();
    assert.deepEqual(postsPer(connector, chats), [1, 1]);
  });

  it('when the event of a scheduled send is edited before its time, then it stays scheduled and goes at its time showing the edit', async () => {
    const chats = await installPersonalChats(bot, connector, 40, 2);
    const { broadcastId } = await sendBroadcast(bot, connector, { content: 'event', eventId: event, audience: 'personal', ...scheduled });
    const current = (await bot.store.events.getEvent(event))!;
    const edited = { ...current, title: `${current.title} (new room)`, sequence: current.sequence + 1 };
    await bot.store.events.saveEvent(edited);
    try {
      await reviseCopiesShowing({ broadcasts: bot.store.broadcasts }, 'eventId', event, edited.sequence);
      assert.equal((await bot.store.broadcasts.get(broadcastId))?.status, 'scheduled');
      await broadcastJob(bot).run();
      assert.deepEqual(postsPer(connector, chats), [0, 0], 'an edit does not send it early');
      bot.clock.set(scheduledUtc);
      await scheduler().run();
      await broadcastJob(bot).run();
      assert.deepEqual(postsPer(connector, chats), [1, 1]);
      assert.match(cardText(cardsIn(connector.sentTo(chats[0]!)[0]!)[0]), /\(new room\)/);
    } finally {
      await bot.store.events.saveEvent({ ...current, sequence: edited.sequence + 1 });
    }
  });

  it('when a scheduled send is cancelled before its time, then nothing is ever sent and the status says so', async () => {
    const chats = await installPersonalChats(bot, connector, 30, 2);
    const { broadcastId } = await sendBroadcast(bot, connector, { content: 'announcement', title: 'Not after all', text: 'Never mind.', audience: 'personal', ...scheduled });
    const ask = await click(bot, connector, 'broadcast.withdraw', { broadcastId });
    assert.match(cardText(ask), /Cancel "Not after all"\?[\s\S]*nothing will be sent/);
    const cancelled = await click(bot, connector, 'broadcast.withdraw.confirm', { broadcastId });
    assert.match(cardText(cancelled), /Cancelled before it went: nothing was sent/);
    bot.clock.set('2024-04-25T08:00:00Z');
    await scheduler().run();
    await broadcastJob(bot).run();
    assert.deepEqual(postsPer(connector, chats), [0, 0]);
  });

  it('when the time is in the past, half given or not a time, then the form says so beside the field and nothing is saved', async () => {
    const before = await totalDocs(bot.store);
    const form = { content: 'announcement', title: 'Survey', text: 'Please reply.', audience: 'personal' };
    const past = await click(bot, connector, 'broadcast.preview', { ...form, sendDate: '2024-04-23', sendTime: '08:00' });
    assert.match(cardText(past), /choose a time at least a few minutes from now/);
    const half = await click(bot, connector, 'broadcast.preview', { ...form, sendDate: '2024-04-24' });
    assert.match(cardText(half), /choose a time \(24-hour clock\)/);
    const nonsense = await click(bot, connector, 'broadcast.preview', { ...form, sendDate: '2024-02-30', sendTime: '25:00' });
    assert.match(cardText(nonsense), /choose a date \(day, month and year\)[\s\S]*choose a time/);
    const far = await click(bot, connector, 'broadcast.preview', { ...form, sendDate: '2024-09-01', sendTime: '09:00' });
    assert.match(cardText(far), /choose a date within 28 days/);
    assert.equal(await totalDocs(bot.store), before);
  });
});
