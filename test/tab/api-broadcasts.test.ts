import { strict as assert } from 'node:assert';
import type { BroadcastDto } from '../../bot/tab-api/contract';
import { botPerTest, type TestBot } from '../helpers/bot';
import { broadcastJob, installPersonalChats, postsPer } from '../helpers/broadcasts';
import type { StandInConnector } from '../helpers/connector';
import { createTestInstallationUpdate, personalChat } from '../helpers/activities';
import { installInTeam, peopleFrom, rosterJob, TEAM } from '../helpers/rosters';
import { MEMBER, ORGANISER, tabApi } from '../helpers/tab';

/**
 * A broadcast's delivery as the tab's Broadcasts page reads it, over HTTP against the real
 * bot, its embedded Cosmos DB and the broadcast job run by hand, with the stand-in
 * connector failing some chats: the progress figures, Resend to failed and Withdraw.
 */
describe('tab API: a broadcast\'s delivery progress, resend and withdraw', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let connector: StandInConnector;
  const call = <T = Record<string, unknown>>(who: { id: string }, method: string, path: string, body?: unknown) => tabApi<T>(bot, who, method, path, body);
  const progress = async (id: string): Promise<BroadcastDto> => (await call<BroadcastDto>(ORGANISER, 'GET', `broadcasts/${id}`)).body;

  botPerTest(() => ({ env: { ORGANISER_AAD_IDS: ORGANISER.id, BROADCAST_MAX_RPS: '1000' }, demoData: false }), (b, c) => {
    [bot, connector] = [b, c];
  });

  async function sendToFour(): Promise<{ id: string; chats: string[]; failing: Set<string> }> {
    const chats = await installPersonalChats(bot, connector, 0, 4);
    const failing = new Set(chats.slice(0, 2));
    connector.override((c) => (c.method === 'POST' && failing.has(c.conversationId ?? '') ? { status: 502 } : undefined));
    const form = { content: 'announcement', title: 'Room change', text: 'The June meeting moves to room 2.', audience: 'personal' };
    const draft = await call<{ id: string }>(ORGANISER, 'POST', 'broadcasts', { form });
    assert.equal((await call(ORGANISER, 'POST', `broadcasts/${draft.body.id}/confirm`)).status, 200);
    return { id: draft.body.id, chats, failing };
  }

  it('when two of four chats keep failing, then the progress goes from waiting to delivered and retrying, then failed with the reason, and is no longer live', async () => {
    const { id } = await sendToFour();
    const queued = await progress(id);
    assert.deepEqual([queued.running, queued.figures], [true, { total: 4, delivered: 0, waiting: 4, retrying: 0, failed: 0, blocked: 0, unreachable: 0, opened: 0 }]);
    const job = broadcastJob(bot);
    await job.run();
    const first = await progress(id);
    assert.deepEqual([first.running, first.figures], [true, { total: 4, delivered: 2, waiting: 0, retrying: 2, failed: 0, blocked: 0, unreachable: 0, opened: 0 }]);
    for (let round = 0; round < 6 && (await progress(id)).running; round++) {
      bot.clock.advance(120_000);
      await job.run();
    }
    const last = await progress(id);
    assert.deepEqual([last.running, last.figures], [false, { total: 4, delivered: 2, waiting: 0, retrying: 0, failed: 2, blocked: 0, unreachable: 0, opened: 0 }]);
    assert.deepEqual(last.failures.map((f) => [f.state, f.count]), [['failed', 2]]);
    assert.match(last.failures[0]?.reason ?? '', /Teams was busy, retried 4 times/);
  });

  it('when an organiser resends to failed, then only the failed chats get it; a member may not; withdrawn, it says so and cannot be resent', async () => {
    const { id, chats, failing } = await sendToFour();
    const job = broadcastJob(bot);
    for (let round = 0; round < 6 && (await progress(id)).running; round++) {
      await job.run();
      bot.clock.advance(120_000);
    }
    connector.override(undefined);
    connector.clear();
    assert.equal((await call(MEMBER, 'POST', `broadcasts/${id}/resend`)).status, 403);
    const resent = await call<BroadcastDto>(ORGANISER, 'POST', `broadcasts/${id}/resend`);
    assert.deepEqual([resent.status, resent.body.running, resent.body.figures.waiting, resent.body.figures.failed], [200, true, 2, 0]);
    await job.run();
    assert.deepEqual(postsPer(connector, chats), chats.map((c) => (failing.has(c) ? 1 : 0)), 'only the failed two were sent again');
    assert.deepEqual((await progress(id)).figures, { total: 4, delivered: 4, waiting: 0, retrying: 0, failed: 0, blocked: 0, unreachable: 0, opened: 0 });

    assert.equal((await call(MEMBER, 'POST', `broadcasts/${id}/withdraw`)).status, 403);
    const withdrawn = await call<BroadcastDto>(ORGANISER, 'POST', `broadcasts/${id}/withdraw`);
    assert.deepEqual([withdrawn.status, withdrawn.body.withdrawn], [200, true]);
    assert.equal((await bot.store.broadcasts.get(id))?.withdrawn, true);
    const again = await call<{ message: string }>(ORGANISER, 'POST', `broadcasts/${id}/resend`);
    assert.deepEqual([again.status, again.body.message], [409, 'This broadcast was withdrawn, so it is not sent again.']);
  });

  it('when a team is the audience, then the sample says who gets a chat they have, who gets one the bot opens and who cannot be reached and why, and the progress counts the opened chats and the unreachable apart', async () => {
    const team = peopleFrom(1, 4);
    const [, , , removed] = team;
    await installPersonalChats(bot, connector, 1, 1);
    await bot.post(createTestInstallationUpdate(connector.serviceUrl, personalChat(removed!), removed!, 'add'));
    await bot.post(createTestInstallationUpdate(connector.serviceUrl, personalChat(removed!), removed!, 'remove'));
    await installInTeam(bot, connector, team);
    await rosterJob(bot).run();
    const form = { content: 'announcement', title: 'Heads briefing moved', text: 'Now on Thursday at 16:00.', audience: 'team', team: TEAM.id };

    const sample = await call<{ reach: string; opens: number }>(ORGANISER, 'POST', 'broadcasts/sample', { form });
    assert.equal(sample.status, 200);
    assert.equal(sample.body.reach, 'Reaches 3 people: 1 in a chat they already have, 2 in a chat the bot will open; 1 person cannot be reached (1 person: removed the bot).');
    const draft = await call<{ id: string }>(ORGANISER, 'POST', 'broadcasts', { form });
    assert.equal((await call(ORGANISER, 'POST', `broadcasts/${draft.body.id}/confirm`)).status, 200);
    await broadcastJob(bot).run();
    const done = await progress(draft.body.id);
    assert.deepEqual([done.figures.delivered, done.figures.opened, done.unreachableWhy], [3, 2, ['1 person: removed the bot']]);
  });

  it('when an organiser schedules a broadcast with a note from the tab, then it waits as scheduled with its London time, and nothing is sent until then', async () => {
    const chats = await installPersonalChats(bot, connector, 0, 2);
    const tomorrow = new Date(bot.clock.now().getTime() + 24 * 3600_000);
    const sendDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(tomorrow);
    const form = { content: 'announcement', title: 'Room change', text: 'The June meeting moves to room 2.', audience: 'personal', note: 'Please pass this on.', sendDate, sendTime: '09:30' };
    const draft = await call<{ id: string }>(ORGANISER, 'POST', 'broadcasts', { form });
    assert.equal((await call(ORGANISER, 'POST', `broadcasts/${draft.body.id}/confirm`)).status, 200);
    const waiting = await progress(draft.body.id);
    assert.equal(waiting.status, 'scheduled');
    assert.match(waiting.scheduledFor ?? '', /, 09:30$/);
    await broadcastJob(bot).run();
    assert.deepEqual(postsPer(connector, chats), [0, 0], 'nothing goes before its time');
  });

  it('when a send time is in the past, then the tab is told beside the field and no broadcast is saved', async () => {
    const form = { content: 'announcement', title: 'Room change', text: 'Room 2.', audience: 'personal', sendDate: '2020-01-01', sendTime: '09:00' };
    const before = (await bot.store.broadcasts.listRecent(50)).length;
    const refused = await call<{ fields?: { field: string }[] }>(ORGANISER, 'POST', 'broadcasts', { form });
    assert.equal(refused.status, 400);
    assert.ok(refused.body.fields?.some((f) => f.field === 'sendTime' || f.field === 'sendDate'), JSON.stringify(refused.body));
    assert.equal((await bot.store.broadcasts.listRecent(50)).length, before);
  });
});
