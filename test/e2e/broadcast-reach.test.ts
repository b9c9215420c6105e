import { strict as assert } from 'node:assert';
import { createTestInstallationUpdate, personalChat } from '../helpers/activities';
import { botPerTest, type TestBot } from '../helpers/bot';
import { broadcastJob, click, installPersonalChats, organiserEnv, RecordingLimiter, sendBroadcast } from '../helpers/broadcasts';
import { cardText, createdChatId, type StandInConnector } from '../helpers/connector';
import { installInTeam, peopleFrom, rosterJob, TEAM } from '../helpers/rosters';
import { countDocs } from '../helpers/store';

/**
 * A broadcast to "everyone in a team": each member reached in a personal chat, the ones
 * they have or ones the bot opens, paced like sends; the preview and the report keep
 * "chat already", "chat opened" and "cannot reach (why)" apart.
 */
describe('broadcasting to everyone in a team', () => {
  let connector: StandInConnector;
  let bot: TestBot;

  botPerTest(() => ({ env: organiserEnv(), demoData: false }), (b, c) => {
    [bot, connector] = [b, c];
  });

  const toTeam = () => sendBroadcast(bot, connector, { content: 'announcement', title: 'Heads briefing moved', text: 'Now on Thursday at 16:00.', audience: 'team', team: TEAM.id });

  it('when some members have a chat, some do not, one blocked the bot and one removed it, then the preview and the report count each way apart and everyone reachable gets one copy', async () => {
    const team = peopleFrom(1, 6);
    const [withChatA, withChatB, openA, openB, blocks, removed] = team;
    await installPersonalChats(bot, connector, 1, 2);
    await bot.post(createTestInstallationUpdate(connector.serviceUrl, personalChat(removed!), removed!, 'add'));
    await bot.post(createTestInstallationUpdate(connector.serviceUrl, personalChat(removed!), removed!, 'remove'));
    await installInTeam(bot, connector, team);
    await rosterJob(bot).run();
    connector.behave({ blockedUsers: new Set([blocks!.id]) });

    const { broadcastId, preview } = await toTeam();
    const previewText = cardText(preview);
    assert.match(previewText, /To\neveryone in NLC Secondary Heads/);
    assert.match(previewText, /In a chat they already have\n2\nIn a chat the bot will open\n3\nCannot be reached\n1/);
    assert.match(previewText, /1 person in this audience cannot be reached: 1 removed the bot/);

    await broadcastJob(bot).run();
    for (const person of [withChatA, withChatB]) assert.equal(connector.sentTo(personalChat(person!).id).length, 1);
    for (const person of [openA, openB]) assert.equal(connector.sentTo(createdChatId(person!.id)).length, 1);
    assert.equal(connector.sentTo(createdChatId(blocks!.id)).length, 0);
    const asked = connector.calls.filter((c) => c.path === '/v3/conversations').map((c) => (c.body as { members: { id: string }[] }).members[0]!.id);
    assert.deepEqual(asked.sort(), [openA!.id, openB!.id, blocks!.id].sort(), 'chats were opened only for those without one');

    const report = cardText(await click(bot, connector, 'broadcast.status', { broadcastId }));
    assert.match(report, /Delivered\n4\nIn a chat they already had\n2\nIn a chat the bot opened\n2\nCould not be reached\n2/);
    assert.match(report, /1 not reached: blocked the bot or do not have the app \(Teams answered 403\)/);
    assert.match(report, /1 not reached: removed the bot/);
    const [mark] = await bot.store.conversations.unreachableMarks([blocks!.aadObjectId!]);
    assert.equal(mark?.reason, 'blocked', 'the 403 is kept: the next broadcast does not ask Teams again');
  });

  it('when Teams allows 20 requests a second, then opening chats counts with the sends: no window carries more than 20 and nobody gets two copies', async function () {
    this.timeout(30_000);
    const team = peopleFrom(100, 30);
    await installInTeam(bot, connector, team);
    await rosterJob(bot).run();
    connector.clear();
    connector.behave({ limits: { perSecond: 20 } });
    await toTeam();
    const limiter = new RecordingLimiter(20);
    await broadcastJob(bot, { limiter, maxRps: 20 }).run();
    const stats = connector.stats();
    assert.equal(stats.overLimit, 0, 'no request went over a limit');
    assert.ok(stats.maxInWindow(1000) <= 20, `busiest second at the connector: ${stats.maxInWindow(1000)}`);
    assert.deepEqual(team.map((p) => stats.chatsOpened.get(p.id)), team.map(() => 1), 'one chat opened each');
    assert.deepEqual(team.map((p) => stats.postsByConversation.get(createdChatId(p.id))), team.map(() => 1), 'one copy each');
    assert.ok(limiter.granted.length >= 60, `${limiter.granted.length} requests through the limiter: every open and every send`);
  });

  it('when the audience is read again after a crash and a chat was opened in between, then the person still has one delivery record', async () => {
    const team = peopleFrom(200, 3);
    await installInTeam(bot, connector, team);
    await rosterJob(bot).run();
    const { broadcastId } = await toTeam();
    const audience = bot.catalogue.audiences.get('team')!;
    const deps = { ...bot.store, clock: bot.clock };
    const before = await audience.resolve({ kind: 'team', teamId: TEAM.id }, deps);
    assert.equal(before.recipients.filter((r) => r.opensChat).length, 3);
    await bot.store.broadcasts.addDeliveries(broadcastId, before.recipients, bot.clock.now());
    await bot.post(createTestInstallationUpdate(connector.serviceUrl, personalChat(team[0]!), team[0]!, 'add'));
    const after = await audience.resolve({ kind: 'team', teamId: TEAM.id }, deps);
    assert.equal(after.recipients.filter((r) => r.opensChat).length, 2);
    assert.equal(await bot.store.broadcasts.addDeliveries(broadcastId, after.recipients, bot.clock.now()), 0);
    assert.equal(await countDocs(bot.store.cosmos.containers.broadcasts, "c.type = 'delivery' AND c.broadcastId = @b", [{ name: '@b', value: broadcastId }]), 3);
  });
});
