import { strict as assert } from 'node:assert';
import { createTestInvoke, personalChat } from '../helpers/activities';
import { inputValues } from '../helpers/authoring';
import { invokeCard, startTestBot, type TestBot } from '../helpers/bot';
import { broadcastJob, click, command, installPersonalChats, organiserEnv, postsPer, recipient, sharedCosmos } from '../helpers/broadcasts';
import { cardsIn, cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { collectingLogger } from '../helpers/logs';
import { PRACTICE_WEEK_CSV, reminderJob, remindersTo, rsvp, runReminders, sendFile, startFileHost } from '../helpers/reminders';
import { countDocs } from '../helpers/store';
import { DomainError } from '../../bot/domain/errors';
import { broadcastJobFrom } from '../../bot/jobs/broadcasts/wiring';
import { silentLogger } from '../../bot/log';

/** A session of the Practice Week file: Tue 21 May 2024, 16:00 to 16:45 London. Reminders: 09:00 on 14 May and on 20 May. */
const OUTDOOR = 'bitesize-outdoor-learning-in-every-season-2024-05-21';
const SAFEGUARDING = 'dfe-safeguarding-call-for-evidence-2024';

describe('reminders, end to end', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  let logs: string[];

  beforeEach(async () => {
    connector = await startConnector();
    const collecting = collectingLogger('info');
    logs = collecting.lines;
    bot = await startTestBot({ env: organiserEnv(), log: collecting.log });
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
  });

  async function importPracticeWeek(): Promise<void> {
    const host = await startFileHost({ 'practice-week-2024.csv': PRACTICE_WEEK_CSV });
    try {
      const preview = await sendFile(bot, connector, 'practice-week-2024.csv', host.url('practice-week-2024.csv'));
      assert.match(cardText(preview), /Import preview: 5 sessions[\s\S]*5 new · 0 to update · 0 already there · 0 with problems/);
      const done = await click(bot, connector, 'import.apply', { programme: inputValues(preview).programme });
      assert.match(cardText(done), /Programme imported[\s\S]*5 sessions created/);
    } finally {
      await host.close();
    }
  }

  it('when an organiser imports the Practice Week file, someone says Going and the clock reaches 09:00 seven days before, then the reminder arrives in their personal chat once, with their own answer', async () => {
    await importPracticeWeek();
    const [going, silent] = [recipient(0), recipient(1)];
    await installPersonalChats(bot, connector, 0, 2);
    await rsvp(bot, connector, going, OUTDOOR);
    connector.clear();

    bot.clock.set('2024-05-14T07:59:00Z');
    await runReminders(bot);
    assert.equal(connector.sent().length, 0, 'nothing before it is due');

    bot.clock.set('2024-05-14T08:00:00Z');
    await runReminders(bot);
    const reminders = remindersTo(connector, going);
    assert.equal(reminders.length, 1);
    assert.match(reminders[0]!.activity.text!, /Reminder: \*\*Bitesize: outdoor learning in every season\*\* is in 7 days, Tue 21 May 2024 at 16:00/);
    assert.match(cardText(cardsIn(reminders[0]!)[0]), /You're going/);
    assert.equal(connector.sentTo(personalChat(silent).id).length, 0, 'people who did not answer get nothing');

    bot.clock.set('2024-05-14T08:05:00Z');
    await runReminders(bot);
    assert.equal(remindersTo(connector, going).length, 1, 'sent once');

    bot.clock.set('2024-05-20T08:00:00Z');
    await runReminders(bot);
    assert.equal(remindersTo(connector, going).length, 2);
    assert.match(remindersTo(connector, going)[1]!.activity.text!, /is tomorrow, Tue 21 May 2024 at 16:00/);
  });

  it('when the same file is imported again, then nothing new is created', async () => {
    await importPracticeWeek();
    const events = () => countDocs(bot.store.cosmos.containers.events, "c.type = 'event'");
    const before = await events();
    const preview = await click(bot, connector, 'import.preview', { programme: PRACTICE_WEEK_CSV });
    assert.match(cardText(preview), /0 new · 0 to update · 5 already there/);
    assert.doesNotMatch(JSON.stringify(preview), /"verb":"import.apply"/, 'nothing to import, so no Import button');
    const again = await click(bot, connector, 'import.apply', { programme: PRACTICE_WEEK_CSV });
    assert.match(cardText(again), /Nothing new to import[\s\S]*0 sessions created/);
    assert.equal(await events(), before);
  });

  it('when two schedulers share one store and run at once, then each reminder is delivered exactly once', async () => {
    const people = 24;
    const chats = await installPersonalChats(bot, connector, 0, people);
    const events = ['practice-week-2024-bitesize-mon', 'practice-week-2024-bitesize-tue', 'practice-week-2024-conference'];
    for (let n = 0; n < people; n++) await rsvp(bot, connector, recipient(n), events[n % events.length]!, n % 2 ? 'maybe' : 'going');
    const other = await startTestBot({ env: organiserEnv(), cosmos: sharedCosmos(bot), demoData: false });
    try {
      // The 7-day reminders of all three (20, 21 and 22 May) fall due by 09:00 on 15 May.
      for (const at of ['2024-05-13T08:00:00Z', '2024-05-14T08:00:00Z', '2024-05-15T08:00:00Z']) {
        bot.clock.set(at);
        other.clock.set(at);
        await Promise.all([reminderJob(bot).run(), reminderJob(other).run()]);
        // Separate leases, so both really send at once; the claim on each copy keeps them apart.
        await Promise.all([broadcastJob(bot, { owner: 'a', leaseName: 'lane-a' }).run(), broadcastJob(other, { owner: 'b', leaseName: 'lane-b' }).run()]);
      }
      assert.deepEqual(postsPer(connector, chats), chats.map(() => 1));
      const ofThese = await Promise.all(events.map((id) => countDocs(bot.store.cosmos.containers.broadcasts, "c.type = 'broadcast' AND c.content.eventId = @e", [{ name: '@e', value: id }])));
      assert.deepEqual(ofThese, [1, 1, 1], 'one broadcast per due reminder, though both schedulers queued it');
    } finally {
      await other.close();
    }
  });

  it('when another process starts after a reminder fell due (nothing kept in memory), then that process sends it', async () => {
    await installPersonalChats(bot, connector, 0, 1);
    await rsvp(bot, connector, recipient(0), 'practice-week-2024-conference');
    connector.clear();
    const restarted = await startTestBot({ env: organiserEnv(), cosmos: sharedCosmos(bot), demoData: false });
    try {
      restarted.clock.set('2024-05-15T10:30:00Z');
      await runReminders(restarted);
      assert.equal(remindersTo(connector, recipient(0)).length, 1);
    } finally {
      await restarted.close();
    }
  });

  it('when the store times out on a rescan while reminders are being sent, then the run goes on and each is delivered once', async () => {
    const chats = await installPersonalChats(bot, connector, 0, 21);
    await rsvp(bot, connector, recipient(0), 'practice-week-2024-bitesize-mon');
    for (let n = 1; n < 21; n++) await rsvp(bot, connector, recipient(n), 'practice-week-2024-bitesize-tue');
    connector.clear();
    bot.clock.set('2024-05-14T08:00:00Z');
    await reminderJob(bot).run();
    let rescans = 0;
    const broadcasts = {
      ...bot.store.broadcasts,
      // The third look for work (the job's, the run's first, then this one: the small reminder done, the large one still sending) times out.
      listActive: () => (++rescans === 3 ? Promise.reject(new DomainError('unavailable', 'The NLC data store is busy right now.')) : bot.store.broadcasts.listActive()),
    };
    const job = broadcastJobFrom({
      store: { ...bot.store, broadcasts },
      messenger: bot.messenger,
      ...bot.people,
      catalogue: bot.catalogue,
      links: bot.links,
      settings: { maxRps: 40, concurrency: 4 },
      clock: bot.clock,
      log: silentLogger,
      timing: { graceMs: 0, statusEveryMs: 60_000 },
    });
    await job.run();
    assert.ok(rescans >= 4, 'it looked again after the failure');
    assert.deepEqual(postsPer(connector, chats), chats.map(() => 1));
  });

  it('when the bot was down through both reminders, then on start only the latest goes, and after the event has started the missed one is dropped with a log line', async () => {
    await installPersonalChats(bot, connector, 0, 1);
    await rsvp(bot, connector, recipient(0), 'practice-week-2024-bitesize-tue');
    await rsvp(bot, connector, recipient(0), 'practice-week-2024-bitesize-mon');
    connector.clear();

    // Down from 12 May until 12:00 on Tue 21 May: Monday's session is over, Tuesday's is at 12:30.
    bot.clock.set('2024-05-21T11:00:00Z');
    await runReminders(bot);
    const reminders = remindersTo(connector, recipient(0));
    assert.equal(reminders.length, 1);
    assert.match(reminders[0]!.activity.text!, /learning beyond the classroom\*\* is today at 12:30/);
    assert.ok(logs.some((line) => /reminder dropped: superseded by the 1-day reminder/.test(line) && line.includes('event:practice-week-2024-bitesize-tue')));
    assert.ok(logs.some((line) => /reminder dropped: the event has started/.test(line) && line.includes('event:practice-week-2024-bitesize-mon')));
  });

  it('when a reminder is found due at night (a restart at 23:30), then it waits and goes at 09:00 the next morning', async () => {
    await installPersonalChats(bot, connector, 0, 1);
    await rsvp(bot, connector, recipient(0), 'practice-week-2024-bitesize-tue');
    connector.clear();
    bot.clock.set('2024-05-20T22:30:00Z');
    await runReminders(bot);
    assert.equal(connector.sent().length, 0);
    bot.clock.set('2024-05-21T05:00:00Z');
    await runReminders(bot);
    assert.equal(connector.sent().length, 0, 'not at 06:00 either');
    bot.clock.set('2024-05-21T08:00:00Z');
    await runReminders(bot);
    assert.equal(remindersTo(connector, recipient(0)).length, 1);
  });

  it('when someone presses Remind me on a deadline, then reminders come 7 days, 3 days and 1 day before it closes, and stop once they say they have responded', async () => {
    const [asker, responder] = [recipient(0), recipient(1)];
    await installPersonalChats(bot, connector, 0, 2);
    for (const user of [asker, responder]) {
      const card = invokeCard((await bot.post(createTestInvoke(connector.serviceUrl, personalChat(user), user, 'deadline.remind', { deadlineId: SAFEGUARDING, remind: true }))).body);
      assert.match(cardText(card), /We'll remind you 7 days, 3 days and 1 day before it closes/);
    }
    await bot.post(createTestInvoke(connector.serviceUrl, personalChat(responder), responder, 'deadline.responded', { deadlineId: SAFEGUARDING, responded: true }));
    connector.clear();

    for (const day of ['2024-06-13', '2024-06-14', '2024-06-17', '2024-06-19', '2024-06-20']) {
      bot.clock.set(`${day}T08:00:00Z`);
      await runReminders(bot);
    }
    const texts = remindersTo(connector, asker).map((s) => s.activity.text);
    assert.deepEqual(texts, [
      'Reminder: **Safeguarding Children in Schools and Colleges: call for evidence** closes in 7 days: Thu 20 June 2024.',
      'Reminder: **Safeguarding Children in Schools and Colleges: call for evidence** closes in 3 days: Thu 20 June 2024.',
      'Reminder: **Safeguarding Children in Schools and Colleges: call for evidence** closes tomorrow: Thu 20 June 2024.',
    ]);
    assert.equal(remindersTo(connector, responder).length, 0);
  });

  it('when an organiser asks who will be reminded, then the card gives each reminder time and the people on the list', async () => {
    await installPersonalChats(bot, connector, 0, 1);
    await rsvp(bot, connector, recipient(0), 'practice-week-2024-conference');
    const card = await command(bot, connector, 'reminders practice-week-2024-conference');
    assert.match(cardText(card), /7 days before[\s\S]*Wed 15 May 2024, 09:00: to come[\s\S]*1 day before[\s\S]*Tue 21 May 2024, 09:00: to come/);
    assert.match(cardText(card), /On the list now: 1 person/);
    const refused = await command(bot, connector, 'reminders practice-week-2024-conference', recipient(0));
    assert.match(cardText(refused), /Only NLC organisers/);
  });

  it('when someone types "upcoming", then their next seven days show their events and the deadlines they follow', async () => {
    await installPersonalChats(bot, connector, 0, 1);
    const person = recipient(0);
    await rsvp(bot, connector, person, 'practice-week-2024-conference');
    await bot.post(createTestInvoke(connector.serviceUrl, personalChat(person), person, 'deadline.remind', { deadlineId: 'attendance-framework-survey-2024', remind: true }));
    bot.clock.set('2024-05-16T08:00:00Z');
    const card = await command(bot, connector, 'upcoming', person);
    assert.match(cardText(card), /Attendance framework survey[\s\S]*Closes today[\s\S]*Practice Week online conference: Learning[\s\S]*You're going/);
    assert.doesNotMatch(cardText(card), /Safeguarding/);
  });
});
