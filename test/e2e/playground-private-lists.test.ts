import { strict as assert } from 'node:assert';
import { createTestInvoke, personalChat } from '../helpers/activities';
import { type TestBot } from '../helpers/bot';
import { playgroundPerSuite } from '../helpers/playground/suite';
import { cardText } from '../helpers/connector';
import { adaptiveCardOf, type Playground, type PlaygroundMessage } from '../helpers/playground';
import { eventually, WORKSHOP } from '../helpers/workshops';

/** Alex, the Playground's current user, is the organiser. */
const ALEX_AAD = '00000000-0000-4000-8000-0000000000a0';
const BOOKINGS = [
  { school: 'Quillfeather Primary', needs: 'Hearing loop at the front' },
  { school: 'Thornbury Academy', needs: 'Step-free access' },
];

/**
 * An organiser asks for the attendee list in a team channel, in Microsoft's own client
 * (the Agents Playground): the channel must show no name, school or need, and the list
 * must reach the organiser's personal chat with the bot.
 */
describe('organiser lists in a channel, with the Agents Playground as the Teams client', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let playground: Playground;
  let secrets: string[] = [];

  playgroundPerSuite({ env: { ORGANISER_AAD_IDS: ALEX_AAD } }, async (b, p) => {
    [bot, playground] = [b, p];
    await playground.install(playground.context.teams[0]!.id);
    // Megan and Adele book from their own chats: their clicks reach the bot as Teams would send them.
    const people = playground.context.users.slice(0, 2);
    for (const [n, user] of people.entries()) {
      const chat = { ...personalChat(user), tenantId: playground.context.tenantId };
      await bot.post(createTestInvoke(playground.serviceUrl, chat, user, 'workshop.book', { eventId: WORKSHOP, role: 'headteacher', ...BOOKINGS[n]! }));
    }
    secrets = [...people.map((u) => u.name), ...BOOKINGS.flatMap((b) => [b.school, b.needs])];
  });

  const team = () => playground.context.teams[0]!;
  const personal = () => playground.context.personalChat.id;
  const textOf = (m: PlaygroundMessage): string => `${m.text ?? ''}\n${cardText(adaptiveCardOf(m))}`;
  const leaked = (messages: readonly PlaygroundMessage[]): string[] => secrets.filter((s) => messages.some((m) => textOf(m).includes(s)));
  const inChannel = (since: number): PlaygroundMessage[] => playground.messages().slice(since).filter((m) => m.conversationId.startsWith(team().id));

  /** Alex's personal chat, recorded by the bot (or removed) before the test goes on. */
  async function personalChatInstalled(installed: boolean): Promise<void> {
    if (installed) await playground.install(personal());
    else await playground.sendActivity(await playground.customActivityTemplate(personal(), 'uninstall'));
    await eventually(async () => assert.equal((await bot.store.conversations.get(personal()))?.active ?? false, installed));
  }

  /** Alex types "@NLC Bot attendees" in the General channel; the bot's note in the new post's thread. */
  async function askInChannel(since: number): Promise<PlaygroundMessage> {
    const { postConversationId } = await playground.sendText(team().id, 'attendees');
    assert.ok(postConversationId, 'a new post in the channel');
    return playground.waitForMessage((m) => m.conversationId === postConversationId, { since });
  }

  it('when an organiser types "@NLC attendees" in a team channel, then the channel receives no name, school or need, and the personal chat receives the list', async () => {
    await personalChatInstalled(true);
    const since = playground.messages().length;
    const note = await askInChannel(since);
    assert.match(textOf(note), /Sent to you privately/);
    const list = await playground.waitForMessage((m) => m.conversationId === personal() && textOf(m).includes('Attendees:'), { since });
    for (const secret of secrets) assert.ok(textOf(list).includes(secret), `the list has ${secret}`);
    assert.deepEqual(leaked(inChannel(since)), []);
  });

  it('when the organiser presses a list button on a card in the channel, then the card there shows no name, school or need and the list arrives privately', async () => {
    await personalChatInstalled(true);
    const since = playground.messages().length;
    const note = await askInChannel(since);
    const pressed = await playground.invoke({ conversationId: note.conversationId, replyToId: note.messageId, verb: 'workshop.attendees', data: { eventId: WORKSHOP } });
    assert.equal(pressed.status, 200);
    const answer = cardText((pressed.body as { value?: unknown }).value);
    assert.match(answer, /Sent to you privately/);
    assert.deepEqual(secrets.filter((s) => answer.includes(s)), []);
    const lists = await eventually(() => {
      const found = playground.messages().slice(since).filter((m) => m.conversationId === personal() && textOf(m).includes('Attendees:'));
      assert.equal(found.length, 2, 'one for the command, one for the button');
      return Promise.resolve(found);
    });
    assert.ok(textOf(lists[1]!).includes(secrets[0]!));
    assert.deepEqual(leaked(inChannel(since)), []);
  });

  it('when the organiser removed the bot from their personal chat, then the channel note says to add it back and where to find it, and carries no name', async () => {
    await personalChatInstalled(false);
    const since = playground.messages().length;
    const note = await askInChannel(since);
    assert.match(textOf(note), new RegExp(`Add me back to your personal chat first[\\s\\S]*you removed me from it[\\s\\S]*find "${playground.context.bot.name}"`));
    assert.deepEqual(leaked(inChannel(since)), []);
    assert.deepEqual(playground.messages().slice(since).filter((m) => m.conversationId === personal()), [], 'nothing sent to a chat the bot no longer has');
  });
});
