import { strict as assert } from 'node:assert';
import { type TestBot } from '../helpers/bot';
import { playgroundPerSuite } from '../helpers/playground/suite';
import { buttonsOf } from '../helpers/card-buttons';
import { cardText } from '../helpers/connector';
import { adaptiveCardOf, type Playground } from '../helpers/playground';
import { WORKSHOP } from '../helpers/workshops';

/**
 * A head books a workshop place for a colleague in Microsoft's own client (the Agents
 * Playground): "Book for a colleague" on the workshop card, the form, the answer saying
 * the bot cannot reach the colleague (she has no chat with it), the place in "my
 * bookings", and the head cancelling it there.
 */
describe('booking a place for a colleague, with the Agents Playground as the Teams client', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let playground: Playground;

  playgroundPerSuite({}, async (b, p) => {
    [bot, playground] = [b, p];
    await playground.install(chat());
    await playground.waitForMessage((m) => m.conversationId === chat());
  });

  const chat = () => playground.context.personalChat.id;
  const megan = () => playground.context.users[0]!;
  const invokeText = (body: unknown): string => cardText((body as { value?: unknown }).value);
  const active = async () => ((await bot.store.workshops.getLedger(WORKSHOP))?.entries ?? []).filter((e) => e.status !== 'cancelled');

  /** Types a command in the personal chat; the card that comes back, and its message id. */
  async function say(text: string, many = false) {
    const since = playground.messages().length;
    await playground.sendText(chat(), text);
    const message = await playground.waitForMessage((m) => m.conversationId === chat() && (!many || m.attachments.length > 1), { since });
    return message;
  }

  /** The head sends the colleague form for Megan (who has no chat with the bot) from the card with this message id. */
  const bookMegan = (replyToId: string) =>
    playground.invoke({ conversationId: chat(), replyToId, verb: 'workshop.bookColleague', data: { eventId: WORKSHOP, name: megan().name, email: megan().email, role: 'senco', school: 'Acle Academy', needs: '' } });

  it('when the head presses Book for a colleague and sends the form, then the colleague has the place and the head is asked to tell her', async () => {
    const carousel = await say('events', true);
    const form = await playground.invoke({ conversationId: chat(), replyToId: carousel.messageId, verb: 'workshop.colleagueForm', data: { eventId: WORKSHOP } });
    assert.equal(form.status, 200);
    assert.match(invokeText(form.body), /Book for a colleague[\s\S]*Your colleague's name[\s\S]*Their work email/);

    const booked = await bookMegan(carousel.messageId);
    assert.equal(booked.status, 200);
    assert.match(invokeText(booked.body), new RegExp(`Booked a place for ${megan().name}\\. The bot cannot reach them in Teams[\\s\\S]*39 of 40 places left`));
    const [entry, ...more] = await active();
    assert.deepEqual(more, []);
    assert.deepEqual([entry?.userId, entry?.name, entry?.bookedBy?.userId], [`email:${megan().email.toLowerCase()}`, megan().name, playground.context.currentUser.aadObjectId]);
  });

  it('when the head gives their own email, then Teams\' member details tell the bot it is them, and nothing is booked', async () => {
    const carousel = await say('events', true);
    const me = playground.context.currentUser;
    const before = (await active()).length;
    const data = { eventId: WORKSHOP, name: me.name, email: me.email, role: 'headteacher', school: 'Acle Academy', needs: '' };
    const refused = await playground.invoke({ conversationId: chat(), replyToId: carousel.messageId, verb: 'workshop.bookColleague', data });
    assert.match(invokeText(refused.body), /That is you: use Book a place/);
    assert.equal((await active()).length, before);
  });

  it('when the head presses Cancel their place in "my bookings", then the place is free again', async () => {
    await bookMegan((await say('events', true)).messageId);
    const list = await say('my bookings');
    assert.match(cardText(adaptiveCardOf(list)), new RegExp(`You booked for ${megan().name} \\(booked\\)`));
    const cancel = buttonsOf(adaptiveCardOf(list)).find((b) => b.verb === 'workshop.cancel');
    assert.ok(cancel, 'Cancel their place');
    const done = await playground.invoke({ conversationId: chat(), replyToId: list.messageId, verb: 'workshop.cancel', data: cancel.data });
    assert.match(invokeText(done.body), new RegExp(`The place you booked for ${megan().name} is cancelled[\\s\\S]*40 of 40 places left`));
    assert.deepEqual(await active(), []);
  });
});
