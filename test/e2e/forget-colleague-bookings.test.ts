import { strict as assert } from 'node:assert';
import type { Container } from '@azure/cosmos';
import { startTestBot, type TestBot } from '../helpers/bot';
import { actionData, click, command, installPersonalChats, organiserEnv, recipient } from '../helpers/broadcasts';
import { cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { formOf, WORKSHOP } from '../helpers/workshops';

const COLLEAGUE_EMAIL = 'sam.jones@acle.norfolk.sch.uk';

/** Every document in every container, as text. */
async function everything(bot: TestBot): Promise<string> {
  const all = await Promise.all(
    Object.values(bot.store.cosmos.containers).map(async (c: Container) => (await c.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll()).resources),
  );
  return JSON.stringify(all.flat());
}

/**
 * "Forget me" and "forget person" reach what booking for a colleague and "Remind me to
 * book" store: the head's request and their name on a colleague's place, and a colleague
 * the bot knows only by the email their head typed.
 */
describe('forgetting people around colleague bookings and reminders to book', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const head = recipient(51);

  beforeEach(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: organiserEnv() });
    await installPersonalChats(bot, connector, 51, 1);
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
  });

  const bookSam = () =>
    click(bot, connector, 'workshop.bookColleague', { eventId: WORKSHOP, name: 'Sam Jones', email: COLLEAGUE_EMAIL, role: 'senco', school: 'Acle Academy', needs: 'Hearing loop' }, { user: head });
  const entries = async () => (await bot.store.workshops.getLedger(WORKSHOP))?.entries ?? [];

  it('when a head who booked a colleague and asked for a reminder to book says "forget me", then both are listed, their request and name go, and the colleague keeps the place', async () => {
    await click(bot, connector, 'workshop.remindToBook', { eventId: WORKSHOP, remind: true }, { user: head });
    await bookSam();
    const preview = cardText(await command(bot, connector, 'forget me', head));
    assert.match(preview, /1\nworkshop booking or waiting list place \(yours, or one you made for a colleague\)/);
    assert.match(preview, /1\nyour "Remind me to book" request on a workshop/);

    await click(bot, connector, 'privacy.forgetMe', {}, { user: head });
    const stored = await everything(bot);
    assert.ok(!stored.includes(head.aadObjectId!), 'no document carries their Entra id');
    assert.ok(!stored.includes(head.name!), 'no document carries their name');
    const [sam, ...more] = await entries();
    assert.deepEqual(more, []);
    assert.deepEqual([sam?.userId, sam?.status, sam?.bookedBy], [`email:${COLLEAGUE_EMAIL}`, 'booked', undefined]);
  });

  it('when an organiser forgets a colleague by the email their head typed, then the place and its details go and the next in line is booked', async () => {
    await bot.store.workshops.updateLedger(WORKSHOP, (current) => ({ next: current && { ...current, capacity: 1 }, result: undefined }));
    await bookSam();
    const waiting = recipient(52);
    await click(bot, connector, 'workshop.book', { eventId: WORKSHOP, ...formOf(waiting) }, { user: waiting });

    const review = await command(bot, connector, `forget person ${COLLEAGUE_EMAIL.toUpperCase()}`);
    assert.match(cardText(review), new RegExp(`Remove ${COLLEAGUE_EMAIL}'s data[\\s\\S]*1\\nworkshop booking or waiting list place`));
    await click(bot, connector, 'privacy.forgetPerson', actionData(review, 'privacy.forgetPerson'));

    const stored = await everything(bot);
    for (const gone of [COLLEAGUE_EMAIL, 'Sam Jones', 'Hearing loop']) assert.ok(!stored.includes(gone), `"${gone}" is gone`);
    assert.deepEqual((await entries()).map((e) => [e.userId, e.status]), [[waiting.aadObjectId, 'booked']]);
  });
});
