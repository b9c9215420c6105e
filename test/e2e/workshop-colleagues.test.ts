import { strict as assert } from 'node:assert';
import { personalChat, testUser, type TestUser } from '../helpers/activities';
import { botPerTest, type TestBot } from '../helpers/bot';
import { cardsIn, cardText, type StandInConnector } from '../helpers/connector';
import { totalDocs } from '../helpers/store';
import { actionsOf, formOf, WORKSHOP, workshopDriver } from '../helpers/workshops';

const emailOf = (user: TestUser): string => `${user.name!.toLowerCase().replace(/ /g, '.')}@school.norfolk.sch.uk`;
const colleagueForm = (user: TestUser, extra: Record<string, string> = {}) => ({ eventId: WORKSHOP, name: user.name!, email: emailOf(user), role: 'senco', school: 'Acle Academy', needs: '', ...extra });

/**
 * A head books a place for a named colleague (name, role, school, email) over HTTP
 * against the real bot and embedded Cosmos: the place is the colleague's (one per
 * attendee, whoever clicked), counts once, the colleague is told when the bot can reach
 * them, and the head can cancel it.
 */
describe('booking a workshop place for a colleague', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  let teams: ReturnType<typeof workshopDriver>;
  const [head, colleague, otherHead, stranger] = [testUser(41), testUser(42), testUser(43), testUser(44)];

  botPerTest(() => ({}), (b, c) => {
    [bot, connector] = [b, c];
    teams = workshopDriver(bot, connector);
  });

  const active = async () => ((await bot.store.workshops.getLedger(WORKSHOP))?.entries ?? []).filter((e) => e.status !== 'cancelled');
  /** The colleague adds the bot; Teams' member details give their work email. */
  const installWithEmail = async (user: TestUser) => {
    connector.setMembers(personalChat(user).id, [{ id: user.id, aadObjectId: user.aadObjectId, name: user.name, email: emailOf(user).toUpperCase() }]);
    await teams.install(user);
  };

  it('when a head books for a colleague who has the bot, then the place is the colleague\'s, counts once, and the colleague is told who booked it', async () => {
    await installWithEmail(colleague);
    const form = await teams.invoke(head, 'workshop.colleagueForm', { eventId: WORKSHOP });
    assert.match(cardText(form), /Book for a colleague[\s\S]*AP framework workshop/);
    assert.ok(actionsOf(form).some((a) => a.verb === 'workshop.bookColleague'));

    const card = await teams.invoke(head, 'workshop.bookColleague', colleagueForm(colleague));
    assert.match(cardText(card), new RegExp(`Booked a place for ${colleague.name}\\. We are letting them know in Teams[\\s\\S]*39 of 40 places left[\\s\\S]*You booked for ${colleague.name} \\(booked\\)`));
    const [entry, ...more] = await active();
    assert.deepEqual(more, []);
    assert.deepEqual([entry?.userId, entry?.name, entry?.email, entry?.role, entry?.school, entry?.bookedBy?.userId], [colleague.aadObjectId, colleague.name, emailOf(colleague), 'senco', 'Acle Academy', head.aadObjectId]);

    const told = await connector.waitFor((s) => s.conversationId === personalChat(colleague).id && /booked you a place/.test(s.activity.text ?? ''));
    assert.equal(told.activity.text, `${head.name} booked you a place at AP framework workshop.`);
    assert.match(cardText(cardsIn(told)[0]), /You're booked/);

    // The colleague's own Book, and the head's second try, find the one place.
    assert.match(cardText(await teams.invoke(colleague, 'workshop.book', { eventId: WORKSHOP, ...formOf(colleague) })), /You already have a place, so nothing changed/);
    assert.match(cardText(await teams.invoke(head, 'workshop.bookColleague', colleagueForm(colleague))), /already has a place \(or a place on the waiting list\), so nothing changed/);
    assert.equal((await active()).length, 1);
  });

  it('when the colleague has not added the bot, then the place is kept under their email, the head is asked to tell them, and another head booking them adds nothing', async () => {
    const card = await teams.invoke(head, 'workshop.bookColleague', colleagueForm(colleague, { email: emailOf(colleague).toUpperCase() }));
    assert.match(cardText(card), /cannot reach them in Teams \(they have not added it\), so please let them know/);
    assert.deepEqual((await active()).map((e) => e.userId), [`email:${emailOf(colleague)}`]);
    assert.equal(connector.sentTo(personalChat(colleague).id).length, 0);

    const again = await teams.invoke(otherHead, 'workshop.bookColleague', colleagueForm(colleague, { name: 'Someone Else' }));
    assert.match(cardText(again), /already has a place/);
    assert.equal((await active()).length, 1, 'one booking per attendee, not per clicker');
  });

  it('when a colleague booked by email adds the bot later, then the place becomes theirs: their own Book and "my bookings" find it, and it still counts once', async () => {
    await teams.invoke(head, 'workshop.bookColleague', colleagueForm(colleague));
    await installWithEmail(colleague);
    const [entry, ...more] = await active();
    assert.deepEqual(more, []);
    assert.deepEqual([entry?.userId, entry?.bookedBy?.userId], [colleague.aadObjectId, head.aadObjectId]);
    assert.match(cardText((await teams.say(colleague, 'my bookings'))[0]), /AP framework workshop[\s\S]*You're booked/);
    assert.match(cardText(await teams.invoke(colleague, 'workshop.book', { eventId: WORKSHOP, ...formOf(colleague) })), /You already have a place, so nothing changed/);
    assert.equal((await active()).length, 1);
  });

  it('when the head cancels the colleague\'s place from "my bookings", then the place is freed, and nobody else can cancel it', async () => {
    await teams.invoke(head, 'workshop.bookColleague', colleagueForm(colleague));
    const [list] = await teams.say(head, 'my bookings');
    assert.match(cardText(list), new RegExp(`AP framework workshop[\\s\\S]*You booked for ${colleague.name} \\(booked\\)`));
    const cancel = actionsOf(list).find((a) => a.title === 'Cancel their place');
    assert.ok(cancel?.data, 'Cancel their place');

    const before = await totalDocs(bot.store);
    assert.match(cardText(await teams.invoke(stranger, 'workshop.cancel', cancel.data)), /belongs to someone else/);
    assert.equal(await totalDocs(bot.store), before);
    assert.equal((await active()).length, 1);

    const done = await teams.invoke(head, 'workshop.cancel', cancel.data);
    assert.match(cardText(done), new RegExp(`The place you booked for ${colleague.name} is cancelled[\\s\\S]*40 of 40 places left`));
    assert.deepEqual(await active(), []);
  });

  const refusals: [string, Record<string, string>, RegExp][] = [
    ['no name', { name: ' ' }, /Enter your colleague's name/],
    ['an email that is not one', { email: 'not-an-email' }, /Enter your colleague's work email address/],
    ['an unknown role', { role: 'wizard' }, /Choose your colleague's role from the list/],
    ['no school', { school: '' }, /Enter the name of your school or setting/],
  ];
  for (const [what, change, expected] of refusals) {
    it(`when the colleague form has ${what}, then the form comes back with the problem beside its field and nothing is written`, async () => {
      const before = await totalDocs(bot.store);
      const card = await teams.invoke(head, 'workshop.bookColleague', colleagueForm(colleague, change));
      assert.match(cardText(card), /Please check the form: nothing was booked yet/);
      assert.match(cardText(card), expected);
      assert.equal(await totalDocs(bot.store), before);
    });
  }

  it('when the head gives their own email, then they are sent to Book a place and nothing is written', async () => {
    await installWithEmail(head);
    const before = await totalDocs(bot.store);
    const card = await teams.invoke(head, 'workshop.bookColleague', colleagueForm(head));
    assert.match(cardText(card), /That is you: use Book a place/);
    assert.equal(await totalDocs(bot.store), before);
  });
});
