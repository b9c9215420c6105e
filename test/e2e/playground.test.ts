import { strict as assert } from 'node:assert';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardText } from '../helpers/connector';
import { countDocs } from '../helpers/store';
import { adaptiveCardOf, startPlayground, type Playground } from '../helpers/playground';

/**
 * Microsoft's own client: the Agents Playground (offline, no browser), driven over its
 * HTTP and WebSocket API, talking to the real bot. Its service URL is the Bot Connector
 * the bot replies to, so nothing here is a stand-in of ours.
 */
describe('with the Agents Playground as the Teams client', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let playground: Playground;

  before(async () => {
    bot = await startTestBot();
    playground = await startPlayground({ botEndpoint: `${bot.url}/api/messages`, port: 0 });
  });
  after(async () => {
    await playground?.stop();
    await bot?.close();
  });

  /** Types "events" in the personal chat and presses a button on the carousel that comes back. */
  const pressOnProgramme = async (verb: string, data: Record<string, unknown>) => {
    const chat = playground.context.personalChat.id;
    const since = playground.messages().length;
    await playground.sendText(chat, 'events');
    const carousel = await playground.waitForMessage((m) => m.conversationId === chat && m.attachments.length > 1, { since });
    return playground.invoke({ conversationId: chat, replyToId: carousel.messageId, verb, data });
  };

  it('when installed in a personal chat, then the welcome card arrives and the chat is stored', async () => {
    const chat = playground.context.personalChat.id;
    const since = playground.messages().length;
    await playground.install(chat);
    const welcome = await playground.waitForMessage((m) => m.conversationId === chat && cardText(adaptiveCardOf(m)).includes('Hello! I am the NLC bot'), { since });
    assert.ok(welcome);
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
