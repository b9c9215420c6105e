import { strict as assert } from 'node:assert';
import type { Container } from '@azure/cosmos';
import { FORGOTTEN_ID } from '../../bot/domain/privacy/privacy';
import { createTestMessage, groupChat, personalChat, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { actionData, broadcastJob, click, command, ORGANISER, organiserEnv, recipient, sendBroadcast } from '../helpers/broadcasts';
import { cardsIn, cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { collectingLogger } from '../helpers/logs';
import { totalDocs } from '../helpers/store';
import { eventually, formOf, WORKSHOP, workshopDriver } from '../helpers/workshops';

const TG2 = 'tg2-transitions';
const SURVEY = 'tg2-transition-survey';
const EVENT = 'new-horizons-2024';

/** Every document in every container, as text: "is this person anywhere?" without knowing where to look. */
async function everything(bot: TestBot): Promise<string> {
  const all = await Promise.all(
    Object.values(bot.store.cosmos.containers).map(async (c: Container) => (await c.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll()).resources),
  );
  return JSON.stringify(all.flat());
}

/**
 * "forget me" and "forget person" (UK GDPR erasure) end to end over HTTP: the person
 * sees what is held, one button deletes it, and afterwards no document in any container
 * mentions them, while everyone else's records stay.
 */
describe('forgetting a person, end to end', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  let drive: ReturnType<typeof workshopDriver>;
  // The production level: what an operator's logs would hold.
  const logs = collectingLogger('info');
  const alex = recipient(1);
  const waiting = recipient(2);
  const other = recipient(3);

  /** Alex uses every feature: an answer, a workshop place (someone waits behind them), a group, a contribution, a broadcast copy. */
  async function alexUsesEverything(person: TestUser = alex): Promise<void> {
    await drive.install(person);
    await click(bot, connector, 'event.rsvp', { eventId: EVENT, response: 'going' }, { user: person });
    await drive.invoke(person, 'workshop.book', { eventId: WORKSHOP, ...formOf(person), needs: 'Step-free access please' });
    await click(bot, connector, 'group.join', { groupId: TG2 }, { user: person });
    await click(bot, connector, 'contribution.submit', { groupId: TG2, callId: SURVEY, respondent: 'Staff', q1: 'Shadow days in June', q2: 'Shared timetables', q3: '' }, { user: person });
  }

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: organiserEnv(), log: logs.log });
    drive = workshopDriver(bot, connector);
    await alexUsesEverything();
    // One place, held by Alex: the next booking waits behind them.
    await bot.store.workshops.updateLedger(WORKSHOP, (current) => ({ next: current && { ...current, capacity: 1 }, result: undefined }));
    for (const person of [waiting, other]) {
      await drive.install(person);
      await drive.invoke(person, 'workshop.book', { eventId: WORKSHOP, ...formOf(person) });
      await click(bot, connector, 'event.rsvp', { eventId: EVENT, response: 'maybe' }, { user: person });
    }
    await sendBroadcast(bot, connector, { content: 'announcement', title: 'Practice Week survey', text: 'Tell us how it went.', audience: 'personal' });
    await broadcastJob(bot).run();
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });
  beforeEach(() => connector.clear());

  it('when a person types "forget me", then the card lists what the bot holds and nothing is deleted yet', async () => {
    const before = await totalDocs(bot.store);
    const card = await command(bot, connector, 'forget me', alex);
    const text = cardText(card);
    assert.match(text, /Forget me/);
    assert.match(text, /1\nanswer to an event/);
    assert.match(text, /1\nworkshop booking or waiting list place/);
    assert.match(text, /1\ntask-group membership\n/);
    assert.match(text, /1\ncontribution to a task group/);
    assert.match(text, /1\nrecord of a broadcast message sent to you/);
    assert.deepEqual(actionData(card, 'privacy.forgetMe'), {});
    assert.equal(await totalDocs(bot.store), before);
    assert.ok((await everything(bot)).includes(alex.aadObjectId!));
  });

  it('when they press Delete my data, then no document mentions them, the person waiting gets the place and is told, and others keep theirs', async () => {
    const done = await click(bot, connector, 'privacy.forgetMe', {}, { user: alex });
    assert.match(cardText(done), /Your data has been deleted/);
    assert.match(cardText(done), /Deleted \d+ records/);

    const stored = await everything(bot);
    assert.ok(!stored.includes(alex.aadObjectId!), 'no document carries their Entra id');
    assert.ok(!stored.includes(alex.name!), 'no document carries their name');
    assert.ok(!stored.includes('Step-free access please'), 'their booking needs are gone');
    assert.ok(!stored.includes('Shadow days in June'), 'their contribution text is gone');
    assert.ok(!stored.includes(personalChat(alex).id), 'their chat address is gone');

    const ledger = await bot.store.workshops.getLedger(WORKSHOP);
    assert.deepEqual(
      ledger?.entries.map((e) => [e.userId, e.status]),
      [
        [waiting.aadObjectId, 'booked'],
        [other.aadObjectId, 'waitlisted'],
      ],
    );
    await eventually(() => Promise.resolve(assert.match(cardText(cardsIn(connector.sentTo(personalChat(waiting).id)[0]!)[0]), /place has opened|you're booked/i)));
    assert.equal((await bot.store.events.getRsvp(EVENT, other.aadObjectId!))?.response, 'maybe', "others' answers stay");
  });

  it('when the old Delete button is pressed again, then it says there was nothing left, and nothing changes', async () => {
    const before = await totalDocs(bot.store);
    const again = await click(bot, connector, 'privacy.forgetMe', {}, { user: alex });
    assert.match(cardText(again), /nothing left to delete/);
    assert.equal(await totalDocs(bot.store), before);
    assert.match(cardText(await command(bot, connector, 'forget me', alex)), /Nothing to forget/);
  });

  it('when "forget me" is typed in a group chat, then the chat gets only a note, what is held goes to the personal chat, and nothing is deleted', async () => {
    const chat = groupChat('19:privacy-group@thread.v2');
    const mine = connector.sentTo(personalChat(other).id).length;
    await bot.post({ ...createTestMessage(connector.serviceUrl, chat, other, '<at>NLC</at> forget me'), entities: [{ type: 'mention', text: '<at>NLC</at>', mentioned: { id: '28:nlc-bot', name: 'NLC' } }] });
    const [reply] = connector.sentTo(chat.id);
    const note = cardText(cardsIn(reply!)[0]);
    assert.match(note, /Sent to you privately/);
    assert.doesNotMatch(note, /School of|Delete my data/);
    assert.match(cardText(cardsIn(connector.sentTo(personalChat(other).id)[mine]!)[0]), /Delete my data/);
    assert.ok((await everything(bot)).includes(other.aadObjectId!));
  });

  it('when someone who is not an organiser sends a forged "forget person" click, then it is refused and nothing is deleted', async () => {
    const before = await totalDocs(bot.store);
    for (const verb of ['privacy.forgetPerson', 'privacy.reviewPerson']) {
      const card = await click(bot, connector, verb, { userId: other.aadObjectId }, { user: waiting });
      assert.match(cardText(card), /Only NLC organisers/);
    }
    assert.match(cardText(await command(bot, connector, `forget person ${other.name}`, waiting)), /Only NLC organisers/);
    assert.equal(await totalDocs(bot.store), before);
  });

  it('when the card data is forged (an extra field, a bad id), then it is refused and nothing is deleted', async () => {
    const before = await totalDocs(bot.store);
    assert.match(cardText(await click(bot, connector, 'privacy.forgetMe', { userId: other.aadObjectId }, { user: waiting })), /check/i);
    assert.match(cardText(await click(bot, connector, 'privacy.forgetPerson', { userId: 'everyone' })), /check/i);
    assert.equal(await totalDocs(bot.store), before);
  });

  it('when an organiser removes a person by name, then two people sharing it are told apart and only the one chosen is removed', async () => {
    const twin = { ...recipient(4), name: other.name };
    await alexUsesEverything(twin);
    const choice = await command(bot, connector, `forget person ${other.name!.toUpperCase()}`, ORGANISER);
    assert.match(cardText(choice), /2 people called/);
    assert.ok(JSON.stringify(choice).includes(twin.aadObjectId!) && JSON.stringify(choice).includes(other.aadObjectId!));

    const review = await click(bot, connector, 'privacy.reviewPerson', { userId: twin.aadObjectId });
    assert.match(cardText(review), new RegExp(`Remove ${other.name}'s data`));
    const done = await click(bot, connector, 'privacy.forgetPerson', actionData(review, 'privacy.forgetPerson'));
    assert.match(cardText(done), /data has been deleted/);

    const stored = await everything(bot);
    assert.ok(!stored.includes(twin.aadObjectId!), 'the chosen person is gone');
    assert.ok(stored.includes(other.aadObjectId!), 'the other person of that name stays');
  });

  it("when an organiser is forgotten, then the broadcasts they sent stay for the people who got them, without the organiser's id", async () => {
    await click(bot, connector, 'privacy.forgetMe', {}, { user: ORGANISER });
    const stored = await everything(bot);
    assert.ok(!stored.includes(ORGANISER.aadObjectId!));
    assert.ok(stored.includes('Practice Week survey') && stored.includes(FORGOTTEN_ID));
  });

  it('when all of the above has been logged, then the logs carry ids and counts, never names, chat text or form text', () => {
    const logged = logs.lines.join('');
    assert.ok(logs.lines.length > 20, 'turns were logged');
    assert.ok(logged.includes('personal data erased'), 'erasures are logged, by id');
    for (const secret of [alex.name!, other.name!, 'Step-free access please', 'Shadow days in June', 'Tell us how it went', 'School of']) {
      assert.ok(!logged.includes(secret), `the logs do not contain "${secret}"`);
    }
  });
});
