import { strict as assert } from 'node:assert';
import { botPerTest, type TestBot } from '../helpers/bot';
import { click, installPersonalChats, organiserEnv, recipient } from '../helpers/broadcasts';
import { cardsIn, cardText, type StandInConnector } from '../helpers/connector';
import { remindersTo, runReminders } from '../helpers/reminders';
import { countDocs, totalDocs } from '../helpers/store';
import { actionsOf, formOf, WORKSHOP } from '../helpers/workshops';

/** The AP framework workshop's booking closes Mon 29 April 2024; the reminder to book goes at 09:00 London on Sat 27 April. */
const REMINDER_DUE = '2024-04-27T08:00:30Z';

/**
 * "Remind me to book" on a workshop card while booking is open, end to end over HTTP: the
 * reminder scheduler sends it two days before the booking deadline, and booking (or
 * "Stop reminding me") in the meantime cancels it.
 */
describe('"Remind me to book" on a workshop', () => {
  let connector: StandInConnector;
  let bot: TestBot;

  botPerTest(() => ({ env: organiserEnv() }), (b, c) => {
    [bot, connector] = [b, c];
  });

  const requests = () => countDocs(bot.store.cosmos.containers.events, "c.type = 'bookingReminder' AND c.eventId = @e", [{ name: '@e', value: WORKSHOP }]);
  const remind = (n: number, on = true) => click(bot, connector, 'workshop.remindToBook', { eventId: WORKSHOP, remind: on }, { user: recipient(n) });

  it('when a person presses Remind me to book, then the card says when, and at 09:00 two days before booking closes the reminder reaches them once', async () => {
    await installPersonalChats(bot, connector, 0, 2);
    const view = await click(bot, connector, 'workshop.view', { eventId: WORKSHOP }, { user: recipient(0) });
    assert.ok(actionsOf(view).some((a) => a.title === 'Remind me to book'));
    const card = await remind(0);
    assert.match(cardText(card), /Reminder set[\s\S]*We'll remind you to book on Sat 27 April 2024, two days before booking closes/);
    assert.deepEqual(actionsOf(card).find((a) => a.verb === 'workshop.remindToBook')?.data, { eventId: WORKSHOP, remind: false });
    await remind(0);
    assert.equal(await requests(), 1, 'asking twice keeps one');

    bot.clock.set('2024-04-27T07:59:00Z');
    await runReminders(bot);
    assert.equal(remindersTo(connector, recipient(0)).length, 0, 'not before it is due');
    bot.clock.set(REMINDER_DUE);
    await runReminders(bot);
    await runReminders(bot);
    const sent = remindersTo(connector, recipient(0));
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.activity.text, 'Reminder: booking for **AP framework workshop** closes in 2 days, on Mon 29 April 2024. Book now if you would like to come.');
    assert.ok(actionsOf(cardsIn(sent[0]!)[0]).some((a) => a.title === 'Book a place'));
    assert.equal(remindersTo(connector, recipient(1)).length, 0, 'only to those who asked');
  });

  it('when the person books before the reminder is due, then their request goes and no reminder is sent', async () => {
    await installPersonalChats(bot, connector, 2, 1);
    await remind(2);
    const booked = await click(bot, connector, 'workshop.book', { eventId: WORKSHOP, ...formOf(recipient(2)) }, { user: recipient(2) });
    assert.doesNotMatch(cardText(booked), /remind you to book/);
    assert.ok(!actionsOf(booked).some((a) => a.verb === 'workshop.remindToBook'), 'nothing to remind someone with a place of');
    assert.equal(await requests(), 0);
    bot.clock.set(REMINDER_DUE);
    await runReminders(bot);
    assert.equal(remindersTo(connector, recipient(2)).length, 0);
  });

  it('when the person presses Stop reminding me, then no reminder is sent', async () => {
    await installPersonalChats(bot, connector, 3, 1);
    await remind(3);
    const stopped = await remind(3, false);
    assert.match(cardText(stopped), /No reminder to book will come/);
    assert.equal(actionsOf(stopped).find((a) => a.verb === 'workshop.remindToBook')?.title, 'Remind me to book');
    assert.equal(await requests(), 0);
    bot.clock.set(REMINDER_DUE);
    await runReminders(bot);
    assert.equal(remindersTo(connector, recipient(3)).length, 0);
  });

  it('when booking closes in less than two days, then the button is not offered and a forged press is answered clearly and writes nothing', async () => {
    bot.clock.set('2024-04-28T09:00:00Z');
    const view = await click(bot, connector, 'workshop.view', { eventId: WORKSHOP }, { user: recipient(4) });
    assert.ok(!actionsOf(view).some((a) => a.verb === 'workshop.remindToBook'));
    const before = await totalDocs(bot.store);
    assert.match(cardText(await remind(4)), /too soon for a reminder: book now if you can come/);
    assert.equal(await totalDocs(bot.store), before);
  });
});
