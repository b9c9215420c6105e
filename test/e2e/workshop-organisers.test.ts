import { strict as assert } from 'node:assert';
import { changeCapacity } from '../../bot/domain/workshops/ledger-changes';
import { NOTICE_GRACE_MS } from '../../bot/domain/workshops/promotions';
import { promotionNoticesJob } from '../../bot/jobs/promotion-notices';
import { renderPromotionMessage } from '../../cards/workshop';
import { silentLogger } from '../../bot/log';
import { personalChat, testUser } from '../helpers/activities';
import { chatsOf, startTestBot, type TestBot } from '../helpers/bot';
import { cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { totalDocs } from '../helpers/store';
import { actionsOf, eventually, formOf, WORKSHOP, workshopDriver } from '../helpers/workshops';

/** Organisers' side of workshop booking, and the files the bot serves, over HTTP. */
describe('workshop organisers and downloads end to end over HTTP', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  let teams: ReturnType<typeof workshopDriver>;
  const organiser = testUser(91);
  const [ann, ben, cat, dan] = [testUser(21), testUser(22), testUser(23), testUser(24)];

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: { ORGANISER_AAD_IDS: organiser.aadObjectId ?? '' } });
    teams = workshopDriver(bot, connector);
    await teams.install(dan);
    await teams.say(organiser, 'capacity 2');
    for (const person of [ann, ben, cat]) await teams.invoke(person, 'workshop.book', { eventId: WORKSHOP, ...formOf(person), needs: person === ann ? '=1+1 wheelchair' : '' });
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  const ledger = async () => (await bot.store.workshops.getLedger(WORKSHOP))!;
  const entryOf = async (user: typeof ann) => (await ledger()).entries.find((e) => e.userId === user.aadObjectId && e.status !== 'cancelled');
  const linkIn = (card: unknown, title: string): string => {
    const url = actionsOf(card).find((a) => a.title === title)?.url ?? /\]\((http[^)]+)\)/.exec(JSON.stringify(card))?.[1];
    assert.ok(url, `no ${title} link`);
    return url;
  };

  it('when an organiser asks for the attendees, then the card lists who is booked and waiting with role, school, needs and time', async () => {
    const [card] = await teams.say(organiser, 'attendees');
    const text = cardText(card);
    assert.match(text, /Attendees: AP framework workshop[\s\S]*2 places · 2 booked · 1 on the waiting list · 0 cancelled/);
    assert.match(text, /1\. Test User 21\*\* · Headteacher · School of Test User 21[\s\S]*Booked Tue 23 April 2024, 09:00 · Needs: =1\+1 wheelchair/);
    assert.match(text, /Waiting list[\s\S]*1\. Test User 23/);
    assert.deepEqual(actionsOf(card).map((a) => a.title), ['Refresh', 'Export CSV', 'Change places', 'Save places', 'Close booking']);
    assert.doesNotMatch(text, /People \d+ to/, 'everyone fits on one page: no page count');
  });

  it('when an organiser presses Next or Previous on the attendee list, then the page asked for comes back, and a page that is not a number is refused', async () => {
    const card = await teams.invoke(organiser, 'workshop.attendees', { eventId: WORKSHOP, page: 2 });
    // Three people fit on one page: a page past the end shows the last (the only) one.
    assert.match(cardText(card), /1\. Test User 21/);
    const refused = await teams.invoke(organiser, 'workshop.attendees', { eventId: WORKSHOP, page: 'two' });
    assert.match(cardText(refused), /Please check what you entered/);
  });

  it('when someone who is not an organiser asks for the attendees, capacity, export or organiser help, then they are politely refused and nothing changes', async () => {
    const before = await totalDocs(bot.store);
    for (const command of ['attendees', 'capacity 10', 'export attendees', 'close booking', 'organiser help']) {
      const [card] = await teams.say(ann, command);
      assert.match(cardText(card), /Sorry, that is not open to you[\s\S]*Only NLC organisers can/, command);
    }
    const forged = await teams.invoke(ann, 'workshop.capacity', { eventId: WORKSHOP, capacity: '10' });
    assert.match(cardText(forged), /Only NLC organisers can change the number of places/);
    assert.equal((await ledger()).capacity, 2);
    assert.equal(await totalDocs(bot.store), before);
  });

  it('when an organiser asks for organiser help, then it lists the organiser commands, which everyone\'s help leaves out', async () => {
    const text = cardText((await teams.say(organiser, 'organiser help'))[0]);
    for (const command of ['attendees', 'export attendees', 'capacity', 'close booking', 'reopen booking']) assert.ok(text.includes(`**${command}**`), command);
    const help = cardText((await teams.say(ann, 'help'))[0]);
    assert.ok(help.includes('**my bookings**'));
    assert.ok(!help.includes('**attendees**') && !help.includes('**organiser help**'));
  });

  it('when an organiser enters an impossible number of places, then the same card comes back with the problem beside the field', async () => {
    const card = await teams.invoke(organiser, 'workshop.capacity', { eventId: WORKSHOP, capacity: '0' });
    assert.match(cardText(card), /A workshop needs at least 1 place/);
    assert.equal((await ledger()).capacity, 2);
  });

  it('when an organiser raises capacity, then the first person waiting is booked, and someone in no team or chat with the bot shows as not told, with why', async () => {
    const card = await teams.invoke(organiser, 'workshop.capacity', { eventId: WORKSHOP, capacity: '3' });
    assert.match(cardText(card), /Places set to 3\. 1 person moves up from the waiting list/);
    assert.equal((await entryOf(cat))?.status, 'booked');
    await eventually(async () => assert.equal((await entryOf(cat))?.notice?.status, 'no_personal_chat'));
    assert.match(cardText((await teams.say(organiser, 'attendees'))[0]), /Test User 23[\s\S]*moved up from the waiting list, not told: in no team or chat with the bot/);
    assert.deepEqual((await ledger()).changes.map((c) => `${c.kind} ${c.from}->${c.to}`), ['capacity 40->2', 'capacity 2->3']);
  });

  it('when an organiser closes booking, then Book is refused; when they reopen it, then booking works again', async () => {
    await teams.say(organiser, 'close booking');
    assert.match(cardText(await teams.invoke(dan, 'workshop.book', { eventId: WORKSHOP, ...formOf(dan) })), /organisers have closed booking[\s\S]*Booking closed/);
    assert.equal(await entryOf(dan), undefined);
    const [reopened] = await teams.say(organiser, 'reopen booking');
    assert.match(cardText(reopened), /Booking is open again/);
    assert.match(cardText(await teams.invoke(dan, 'workshop.book', { eventId: WORKSHOP, ...formOf(dan) })), /You're number 1 on the waiting list/);
    assert.deepEqual((await ledger()).changes.slice(-2).map((c) => c.kind), ['closed', 'reopened']);
  });

  it('when an organiser exports, then a link serves the whole list as CSV with formulas neutralised, and stops working after 15 minutes', async () => {
    const card = await teams.invoke(organiser, 'workshop.export', { eventId: WORKSHOP });
    const url = linkIn(card, 'Download');
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="ap-framework-workshop-2024-attendees-2024-04-23\.csv"/);
    const csv = await response.text();
    assert.match(csv, /"booked","","Test User 21","Headteacher","School of Test User 21","'=1\+1 wheelchair"/);
    assert.equal(csv.trim().split('\r\n').length, 5, 'header and four people');
    bot.clock.advance(15 * 60_000 + 1);
    const expired = await fetch(url);
    assert.equal(expired.status, 404);
    assert.match(await expired.text(), /not valid or has expired/);
  });

  it('when a calendar link is opened, then it serves the booking\'s .ics; after the workshop changes, the same UID comes with a higher SEQUENCE', async () => {
    // Add to calendar on a later view makes a fresh link (only its hash is kept).
    const card = await teams.invoke(ann, 'workshop.calendar', { eventId: WORKSHOP });
    const url = linkIn(card, 'Add to calendar');
    const first = await fetch(url);
    assert.equal(first.headers.get('content-type'), 'text/calendar; charset=utf-8');
    const before = await first.text();
    const uid = /UID:(.*)/.exec(before)?.[1];
    assert.equal(uid, `${(await entryOf(ann))?.bookingId}@nlc-teams-bot`);
    assert.match(before, /SEQUENCE:0/);

    const workshop = (await bot.store.events.getEvent(WORKSHOP))!;
    await bot.store.events.saveEvent({ ...workshop, endsAt: '2024-05-07T11:30:00.000Z', sequence: workshop.sequence + 1 });
    const after = await (await fetch(url)).text();
    assert.equal(/UID:(.*)/.exec(after)?.[1], uid);
    assert.match(after, /SEQUENCE:1/);
    assert.match(after, /DTEND:20240507T113000Z/);
  });

  it('when a download link is wrong, then the answer is a plain 404 that gives nothing away', async () => {
    for (const path of [`/downloads/calendar/${WORKSHOP}/${'A'.repeat(43)}`, `/downloads/attendees/${WORKSHOP}/short`, '/downloads/other/x/y', `/downloads/calendar/new-horizons-2024/${'A'.repeat(43)}`]) {
      const response = await fetch(`${bot.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(await response.text(), /at .*\.ts:\d+|Error/);
    }
  });

  it('when the bot stopped between a promotion and its message, then the promotion-notices job tells the person later', async () => {
    // A promotion written without the message that normally follows it (as after a crash).
    const promoted = await bot.store.workshops.updateLedger(WORKSHOP, (current) => {
      const change = changeCapacity(current!, current!.capacity + 1, organiser.aadObjectId ?? '', bot.clock.now().toISOString());
      return { next: change.ledger, result: change.promoted };
    });
    assert.deepEqual(promoted.map((e) => e.userId), [dan.aadObjectId]);
    const job = promotionNoticesJob(
      { ...bot.store, chats: chatsOf(bot), messenger: bot.messenger, clock: bot.clock, links: { calendar: () => undefined, attendees: () => undefined, contributions: () => undefined }, promotionMessage: renderPromotionMessage },
      silentLogger,
    );
    connector.clear();
    await job.run();
    assert.equal(connector.sentTo(personalChat(dan).id).length, 0, 'not within the grace period: the direct send may still be on its way');
    bot.clock.advance(NOTICE_GRACE_MS);
    await job.run();
    const [sent] = connector.sentTo(personalChat(dan).id);
    assert.equal(sent?.activity.text, "A place has opened: you're booked");
    assert.equal((await entryOf(dan))?.notice?.status, 'sent');
    await job.run();
    assert.equal(connector.sentTo(personalChat(dan).id).length, 1, 'told once');
  });
});
