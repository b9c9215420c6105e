import { strict as assert } from 'node:assert';
import { actionsOf } from '../helpers/workshops';
import { conversationDocId } from '../../bot/data/store';
import {
  BOT,
  channelThread,
  createTestConversationUpdate,
  createTestInstallationUpdate,
  createTestInvoke,
  createTestMessage,
  groupChat,
  personalChat,
  type TestUser,
  testUser,
} from '../helpers/activities';
import { invokeCard, startTestBot, type TestBot } from '../helpers/bot';
import { cardsIn, cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { countDocs, totalDocs } from '../helpers/store';

/**
 * The real bot over HTTP: real restify server, real Teams adapter and teams-ai app, real
 * embedded Cosmos. Only Teams' Bot Connector is stood in for.
 */
describe('events end to end over HTTP', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const alice = testUser(1);
  const bob = testUser(2);
  const aliceChat = personalChat(alice);
  const conference = 'practice-week-2024-conference';

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot();
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });
  beforeEach(() => connector.clear());

  const rsvpDocs = (user: TestUser): Promise<number> =>
    countDocs(bot.store.cosmos.containers.events, "c.type = 'rsvp' AND c.userId = @u", [{ name: '@u', value: user.aadObjectId ?? '' }]);

  const rsvp = (verb: string, data: unknown, user = alice, conversation = personalChat(user)) =>
    bot.post(createTestInvoke(connector.serviceUrl, conversation, user, verb, data));

  it('when the bot is installed in a personal chat, then it stores the conversation and greets once with the commands', async () => {
    const s = connector.serviceUrl;
    assert.equal((await bot.post(createTestInstallationUpdate(s, aliceChat, alice, 'add'))).status, 200);
    assert.equal((await bot.post(createTestConversationUpdate(s, aliceChat, alice, { membersAdded: [BOT] }))).status, 200);

    const sent = connector.sentTo(aliceChat.id);
    assert.equal(sent.length, 1, 'one welcome, not two');
    const text = cardText(cardsIn(sent[0]!)[0]);
    assert.match(text, /Hello! I am the NLC bot/);
    for (const command of ['events', 'my events', 'help']) assert.ok(text.includes(`**${command}**`), command);

    const saved = await bot.store.conversations.get(aliceChat.id);
    assert.equal(saved?.active, true);
    assert.equal(saved?.scope, 'personal');
    assert.equal(saved?.tenantId, aliceChat.tenantId);
    assert.equal(saved?.userAadObjectId, alice.aadObjectId);
    assert.equal(saved?.reference.serviceUrl, s);
    assert.equal(saved?.reference.user?.id, alice.id);
  });

  it('when "help" is typed, then the same welcome card lists the commands', async () => {
    await bot.post(createTestMessage(connector.serviceUrl, aliceChat, alice, 'Help'));
    const [sent] = connector.sentTo(aliceChat.id);
    assert.match(cardText(cardsIn(sent!)[0]), /What I can do[\s\S]*\*\*my events\*\*/);
  });

  it('when "events" is typed, then the upcoming programme comes as one carousel of event cards, soonest first', async () => {
    await bot.post(createTestMessage(connector.serviceUrl, aliceChat, alice, 'events'));
    const sent = connector.sentTo(aliceChat.id);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.activity.attachmentLayout, 'carousel');
    const cards = cardsIn(sent[0]!);
    assert.equal(cards.length, 10);
    assert.match(cardText(cards[0]), /AP framework workshop[\s\S]*Tue 7 May 2024, 09:00 to 12:00[\s\S]*Book a place/);
    assert.match(cardText(cards[1]), /Practice Week bitesize: a love of learning[\s\S]*Mon 20 May 2024, 12:30 to 13:15/);
    const conferenceCard = cards.find((c) => cardText(c).includes('Practice Week online conference'));
    assert.match(cardText(conferenceCard), /Wed 22 May 2024, time to be confirmed[\s\S]*Online \(Microsoft Teams\): joining details to follow/);
    assert.deepEqual((conferenceCard?.refresh as { userIds: string[] }).userIds, [alice.id]);
  });

  // Each test below has its own people and its own event, so it holds whatever ran before it.
  it('when Going is clicked, then the answer card shows going with the counts and Cosmos holds one record', async () => {
    const carol = testUser(11);
    const response = await rsvp('event.rsvp', { eventId: conference, response: 'going' }, carol);
    assert.equal(response.status, 200);
    const card = invokeCard(response.body);
    assert.match(cardText(card), /You're going\. Change your answer\?/);
    assert.match(cardText(card), /1 going · 0 maybe · 0 can't go/);
    assert.deepEqual((card.refresh as { userIds: string[] }).userIds, [carol.id]);
    assert.equal(await rsvpDocs(carol), 1);
    assert.equal(connector.calls.length, 0, 'the shared message is not edited: others keep their own view');
  });

  it('when the same person clicks again and then changes to Maybe, then there is still one record, now maybe', async () => {
    const dan = testUser(12);
    const eventId = 'practice-week-2024-bitesize-thu';
    await rsvp('event.rsvp', { eventId, response: 'going' }, dan);
    await rsvp('event.rsvp', { eventId, response: 'going' }, dan);
    const card = invokeCard((await rsvp('event.rsvp', { eventId, response: 'maybe' }, dan)).body);
    assert.match(cardText(card), /You said maybe\. Change your answer\?/);
    assert.match(cardText(card), /0 going · 1 maybe · 0 can't go/);
    assert.equal(await rsvpDocs(dan), 1);
  });

  it('when someone else views the card, then they see their own (empty) answer, not the clicker\'s', async () => {
    const [erin, fay] = [testUser(13), testUser(14)];
    const eventId = 'practice-week-2024-bitesize-fri';
    await rsvp('event.rsvp', { eventId, response: 'maybe' }, erin);
    const card = invokeCard((await rsvp('event.view', { eventId }, fay)).body);
    assert.match(cardText(card), /Will you come\?/);
    assert.match(cardText(card), /0 going · 1 maybe/);
  });

  it('when "my events" is typed, then it lists the events answered Going or Maybe, soonest first', async () => {
    const gus = testUser(15);
    await rsvp('event.rsvp', { eventId: 'new-horizons-2024', response: 'maybe' }, gus);
    await rsvp('event.rsvp', { eventId: 'trauma-attachment-network-2024-06', response: 'going' }, gus);
    await rsvp('event.rsvp', { eventId: 'practice-week-2024-bitesize-tue', response: 'notGoing' }, gus);
    await bot.post(createTestMessage(connector.serviceUrl, personalChat(gus), gus, 'my events'));
    const text = cardText(cardsIn(connector.sentTo(personalChat(gus).id)[0]!)[0]);
    const networkAt = text.indexOf('Trauma and attachment network');
    const newHorizonsAt = text.indexOf('New Horizons');
    assert.ok(networkAt >= 0 && newHorizonsAt > networkAt, text);
    assert.ok(!text.includes('learning beyond the classroom'), "Can't go is not listed");
  });

  describe('when the card data is bad, then the answer is a clear card, HTTP 200, and nothing is written', () => {
    const cases: [string, string, unknown, RegExp][] = [
      ['missing event id', 'event.rsvp', { response: 'going' }, /Please check what you entered[\s\S]*eventId/],
      ['unknown event', 'event.rsvp', { eventId: 'no-such-event', response: 'going' }, /no longer in the NLC programme/],
      ['unknown verb', 'event.delete', { eventId: conference }, /out of date/],
      ['wrong types', 'event.rsvp', { eventId: 42, response: ['going'] }, /Please check what you entered/],
      ['unknown answer', 'event.rsvp', { eventId: conference, response: 'definitely' }, /Please check what you entered[\s\S]*response/],
      ['forged user field', 'event.rsvp', { eventId: conference, response: 'going', userId: bob.aadObjectId }, /Please check what you entered[\s\S]*userId/],
      ['data that is not an object', 'event.rsvp', 'going', /Please check what you entered/],
    ];
    for (const [name, verb, data, expected] of cases) {
      it(name, async () => {
        const before = await totalDocs(bot.store);
        const response = await rsvp(verb, data);
        assert.equal(response.status, 200);
        assert.match(cardText(invokeCard(response.body)), expected);
        assert.equal(await totalDocs(bot.store), before);
      });
    }

    it('an invoke without an action', async () => {
      const before = await totalDocs(bot.store);
      const activity = { ...createTestInvoke(connector.serviceUrl, aliceChat, alice, 'x', {}), value: { nonsense: true } };
      const response = await bot.post(activity);
      assert.equal(response.status, 200);
      assert.match(cardText(invokeCard(response.body)), /Please check what you entered/);
      assert.equal(await totalDocs(bot.store), before);
    });

    it('a click from someone Teams did not identify', async () => {
      const before = await totalDocs(bot.store);
      const anonymous = { id: '29:anonymous', name: 'Guest' };
      const response = await rsvp('event.rsvp', { eventId: conference, response: 'going' }, anonymous);
      assert.match(cardText(invokeCard(response.body)), /could not tell who you are/);
      assert.equal(await totalDocs(bot.store), before);
    });
  });

  it('when an old card is clicked after the event has started, then the card shows it closed and nothing changes', async () => {
    const before = await totalDocs(bot.store);
    const started = bot.clock.now();
    bot.clock.set('2024-05-20T11:45:00Z');
    try {
      const card = invokeCard((await rsvp('event.rsvp', { eventId: 'practice-week-2024-bitesize-mon', response: 'going' })).body);
      // Said once, by the card's status: no banner repeating it.
      assert.match(cardText(card), /under way; answers are closed/);
      assert.doesNotMatch(cardText(card), /already started/);
      assert.deepEqual(actionsOf(card).map((a) => a.title), ['See the brochure']);
      assert.equal(await totalDocs(bot.store), before);
    } finally {
      bot.clock.set(started);
    }
  });

  it('when text is not a command, then the answer points to help', async () => {
    await bot.post(createTestMessage(connector.serviceUrl, aliceChat, alice, 'what is the meaning of life'));
    const [sent] = connector.sentTo(aliceChat.id);
    assert.match(sent!.activity.text ?? '', /Type \*\*help\*\*/);
  });

  it('when a message is far too long, then it is refused politely without work', async () => {
    await bot.post(createTestMessage(connector.serviceUrl, aliceChat, alice, 'events '.repeat(200)));
    assert.match(connector.sentTo(aliceChat.id)[0]!.activity.text ?? '', /too long/);
  });

  it('when mentioned in a group chat, then the command works and the posted cards refresh for the members', async () => {
    const chat = groupChat();
    connector.setMembers(chat.id, [bob, testUser(3)].map((u) => ({ id: u.id, aadObjectId: u.aadObjectId, name: u.name })));
    await bot.post(createTestMessage(connector.serviceUrl, chat, alice, 'events'));
    const [sent] = connector.sentTo(chat.id);
    const [workshop, card] = cardsIn(sent!);
    assert.match(cardText(workshop), /Book a place/, "the workshop's shared card shows no one's booking");
    assert.match(cardText(card), /Will you come\?/, 'the shared card shows no one\'s answer');
    assert.deepEqual((card!.refresh as { userIds: string[] }).userIds, [alice.id, bob.id, testUser(3).id]);
  });

  it('when mentioned in a channel thread, then the reply goes to the same thread', async () => {
    const thread = channelThread();
    const message = createTestMessage(connector.serviceUrl, thread, alice, 'help');
    await bot.post(message);
    const [sent] = connector.sent();
    assert.equal(sent!.conversationId, thread.id);
    assert.equal(sent!.replyToId, message.id);
  });

  it('when the bot is removed, then the conversation is kept but marked inactive', async () => {
    const chat = personalChat(bob);
    await bot.post(createTestConversationUpdate(connector.serviceUrl, chat, bob, { membersAdded: [BOT] }));
    await bot.post(createTestInstallationUpdate(connector.serviceUrl, chat, bob, 'remove'));
    await bot.post(createTestConversationUpdate(connector.serviceUrl, chat, bob, { membersRemoved: [BOT] }));
    const saved = await bot.store.conversations.get(chat.id);
    assert.equal(saved?.active, false);
    assert.ok(saved?.removedAt);
    const id = conversationDocId(chat.id);
    assert.equal(await countDocs(bot.store.cosmos.containers.conversations, 'c.id = @id', [{ name: '@id', value: id }]), 1);
  });

  it('when /healthz is asked, then it answers 200 while the store answers', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('when an unknown route is asked, then it is 404 with no internals', async () => {
    const response = await fetch(`${bot.url}/api/other`);
    assert.equal(response.status, 404);
    assert.doesNotMatch(await response.text(), /at .*\.ts:\d+/);
  });
});

describe('health when the store is down', () => {
  it('when the data store stops answering, then /healthz answers 503', async () => {
    const bot = await startTestBot({ demoData: false });
    try {
      await bot.store.cosmos.close();
      const response = await fetch(`${bot.url}/healthz`);
      assert.equal(response.status, 503);
    } finally {
      await bot.close();
    }
  });
});
