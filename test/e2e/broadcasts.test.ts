import { strict as assert } from 'node:assert';
import { BOT, createTestConversationUpdate, personalChat, testUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import {
  actionData,
  broadcastJob,
  click,
  command,
  installChannel,
  installPersonalChats,
  ORGANISER,
  organiserEnv,
  postsPer,
  recipient,
  sendBroadcast,
} from '../helpers/broadcasts';
import { cardsIn, cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { countDocs, totalDocs } from '../helpers/store';
import { actionsOf } from '../helpers/workshops';
import { cardNodes } from '../helpers/adaptive-cards';

/**
 * Organiser broadcasts over HTTP against the real bot and the real embedded Cosmos, with
 * the stand-in Bot Connector playing Teams. The broadcast job is run by hand.
 */
/** The ids of every input on a card, in order (inside containers too). */
const inputIds = (card: unknown): string[] =>
  cardNodes((card as { body?: unknown }).body)
    .filter((n) => (n.type as string).startsWith('Input.'))
    .map((n) => n.id as string);
const actionTitles = (card: unknown): string[] => actionsOf(card).map((a) => a.title ?? '');

describe('broadcasts end to end', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  let chats: string[];
  const conference = 'practice-week-2024-conference';

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: organiserEnv() });
    await bot.post(createTestConversationUpdate(connector.serviceUrl, personalChat(ORGANISER), ORGANISER, { membersAdded: [BOT] }));
    chats = await installPersonalChats(bot, connector, 0, 12);
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });
  beforeEach(() => {
    connector.clear();
    connector.behave({ limits: undefined, failures: undefined, throttleNext: undefined, blocked: undefined, gone: undefined, stall: undefined });
  });

  const deliveries = (broadcastId: string, where = 'true') =>
    countDocs(bot.store.cosmos.containers.broadcasts, `c.type = 'delivery' AND c.broadcastId = @b AND ${where}`, [{ name: '@b', value: broadcastId }]);

  it('when an organiser types "broadcast", then the first step asks only what to send and to whom', async () => {
    await installChannel(bot, connector, '19:heads@thread.tacv2', 'NLC Secondary Heads');
    const card = await command(bot, connector, 'broadcast');
    const text = JSON.stringify(card);
    for (const expected of ['An announcement', 'Everyone who has the bot', 'Every team channel', 'People who answered an event', 'People who have not answered this event yet']) {
      assert.ok(text.includes(expected), expected);
    }
    assert.deepEqual(inputIds(card), ['content', 'audience']);
    assert.deepEqual(actionTitles(card), ['Next']);
  });

  it('when the organiser chooses an event for one channel and presses Next, then the second step asks only for the event, the channel, a note and (folded away) a time', async () => {
    await installChannel(bot, connector, '19:heads@thread.tacv2', 'NLC Secondary Heads');
    const card = await click(bot, connector, 'broadcast.compose', { step: 'details', content: 'event', audience: 'channel' });
    const text = JSON.stringify(card);
    assert.deepEqual(inputIds(card), ['eventId', 'channel', 'note', 'sendDate', 'sendTime']);
    for (const expected of ['Practice Week online conference', 'NLC Secondary Heads › General']) assert.ok(text.includes(expected), expected);
    const later = (card.body as { id?: string; isVisible?: boolean }[]).find((b) => b.id === 'later');
    assert.equal(later?.isVisible, false, 'the time fields wait behind Send later');
    assert.deepEqual(actionTitles(card), ['Send later', 'Preview', 'Back']);
    const announcement = await click(bot, connector, 'broadcast.compose', { step: 'details', content: 'announcement', audience: 'personal' });
    assert.deepEqual(inputIds(announcement), ['title', 'text', 'note', 'sendDate', 'sendTime']);
    const unchosen = await click(bot, connector, 'broadcast.compose', { step: 'details', content: 'announcement' });
    assert.deepEqual(inputIds(unchosen), ['content', 'audience'], 'Next without an audience stays on step 1');
    assert.match(cardText(unchosen), /choose who it goes to/);
    const back = await click(bot, connector, 'broadcast.compose', { step: 'choose', content: 'announcement', audience: 'personal' });
    assert.deepEqual(inputIds(back), ['content', 'audience']);
    assert.equal((back.body as { id?: string; value?: string }[]).find((b) => b.id === 'content')?.value, 'announcement', 'Back keeps the choice');
  });

  it('when the form has problems, then the same form comes back with the values kept, each problem under its field, and nothing is saved', async () => {
    const before = await totalDocs(bot.store);
    const card = await click(bot, connector, 'broadcast.preview', { content: 'announcement', title: 'Hi', audience: 'channel' });
    const body = card.body as { id?: string; value?: string; text?: string; color?: string }[];
    assert.equal(body.find((b) => b.id === 'title')?.value, 'Hi');
    const after = (id: string) => body[body.findIndex((b) => b.id === id) + 1];
    assert.equal(after('title')?.text, 'at least 3 characters');
    assert.equal(after('text')?.text, 'write the announcement');
    assert.equal(after('channel')?.text, 'choose the channel to post in');
    assert.equal(await totalDocs(bot.store), before);
  });

  it('when the organiser previews and confirms, then the click is answered at once with a queued status card and nothing is sent until the job runs', async () => {
    const { preview, status } = await sendBroadcast(bot, connector, { content: 'event', eventId: conference, audience: 'personal' });
    assert.match(cardText(preview), /Recipients\n13 conversations/);
    assert.match(cardText(preview), /Practice Week online conference/);
    assert.match(cardText(status), /Queued: sending starts in a moment/);
    assert.equal(connector.sent().length, 0);
    await broadcastJob(bot).run();
    assert.equal(connector.sent().length, 13);
  });

  it('when the job runs, then every personal chat gets the event card once, each refreshing to its own person, and the status card becomes the report', async () => {
    const { broadcastId } = await sendBroadcast(bot, connector, { content: 'event', eventId: conference, audience: 'personal' }, 'status-card-7');
    await bot.jobs.find((j) => j.name === 'broadcasts')!.run();

    assert.deepEqual(postsPer(connector, chats), chats.map(() => 1));
    const first = connector.sentTo(chats[0]!)[0]!;
    const card = cardsIn(first)[0]!;
    assert.match(cardText(card), /Practice Week online conference/);
    assert.deepEqual((card.refresh as { userIds: string[] }).userIds, [recipient(0).id]);
    assert.equal(await deliveries(broadcastId, "c.state = 'sent' AND IS_STRING(c.messageId) AND c.messageId != ''"), 13);

    const statusEdits = connector.calls.filter((c) => c.method === 'PUT' && c.activityId === 'status-card-7');
    assert.ok(statusEdits.length >= 1, 'the status card is edited in place');
    const report = cardText((statusEdits.at(-1)!.body as { attachments: { content: unknown }[] }).attachments[0]!.content);
    assert.match(report, /Done: delivered to 13 of 13/);
  });

  it('when a broadcast is still sending, then the status card is edited with the counts so far', async () => {
    await sendBroadcast(bot, connector, { content: 'announcement', title: 'Practice Week timetable', text: 'Now online.', audience: 'personal' }, 'status-card-9');
    // 13 copies at 10 a second take over a second: time for a few status updates.
    await broadcastJob(bot, { maxRps: 10, timing: { statusEveryMs: 150 } }).run();
    const edits = connector.calls
      .filter((c) => c.method === 'PUT' && c.activityId === 'status-card-9')
      .map((c) => cardText((c.body as { attachments: { content: unknown }[] }).attachments[0]!.content));
    assert.ok(edits.some((text) => /Sending: \d+ of 13 sent so far/.test(text)), edits.join('\n---\n'));
    assert.match(edits.at(-1)!, /Done: delivered to 13 of 13/);
  });

  it('when Send is clicked twice, then the broadcast goes once', async () => {
    const preview = await click(bot, connector, 'broadcast.preview', { content: 'announcement', title: 'Survey closes Friday', text: 'Please reply by Friday.', audience: 'personal' });
    const data = actionData(preview, 'broadcast.send');
    await Promise.all([click(bot, connector, 'broadcast.send', data), click(bot, connector, 'broadcast.send', data)]);
    await broadcastJob(bot).run();
    assert.deepEqual(postsPer(connector, chats), chats.map(() => 1));
  });

  describe('when someone who is not an organiser tries, then they are refused and nothing is written or sent', () => {
    const stranger = testUser(77);
    const attempts: [string, string, Record<string, unknown>][] = [
      ['preview', 'broadcast.preview', { content: 'announcement', title: 'Free lunch', text: 'Everyone!', audience: 'personal' }],
      ['send', 'broadcast.send', { broadcastId: 'b-0123456789abcdef' }],
      ['resend', 'broadcast.resend', { broadcastId: 'b-0123456789abcdef' }],
      ['withdraw', 'broadcast.withdraw.confirm', { broadcastId: 'b-0123456789abcdef' }],
      ['cancel an event', 'author.cancel', { kind: 'event', id: conference }],
      ['edit an event', 'author.save', { kind: 'event', id: conference, title: 'Hijacked' }],
      ['create an event', 'author.save', { kind: 'event', title: 'Hijacked', date: '2024-06-01', start: '10:00', end: '11:00', where: 'venue', venue: 'Somewhere', audience: 'All' }],
      ['import a programme', 'import.apply', { programme: 'title,date,start,end,location,audience\nHijacked,2024-06-01,10:00,11:00,Somewhere,All' }],
      ['withdraw a deadline', 'author.cancel', { kind: 'deadline', id: 'dfe-safeguarding-call-for-evidence-2024' }],
    ];
    for (const [name, verb, data] of attempts) {
      it(name, async () => {
        const before = await totalDocs(bot.store);
        const card = await click(bot, connector, verb, data, { user: stranger });
        assert.match(cardText(card), /Sorry, that is not open to you[\s\S]*Only NLC organisers/);
        assert.equal(await totalDocs(bot.store), before);
        await broadcastJob(bot).run();
        assert.equal(connector.sent().length, 0);
      });
    }

    it('the "broadcast" command', async () => {
      const card = await command(bot, connector, 'broadcast', stranger);
      assert.match(cardText(card), /Only NLC organisers can send broadcasts/);
    });
  });
});
