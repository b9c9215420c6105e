import { strict as assert } from 'node:assert';
import { actorFrom } from '../../bot/domain/actor';
import { bookWorkshop, cancelBooking, type WorkshopsDeps } from '../../bot/domain/workshops/service';
import { botPerTest, type TestBot } from '../helpers/bot';
import { cardText, type StandInConnector } from '../helpers/connector';
import { recipient } from '../helpers/broadcasts';
import { formOf, WORKSHOP, workshopDriver } from '../helpers/workshops';

/**
 * One person booking and cancelling the same workshop over and over (a stuck button, a
 * script): the workshop's ledger is one document everyone's booking shares, so it must
 * not grow with one person's clicks, and their clicks must not crowd out everyone else.
 */
describe('one person booking and cancelling a workshop over and over', function () {
  this.timeout(180_000);
  let connector: StandInConnector;
  let bot: TestBot;

  botPerTest(() => ({}), (b, c) => {
    [bot, connector] = [b, c];
  });

  const ledgerBytes = async (): Promise<number> => {
    const { resource } = await bot.store.cosmos.containers.events.item('ledger', WORKSHOP).read<Record<string, unknown>>();
    return Buffer.byteLength(JSON.stringify(resource ?? {}));
  };

  it('when one person books and cancels 3,000 times, then the ledger stays under 100 KB and another person can still book', async () => {
    const deps: WorkshopsDeps = {
      events: bot.store.events,
      workshops: bot.store.workshops,
      clock: bot.clock,
      links: { calendar: () => undefined, attendees: () => undefined, contributions: () => undefined },
    };
    const person = recipient(1);
    const actor = actorFrom({ id: person.id, aadObjectId: person.aadObjectId, name: person.name });
    for (let cycle = 1; cycle <= 3000; cycle++) {
      // Slowly enough for any limit on one person's rate of changes: this is about size.
      bot.clock.advance(30_000);
      const { view } = await bookWorkshop(deps, actor, WORKSHOP, formOf(person));
      await cancelBooking(deps, actor, WORKSHOP, view.mine!.entry.bookingId);
      if (cycle % 100 === 0) {
        const bytes = await ledgerBytes();
        assert.ok(bytes < 100_000, `after ${cycle} cycles the ledger is ${bytes} bytes`);
      }
    }
    const other = recipient(2);
    const card = await workshopDriver(bot, connector).invoke(other, 'workshop.book', { eventId: WORKSHOP, ...formOf(other) });
    assert.match(cardText(card), /Booked: your place is confirmed/);
    const ledger = await bot.store.workshops.getLedger(WORKSHOP);
    assert.equal(ledger?.entries.filter((e) => e.userId === person.aadObjectId).length, 1, 'one entry for the person, reused');
  });

  it('when one person changes their booking many times in a minute, then they are told to wait a minute, nothing more is written, and a minute later they can book', async () => {
    const driver = workshopDriver(bot, connector);
    const person = recipient(3);
    let refused: Record<string, unknown> | undefined;
    let changes = 0;
    for (let i = 0; i < 20 && !refused; i++) {
      const booked = await driver.invoke(person, 'workshop.book', { eventId: WORKSHOP, ...formOf(person) });
      if (/many times/.test(cardText(booked))) {
        refused = booked;
        break;
      }
      changes++;
      const bookingId = (await bot.store.workshops.getLedger(WORKSHOP))!.entries.find((e) => e.userId === person.aadObjectId && e.status === 'booked')!.bookingId;
      const cancelled = await driver.invoke(person, 'workshop.cancel', { eventId: WORKSHOP, bookingId });
      if (/many times/.test(cardText(cancelled))) refused = cancelled;
      else changes++;
    }
    assert.ok(refused, 'twenty book/cancel cycles in the same minute were all taken');
    assert.match(cardText(refused), /You have changed this booking many times; try again in a minute/);
    assert.ok(changes >= 4, `only ${changes} changes were allowed before the limit`);
    const before = await ledgerBytes();
    await driver.invoke(person, 'workshop.book', { eventId: WORKSHOP, ...formOf(person) });
    assert.equal(await ledgerBytes(), before, 'a refused change writes nothing');

    bot.clock.advance(61_000);
    const again = await driver.invoke(person, 'workshop.book', { eventId: WORKSHOP, ...formOf(person) });
    assert.match(cardText(again), /Booked: your place is confirmed|You already have a place/);
  });
});
