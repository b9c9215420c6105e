import { strict as assert } from 'node:assert';
import { startTestBot, type TestBot } from '../helpers/bot';
import { broadcastJob, click, organiserEnv, sendBroadcast } from '../helpers/broadcasts';
import { cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { startGraph, type StandInGraph } from '../helpers/graph';
import { installInTeam, peopleFrom, rosterJob } from '../helpers/rosters';

const CATALOG = '6b1d7e3a-2f4c-4d9e-8a1b-3c5d7e9f0a2b';
const GROUP = 'tg1-workforce';

/**
 * GRAPH_INSTALL: people who share no team with the bot are reached by installing the app
 * for them through Microsoft Graph (a stand-in here, like the connector), then sending in
 * the chat Graph gives them, at the address of a conversation the bot knows.
 */
describe('reaching people beyond the bot\'s teams through Graph', () => {
  let connector: StandInConnector;
  let graph: StandInGraph;
  let bot: TestBot;
  const [teamMember, outsider, refusedOne] = peopleFrom(400, 3);

  beforeEach(async () => {
    connector = await startConnector();
    graph = await startGraph(CATALOG);
    bot = await startTestBot({ env: organiserEnv({ GRAPH_INSTALL: 'true', TEAMS_APP_CATALOG_ID: CATALOG, GRAPH_ENDPOINT: graph.url }) });
    await installInTeam(bot, connector, [teamMember!]);
    await rosterJob(bot).run();
    for (const user of [teamMember!, outsider!, refusedOne!]) await click(bot, connector, 'group.join', { groupId: GROUP }, { user });
    graph.refused.add(refusedOne!.aadObjectId!);
    connector.clear();
  });
  afterEach(async () => {
    await bot.close();
    await graph.close();
    await connector.close();
  });

  it('when an announcement goes to a task group, then a member in no team with the bot gets the app installed and the message in the chat Graph gives, and a refused install is reported with why', async () => {
    const { broadcastId, preview } = await sendBroadcast(bot, connector, { content: 'announcement', title: 'Workforce survey', text: 'Closes Friday.', audience: 'task-group', taskGroup: GROUP });
    assert.match(cardText(preview), /In a chat the bot will open\n3/, 'one through the team, two through Graph');
    await broadcastJob(bot).run();

    assert.equal(connector.sentTo(graph.chatOf(outsider!.aadObjectId!)).length, 1, 'in the chat Graph gave');
    assert.deepEqual(graph.calls.filter((c) => c.method === 'POST').map((c) => decodeURIComponent(c.path).split('/')[3]).sort(), [outsider!.aadObjectId, refusedOne!.aadObjectId].sort());
    assert.ok(!graph.calls.some((c) => c.path.includes(teamMember!.aadObjectId!)), 'the team member needed no install');
    assert.equal(connector.calls.filter((c) => c.path === '/v3/conversations').length, 1, 'the team member\'s chat was opened through the connector');

    const report = cardText(await click(bot, connector, 'broadcast.status', { broadcastId }));
    assert.match(report, /In a chat the bot opened\n2\nCould not be reached\n1/);
    assert.match(report, /1 not reached: the app could not be installed for them \(Graph answered 403\)/);
    const [mark] = await bot.store.conversations.unreachableMarks([refusedOne!.aadObjectId!]);
    assert.equal(mark?.reason, 'install_failed');
    assert.ok(mark?.until && new Date(mark.until) > bot.clock.now(), 'tried again only after a while (an admin may grant the permission)');
  });
});
