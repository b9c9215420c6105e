import { strict as assert } from 'node:assert';
import { playgroundPerSuite } from '../helpers/playground/suite';
import { buttonsOf } from '../helpers/card-buttons';
import { cardText } from '../helpers/connector';
import { adaptiveCardOf, type Playground, type PlaygroundMessage } from '../helpers/playground';

/** Alex, the Playground's current user, is the one organiser in the settings. */
const ALEX_AAD = '00000000-0000-4000-8000-0000000000a0';

/**
 * An organiser adds another organiser in Microsoft's own client (the Agents Playground),
 * without a restart: Megan is refused the organiser commands, Alex finds her by the name
 * the bot knows her by and makes her an organiser, and Megan's very next request is
 * allowed. Alex then removes her again, and the next request is refused.
 */
describe('adding an organiser, with the Agents Playground as the Teams client', function () {
  this.timeout(60_000);
  let playground: Playground;

  playgroundPerSuite({ env: { ORGANISER_AAD_IDS: ALEX_AAD } }, async (_bot, p) => {
    playground = p;
    // Each install greets once; the greetings are in before anything is asked.
    for (const chat of [group(), playground.context.personalChat.id]) {
      await playground.install(chat);
      await playground.waitForMessage((m) => m.conversationId === chat);
    }
  });

  const group = () => playground.context.groupChats[0]!.id;
  const megan = () => playground.context.users[0]!;
  const textOf = (m: PlaygroundMessage): string => `${m.text ?? ''}\n${cardText(adaptiveCardOf(m))}`;
  const invokeText = (body: unknown): string => cardText((body as { value?: unknown }).value);

  /** Megan types "@NLC Bot organiser help" in the group chat; the bot's answer there. */
  async function meganAsksForOrganiserHelp(): Promise<string> {
    const since = playground.messages().length;
    await playground.sendText(group(), 'organiser help', { from: megan().id });
    return textOf(await playground.waitForMessage((m) => m.conversationId === group(), { since }));
  }

  it('when an organiser finds a colleague by name and presses Make organiser, then the colleague\'s next request is an organiser\'s, with no restart', async () => {
    assert.match(await meganAsksForOrganiserHelp(), /Only NLC organisers can see the organiser commands/);

    // Megan answers an event in the group chat, so the bot knows her by her Teams name.
    let since = playground.messages().length;
    await playground.sendText(group(), 'events');
    const carousel = await playground.waitForMessage((m) => m.conversationId === group() && m.attachments.length > 1, { since });
    const answered = await playground.invoke({ conversationId: group(), replyToId: carousel.messageId, verb: 'event.rsvp', data: { eventId: 'practice-week-2024-bitesize-mon', response: 'going' }, from: megan().id });
    assert.equal(answered.status, 200);

    const chat = playground.context.personalChat.id;
    since = playground.messages().length;
    await playground.sendText(chat, `add organiser ${megan().name}`);
    const offered = await playground.waitForMessage((m) => m.conversationId === chat, { since });
    assert.match(textOf(offered), new RegExp(`People the bot knows as "${megan().name}"[\\s\\S]*${megan().name}\\n`, 'i'));
    const make = buttonsOf(adaptiveCardOf(offered)).find((b) => b.verb === 'organiser.add');
    assert.deepEqual(make?.data, { userId: megan().aadObjectId });

    const added = await playground.invoke({ conversationId: chat, replyToId: offered.messageId, verb: 'organiser.add', data: make?.data });
    assert.equal(added.status, 200);
    assert.match(invokeText(added.body), new RegExp(`${megan().name} is now an organiser[\\s\\S]*Added by ${playground.context.currentUser.name}`));
    assert.match(await meganAsksForOrganiserHelp(), /Organiser commands/);
  });

  it('when the organiser presses Remove beside her, then her next request is refused again', async () => {
    const chat = playground.context.personalChat.id;
    const since = playground.messages().length;
    await playground.sendText(chat, 'manage organisers');
    const list = await playground.waitForMessage((m) => m.conversationId === chat, { since });
    const remove = buttonsOf(adaptiveCardOf(list)).find((b) => b.verb === 'organiser.remove' && b.data.userId === megan().aadObjectId);
    assert.ok(remove, 'Remove beside Megan');
    const removed = await playground.invoke({ conversationId: chat, replyToId: list.messageId, verb: 'organiser.remove', data: remove.data });
    assert.match(invokeText(removed.body), /is no longer an organiser/);
    assert.match(await meganAsksForOrganiserHelp(), /Only NLC organisers can see the organiser commands/);
  });
});
