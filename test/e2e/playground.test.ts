import { strict as assert } from 'node:assert';
import { type TestBot } from '../helpers/bot';
import { playgroundPerSuite } from '../helpers/playground/suite';
import { cardText } from '../helpers/connector';
import { countDocs } from '../helpers/store';
import { adaptiveCardOf, type Playground, type TrafficEntry } from '../helpers/playground';

/**
 * Microsoft's own client: the Agents Playground (offline, no browser), driven over its
 * HTTP and WebSocket API, talking to the real bot. Its service URL is the Bot Connector
 * the bot replies to, so nothing here is a stand-in of ours.
 */
describe('with the Agents Playground as the Teams client', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let playground: Playground;

  playgroundPerSuite({}, (b, p) => {
    [bot, playground] = [b, p];
  });

  /** Types "events" in the personal chat and presses a button on the carousel that comes back. */
  const pressOnProgramme = async (verb: string, data: Record<string, unknown>) => {
    const chat = playground.context.personalChat.id;
    const since = playground.messages().length;
    await playground.sendText(chat, 'events');
    const carousel = await playground.waitForMessage((m) => m.conversationId === chat && m.attachments.length > 1, { since });
    return playground.invoke({ conversationId: chat, replyToId: carousel.messageId, verb, data });
  };

  it('when installed in a personal chat, then one welcome card arrives listing the commands, and the chat is stored', async () => {
    const chat = playground.context.personalChat.id;
    const since = playground.messages().length;
    const trafficSince = playground.traffic().length;
    await playground.install(chat);
    // The Playground sends installationUpdate and conversationUpdate; once the bot has answered both, every message it sent for them is in the log.
    const answered = (type: string) => (t: TrafficEntry) => t.activityName === type && t.to === 'User Application' && t.conversationId === chat && t.response !== undefined;
    await playground.waitForTraffic(answered('installationUpdate'), { since: trafficSince });
    await playground.waitForTraffic(answered('conversationUpdate'), { since: trafficSince });
    const sent = playground.traffic().slice(trafficSince).filter((t) => t.activityName === 'message' && t.from === 'User Application' && t.conversationId === chat);
    assert.equal(sent.length, 1, 'one welcome, not one per install activity');

    const welcome = await playground.waitForMessage((m) => m.conversationId === chat, { since });
    const text = cardText(adaptiveCardOf(welcome));
    assert.match(text, /^Norfolk Learning Collaborative\nHello! I am the NLC bot\./);
    for (const command of ['events', 'my bookings', 'calls', 'help']) assert.ok(text.includes(`**${command}**`), `lists ${command}`);
    assert.ok(!text.includes('**attendees**'), 'organiser commands are not in everyone\'s welcome');
    const saved = await bot.store.conversations.get(chat);
    assert.equal(saved?.active, true);
    assert.equal(saved?.userAadObjectId, playground.context.currentUser.aadObjectId);
  });

  it('when "help" is typed, then the bot answers with the commands', async () => {
    const chat = playground.context.personalChat.id;
    const since = playground.messages().length;
    await playground.sendText(chat, 'help');
    const reply = await playground.waitForMessage((m) => m.conversationId === chat, { since });
    assert.match(cardText(adaptiveCardOf(reply)), /What I can do[\s\S]*\*\*events\*\*/);
  });

  it('when Going is clicked on an event card, then the card comes back with the answer and Cosmos records it once', async () => {
    const result = await pressOnProgramme('event.rsvp', { eventId: 'new-horizons-2024', response: 'going' });
    assert.equal(result.status, 200);
    const card = (result.body as { value?: unknown }).value;
    assert.match(cardText(card), /You're going\. Change your answer\?/);
    assert.match(cardText(card), /1 going/);
    const me = playground.context.currentUser.aadObjectId;
    assert.equal(
      await countDocs(bot.store.cosmos.containers.events, "c.type = 'rsvp' AND c.userId = @u AND c.eventId = 'new-horizons-2024'", [{ name: '@u', value: me }]),
      1,
    );
  });

  it('when Book is pressed on the workshop card with the form filled in, then the place is confirmed with calendar and cancel', async () => {
    const result = await pressOnProgramme('workshop.book', { eventId: 'ap-framework-workshop-2024', role: 'inclusion-lead', school: 'Acle Academy', needs: '' });
    assert.equal(result.status, 200);
    const card = (result.body as { value?: unknown }).value;
    assert.match(cardText(card), /Booked: your place is confirmed[\s\S]*39 of 40 places left/);
    assert.match(JSON.stringify(card), /"title":"Add to calendar"[\s\S]*"title":"Cancel my booking"/);
    const ledger = await bot.store.workshops.getLedger('ap-framework-workshop-2024');
    assert.equal(ledger?.entries[0]?.userId, playground.context.currentUser.aadObjectId);
  });
});
