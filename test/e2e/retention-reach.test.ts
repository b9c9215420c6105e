import { strict as assert } from 'node:assert';
import type { Container } from '@azure/cosmos';
import { CONTAINERS, type ContainerName } from '../../bot/data/containers';
import { RETENTION_RULES } from '../../bot/data/retention-rules';
import { createTestInstallationUpdate, personalChat, type TestUser } from '../helpers/activities';
import { botPerTest, type TestBot } from '../helpers/bot';
import { broadcastJob, click, command, installPersonalChats, ORGANISER, organiserEnv, recipient, sendBroadcast } from '../helpers/broadcasts';
import type { StandInConnector } from '../helpers/connector';
import { reminderJob } from '../helpers/reminders';
import { botRemovedFromTeam, installInTeam, rosterJob, TEAM } from '../helpers/rosters';
import { countDocs } from '../helpers/store';
import { formOf, WORKSHOP, workshopDriver } from '../helpers/workshops';

const GROUP = 'tg1-workforce';
const YEAR_AND_A_DAY = 366 * 86_400_000;

/**
 * The retention job finds each kind of personal record by itself: in Azure, Cosmos TTL
 * may already have removed the document it used to be found through (an event, whose
 * ledger and export links stayed behind), and some records have no such document at
 * all (the chat of someone who removed the bot, their task-group memberships).
 */
