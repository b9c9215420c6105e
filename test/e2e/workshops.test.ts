import { strict as assert } from 'node:assert';
import { personalChat, testUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardsIn, cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { totalDocs } from '../helpers/store';
import { actionsOf, eventually, formOf, WORKSHOP, workshopDriver } from '../helpers/workshops';

/**
 * Booking the AP framework workshop over HTTP against the real bot and embedded Cosmos,
 * with Teams' Bot Connector stood in for: book, get waitlisted when full, cancel, and the
 * first person waiting is told in their personal chat.
 */
describe('workshop booking end to end over HTTP', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  let teams: ReturnType<typeof workshopDriver>;
  const organiser = testUser(90);
  const [alice, bob, carol, dave] = [testUser(11), testUser(12), testUser(13), testUser(14)];
  let aliceBookingId = '';

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: { ORGANISER_AAD_IDS: organiser.aadObjectId ?? '' } });
    teams = workshopDriver(bot, connector);
    await teams.install(carol);
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  const ledger = async () => (await bot.store.workshops.getLedger(WORKSHOP))!;
  const statusOf = async (user: typeof alice) => (await ledger()).entries.find((e) => e.userId === user.aadObjectId && e.status !== 'cancelled');

  it('when "events" is typed, then the workshop shows its booking card: when, where, for whom, the deadline and places left', async () => {
    const [card] = await teams.say(alice, 'events');
    const text = cardText(card);
    assert.match(text, /AP framework workshop[\s\S]*Tue 7 May 2024, 09:00 to 12:00[\s\S]*The Nest/);
    assert.match(text, /Secondary headteachers, senior leaders, SENCOs and inclusion leads/);
    assert.match(text, /Book by Mon 29 April 2024[\s\S]*40 of 40 places left/);
    assert.deepEqual(actionsOf(card).map((a) => a.title), ['Book for a colleague', 'Remind me to book', 'Book a place', 'Share'], 'Share: its public page, while booking is open');
  });

  it('when someone books, then their card confirms the place with Add to calendar and Cancel my booking, and the ledger records it', async () => {
    const card = await teams.invoke(alice, 'workshop.book', { eventId: WORKSHOP, role: 'senco', school: 'Acle Academy', needs: 'Step-free access' });
    assert.match(cardText(card), /Booked: your place is confirmed[\s\S]*39 of 40 places left[\s\S]*You're booked/);
    const actions = actionsOf(card);
    const calendar = actions.find((a) => a.title === 'Add to calendar');
    assert.ok(calendar?.url?.startsWith(`${bot.url}/downloads/calendar/${WORKSHOP}/`), calendar?.url);
    const cancel = actions.find((a) => a.title === 'Cancel my booking');
    aliceBookingId = String(cancel?.data?.bookingId);
    assert.deepEqual((card.refresh as { userIds: string[] }).userIds, [alice.id]);
    const entry = await statusOf(alice);
    assert.equal(entry?.bookingId, aliceBookingId);
    assert.deepEqual([entry?.status, entry?.role, entry?.school, entry?.needs, entry?.name], ['booked', 'senco', 'Acle Academy', 'Step-free access', alice.name]);
    assert.equal(entry?.bookedAt, bot.clock.now().toISOString());
  });

  it('when the same person presses Book again, then they see their existing booking and nothing is added', async () => {
    const before = (await ledger()).entries.length;
    const card = await teams.invoke(alice, 'workshop.book', { eventId: WORKSHOP, ...formOf(alice) });
    assert.match(cardText(card), /You already have a place, so nothing changed[\s\S]*You're booked/);
    assert.equal((await ledger()).entries.length, before);
  });

  const cases: [string, () => typeof alice, string, Record<string, unknown>, RegExp][] = [
    ['an empty school name', () => bob, 'workshop.book', { eventId: WORKSHOP, role: 'headteacher', school: '  ', needs: '' }, /Please check the form[\s\S]*Enter the name of your school or setting/],
    ['an unknown role', () => bob, 'workshop.book', { eventId: WORKSHOP, role: 'wizard', school: 'Acle Academy', needs: '' }, /Choose your role from the list/],
    ['needs of 2,000 characters', () => bob, 'workshop.book', { eventId: WORKSHOP, role: 'senco', school: 'Acle Academy', needs: 'x'.repeat(2000) }, /Keep access or dietary needs to 500 characters/],
    ["a booking id that is someone else's", () => bob, 'workshop.cancel', { eventId: WORKSHOP, bookingId: '' }, /belongs to someone else/],
    ['a forged workshop id', () => bob, 'workshop.book', { eventId: 'no-such-workshop', ...formOf(bob) }, /no longer in the NLC programme/],
    ['an event that is not a workshop', () => bob, 'workshop.book', { eventId: 'new-horizons-2024', ...formOf(bob) }, /is not a workshop/],
    ['a forged extra field', () => bob, 'workshop.book', { eventId: WORKSHOP, ...formOf(bob), userId: alice.aadObjectId }, /Please check what you entered[\s\S]*userId/],
    ['an RSVP forged for the workshop', () => bob, 'event.rsvp', { eventId: WORKSHOP, response: 'going' }, /is a workshop: book a place on its card/],
  ];
  for (const [name, who, verb, data, expected] of cases) {
    it(`when the input has ${name}, then a card says what to fix and nothing is written`, async () => {
      const before = await totalDocs(bot.store);
      const filled = verb === 'workshop.cancel' ? { ...data, bookingId: aliceBookingId } : data;
      const card = await teams.invoke(who(), verb, filled);
      assert.match(cardText(card), expected);
      assert.equal(await totalDocs(bot.store), before);
      assert.equal((await statusOf(alice))?.status, 'booked', "alice's booking is untouched");
    });
  }

  it('when the booking form is invalid, then it comes back as the same form, with the values kept and each problem beside its field', async () => {
    const card = await teams.invoke(bob, 'workshop.book', { eventId: WORKSHOP, role: 'senior-leader', school: '', needs: 'Vegetarian' });
    const form = (card.body as { type: string; items?: { id?: string; value?: string; text?: string; color?: string }[] }[]).find((b) => b.type === 'Container')?.items ?? [];
    const at = (id: string) => form.findIndex((item) => item.id === id);
    assert.equal(form[at('role')]?.value, 'senior-leader');
    assert.equal(form[at('needs')]?.value, 'Vegetarian');
    const besideSchool = form[at('school') + 1];
    assert.deepEqual([besideSchool?.text, besideSchool?.color], ['Enter the name of your school or setting.', 'Attention']);
    assert.equal(form[at('role') + 1]?.id, 'school', 'no problem shown beside a field that was right');
  });

  it('when the workshop is full, then the next people go on the waiting list in order and "my bookings" shows their place', async () => {
    await teams.say(organiser, 'capacity 2');
    assert.match(cardText(await teams.invoke(bob, 'workshop.book', { eventId: WORKSHOP, ...formOf(bob) })), /Booked: your place is confirmed[\s\S]*All 2 places are taken/);
    const carolCard = await teams.invoke(carol, 'workshop.book', { eventId: WORKSHOP, ...formOf(carol) });
    assert.match(cardText(carolCard), /full, so you're on the waiting list[\s\S]*You're number 1 on the waiting list/);
    assert.deepEqual(actionsOf(carolCard).map((a) => a.title).sort(), ['Add to calendar', 'Book for a colleague', 'Cancel my booking', 'Share']);
    assert.match(cardText(await teams.invoke(dave, 'workshop.book', { eventId: WORKSHOP, ...formOf(dave) })), /You're number 2 on the waiting list/);
    assert.match(cardText(await teams.invoke(alice, 'workshop.view', { eventId: WORKSHOP })), /You're booked/);
    assert.match(cardText((await teams.say(carol, 'my bookings'))[0]), /AP framework workshop[\s\S]*Waiting list: you're number 1/);
  });

  it('when a booked person cancels, then the first person waiting is booked at once and told in their personal chat, with their own Cancel and calendar', async () => {
    connector.clear();
    const card = await teams.invoke(alice, 'workshop.cancel', { eventId: WORKSHOP, bookingId: aliceBookingId });
    assert.match(cardText(card), /Your booking is cancelled/);
    assert.equal((await statusOf(alice)), undefined);
    assert.equal((await statusOf(carol))?.status, 'booked', 'promoted in the same write as the cancellation');

    const sent = await connector.waitFor((s) => s.conversationId === personalChat(carol).id);
    assert.equal(sent.activity.text, "A place has opened: you're booked");
    const [message] = cardsIn(sent);
    assert.match(cardText(message), /A place has opened: you're booked for AP framework workshop[\s\S]*You're booked/);
    const actions = actionsOf(message);
    assert.equal(actions.find((a) => a.title === 'Cancel my booking')?.data?.bookingId, (await statusOf(carol))?.bookingId);
    assert.ok(actions.some((a) => a.title === 'Add to calendar'));
    const notice = await eventually(async () => {
      const recorded = (await statusOf(carol))?.notice;
      assert.equal(recorded?.status, 'sent');
      return recorded;
    });
    assert.equal(notice?.status === 'sent' && notice.messageId, sent.id);
    assert.match(cardText((await teams.say(dave, 'my bookings'))[0]), /Waiting list: you're number 1/);
  });

  it('when the booking deadline has passed, then the card says "Booking closed" and Book is refused even from an old card, but cancelling still works', async () => {
    const now = bot.clock.now();
    bot.clock.set('2024-04-29T23:00:00Z');
    try {
      const eve = testUser(15);
      const before = await totalDocs(bot.store);
      const refused = await teams.invoke(eve, 'workshop.book', { eventId: WORKSHOP, ...formOf(eve) });
      assert.match(cardText(refused), /booking deadline for "AP framework workshop" has passed[\s\S]*Booking closed/);
      assert.deepEqual(actionsOf(refused), []);
      assert.equal(await totalDocs(bot.store), before);
      const bobsId = (await statusOf(bob))?.bookingId;
      assert.match(cardText(await teams.invoke(bob, 'workshop.cancel', { eventId: WORKSHOP, bookingId: bobsId })), /Your booking is cancelled[\s\S]*Booking closed/);
      await eventually(async () => assert.ok((await statusOf(dave))?.notice), 3000);
      assert.equal((await statusOf(dave))?.notice?.status, 'no_personal_chat', 'dave never installed the bot: recorded for the organisers');
    } finally {
      bot.clock.set(now);
    }
  });
});
