import { strict as assert } from 'node:assert';
import { ttlUntil } from '../../bot/data/cosmos/ttl';
import { startTestBot, type TestBot } from '../helpers/bot';
import { broadcastJob, click, installPersonalChats, organiserEnv, recipient, sendBroadcast } from '../helpers/broadcasts';
import { startConnector, type StandInConnector } from '../helpers/connector';
import { countDocs } from '../helpers/store';
import { formOf, WORKSHOP, workshopDriver } from '../helpers/workshops';

const EARLY = 'practice-week-2024-bitesize-mon'; // ends 20 May 2024
const LATE = 'new-horizons-2024'; // ends 16 July 2024

/**
 * Records are kept RETENTION_DAYS after their event ended (default 365), then a job
 * removes them in code: the embedded server has no TTL (Azure's TTL is set too, see
 * infra/ and ttlUntil).
 */
describe('retention of old records', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const person = recipient(1);
  const job = () => {
    const found = bot.jobs.find((j) => j.name === 'retention');
    if (!found) throw new Error('no retention job registered');
    return found;
  };
  const inEvent = (eventId: string) => countDocs(bot.store.cosmos.containers.events, 'c.eventId = @id', [{ name: '@id', value: eventId }]);

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: organiserEnv() });
    await installPersonalChats(bot, connector, 1, 1);
    for (const eventId of [EARLY, LATE]) await click(bot, connector, 'event.rsvp', { eventId, response: 'going' }, { user: person });
    await workshopDriver(bot, connector).invoke(person, 'workshop.book', { eventId: WORKSHOP, ...formOf(person) });
    await sendBroadcast(bot, connector, { content: 'announcement', title: 'Summer term', text: 'Dates for the diary.', audience: 'personal' });
    await broadcastJob(bot).run();
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  it('when the job runs before anything is a year past, then nothing is removed', async () => {
    bot.clock.set('2025-05-01T08:00:00Z');
    const before = [await inEvent(EARLY), await inEvent(WORKSHOP), await inEvent(LATE)];
    await job().run();
    assert.deepEqual([await inEvent(EARLY), await inEvent(WORKSHOP), await inEvent(LATE)], before);
    assert.ok(before.every((n) => n >= 2), 'each event holds its document and an answer or the booking ledger');
  });

  it('when an event ended more than 365 days ago, then it goes with its answers and bookings, and later events stay', async () => {
    bot.clock.set('2025-06-01T08:00:00Z');
    const late = await inEvent(LATE);
    await job().run();
    assert.equal(await inEvent(EARLY), 0);
    assert.equal(await inEvent(WORKSHOP), 0, 'the workshop, its ledger with names and needs, and its links');
    assert.equal(await inEvent(LATE), late);
    assert.equal(await countDocs(bot.store.cosmos.containers.broadcasts), 0, 'the broadcast of April 2024 and its delivery records');
  });

  it('when calls for contributions closed more than 365 days ago, then they go with the contributions made to them', async () => {
    bot.clock.set('2026-06-01T08:00:00Z');
    await job().run();
    assert.equal(await countDocs(bot.store.cosmos.containers.taskGroups, "c.type = 'call' OR c.type = 'contribution'"), 0);
    assert.equal(await countDocs(bot.store.cosmos.containers.events), 0);
    assert.ok((await countDocs(bot.store.cosmos.containers.taskGroups, "c.type = 'group'")) > 0, 'the task groups themselves stay');
  });

  it('when an answer is stored for Azure, then its Cosmos TTL ends RETENTION_DAYS after the event, counted from now', () => {
    const now = Date.parse('2024-05-01T00:00:00Z');
    assert.equal(ttlUntil('2024-05-02T00:00:00Z', 365, now), 366 * 86_400);
    assert.equal(ttlUntil('2020-01-01T00:00:00Z', 365, now), 1, 'already due: the smallest TTL Cosmos accepts');
  });
});