describe('retention reaches every personal record by itself', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const job = () => bot.jobs.find((j) => j.name === 'retention')!;
  const container = (name: ContainerName): Container => bot.store.cosmos.containers[name];
  const inWorkshop = (type: string) => countDocs(container('events'), 'c.eventId = @e AND c.type = @t', [{ name: '@e', value: WORKSHOP }, { name: '@t', value: type }]);

  botPerTest(() => ({ env: organiserEnv() }), (b, c) => {
    [bot, connector] = [b, c];
  });

  it('when the event document is already gone (as Cosmos TTL does), then the job still removes its booking ledger and export links a year after the workshop', async () => {
    const person = recipient(1);
    await workshopDriver(bot, connector).invoke(person, 'workshop.book', { eventId: WORKSHOP, ...formOf(person) });
    await click(bot, connector, 'workshop.export', { eventId: WORKSHOP });
    assert.equal(await inWorkshop('ledger'), 1);
    assert.equal(await inWorkshop('export'), 1);
    await container('events').item(WORKSHOP, WORKSHOP).delete();

    bot.clock.set('2025-05-01T08:00:00Z');
    await job().run();
    assert.equal(await inWorkshop('ledger'), 1, 'not yet a year after the workshop (7 May 2024)');
    bot.clock.set('2025-05-09T08:00:00Z');
    await job().run();
    assert.equal(await inWorkshop('ledger'), 0, 'the ledger, with names, schools and needs');
    assert.equal(await inWorkshop('export'), 0);
  });

  it('when a person removed the bot more than RETENTION_DAYS ago, then their chat record, task-group memberships, lead role and organiser role go, and people still here keep theirs', async () => {
    const [gone, staying] = [recipient(2), recipient(3)];
    await installPersonalChats(bot, connector, 2, 2);
    for (const user of [gone, staying]) await click(bot, connector, 'group.join', { groupId: GROUP }, { user });
    await bot.store.taskGroups.updateGroup(GROUP, (g) => g && { ...g, leadIds: [gone.aadObjectId!, staying.aadObjectId!], leadNames: [gone.name!, staying.name!] });
    for (const user of [gone, staying]) await click(bot, connector, 'organiser.add', { userId: user.aadObjectId });
    await bot.post(createTestInstallationUpdate(connector.serviceUrl, personalChat(gone), gone, 'remove'));
    const removedAt = bot.clock.now().getTime();

    // Read from the container itself: the store's reads of a group are shared for a moment.
    const group = async () => (await container('taskGroups').item(GROUP, GROUP).read<{ leadIds: string[]; leadNames: string[] }>()).resource;
    const held = async (user: TestUser) => ({
      chat: await countDocs(container('conversations'), "c.type = 'conversation' AND c.userAadObjectId = @u", [{ name: '@u', value: user.aadObjectId! }]),
      // "Removed the bot": kept so no chat is opened with them through a team, and reached by retention too.
      mark: await countDocs(container('conversations'), "c.type = 'reach' AND c.userAadObjectId = @u", [{ name: '@u', value: user.aadObjectId! }]),
      member: await countDocs(container('taskGroups'), "c.type = 'member' AND c.userId = @u", [{ name: '@u', value: user.aadObjectId! }]),
      lead: (await group())?.leadIds.includes(user.aadObjectId!) ? 1 : 0,
      organiser: await countDocs(container('roles'), "c.type = 'organiser' AND c.userId = @u", [{ name: '@u', value: user.aadObjectId! }]),
    });
    bot.clock.set(new Date(removedAt + YEAR_AND_A_DAY - 2 * 86_400_000));
    await job().run();
    assert.deepEqual(await held(gone), { chat: 1, mark: 1, member: 1, lead: 1, organiser: 1 }, 'not yet RETENTION_DAYS');
    bot.clock.set(new Date(removedAt + YEAR_AND_A_DAY));
    await job().run();
    assert.deepEqual(await held(gone), { chat: 0, mark: 0, member: 0, lead: 0, organiser: 0 });
    assert.deepEqual(await held(staying), { chat: 1, mark: 0, member: 1, lead: 1, organiser: 1 });
    assert.deepEqual((await group())?.leadNames, [staying.name]);
  });

  it('when the bot was removed from a team RETENTION_DAYS ago and its members\' records were left (the rosters job never ran), then the retention job removes them with the roster', async () => {
    await installInTeam(bot, connector, [recipient(7), recipient(8)]);
    await rosterJob(bot).run();
    await botRemovedFromTeam(bot, connector, recipient(7));
    const left = () => countDocs(container('rosters'), 'c.rosterId = @r', [{ name: '@r', value: TEAM.id }]);
    assert.equal(await left(), 3, 'two members and the roster');
    const removedAt = bot.clock.now().getTime();
    bot.clock.set(new Date(removedAt + YEAR_AND_A_DAY - 2 * 86_400_000));
    await job().run();
    assert.equal(await left(), 3, 'not yet RETENTION_DAYS');
    bot.clock.set(new Date(removedAt + YEAR_AND_A_DAY));
    await job().run();
    assert.equal(await left(), 0);
  });

  it('when the store holds every kind of document the bot writes, then each has a retention rule, marked personal when it holds a person\'s id or name', async () => {
    const person = recipient(4);
    await installPersonalChats(bot, connector, 4, 1);
    await click(bot, connector, 'event.rsvp', { eventId: 'practice-week-2024-conference', response: 'going' }, { user: person });
    await workshopDriver(bot, connector).invoke(person, 'workshop.book', { eventId: WORKSHOP, ...formOf(person) });
    await click(bot, connector, 'workshop.bookColleague', { eventId: WORKSHOP, name: 'Sam Jones', email: 'sam@acle.norfolk.sch.uk', role: 'senco', school: 'Acle', needs: '' }, { user: person });
    await click(bot, connector, 'workshop.remindToBook', { eventId: WORKSHOP, remind: true });
    await click(bot, connector, 'workshop.export', { eventId: WORKSHOP });
    await click(bot, connector, 'group.join', { groupId: GROUP }, { user: person });
    await click(bot, connector, 'contributions.export', { groupId: GROUP });
    await click(bot, connector, 'deadline.remind', { deadlineId: 'dfe-safeguarding-call-for-evidence-2024', remind: true }, { user: person });
    await click(bot, connector, 'organiser.add', { userId: person.aadObjectId });
    await click(bot, connector, 'lead.add', { groupId: GROUP, userId: person.aadObjectId });
    await sendBroadcast(bot, connector, { content: 'announcement', title: 'Summer term', text: 'Dates for the diary.', audience: 'personal' });
    await broadcastJob(bot).run();
    bot.clock.set('2024-06-13T08:00:00Z');
    await reminderJob(bot).run();
    await command(bot, connector, 'help');
    await installInTeam(bot, connector, [person, recipient(5)]);
    await rosterJob(bot).run();
    await bot.post(createTestInstallationUpdate(connector.serviceUrl, personalChat(recipient(6)), recipient(6), 'remove'));

    const problems: string[] = [];
    const people = [person, ORGANISER, recipient(6)].flatMap((u) => [u.aadObjectId!, u.name!]);
    for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
      const { resources } = await container(name).items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
      for (const doc of resources) {
        const type = typeof doc.type === 'string' ? doc.type : '*';
        const rule = RETENTION_RULES.find((r) => r.container === name && r.type === type);
        const text = JSON.stringify(doc);
        if (!rule) problems.push(`${name}/${type}: no rule`);
        else if (!rule.personal && people.some((p) => text.includes(p))) problems.push(`${name}/${type}: holds a person's id or name but is not marked personal`);
      }
    }
    assert.deepEqual([...new Set(problems)], []);
    const types = new Set<string>();
    for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
      const { resources } = await container(name).items.query<{ type?: string }>('SELECT c.type FROM c').fetchAll();
      for (const { type } of resources) types.add(`${name}/${type ?? '*'}`);
    }
    for (const expected of ['events/ledger', 'events/export', 'events/bookingReminder', 'taskGroups/member', 'taskGroups/export', 'conversations/conversation', 'deadlines/follow', 'broadcasts/delivery', 'reminders/*', 'rosters/roster', 'rosters/member', 'conversations/reach', 'roles/organiser']) {
      assert.ok(types.has(expected), `the set-up wrote no ${expected}: ${[...types].join(', ')}`);
    }
  });
});
