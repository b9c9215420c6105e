import { strict as assert } from 'node:assert';
import type { Lease, Leases } from '../../bot/domain/leases';
import { MAX_ROSTER_ATTEMPTS } from '../../bot/domain/rosters/roster';
import { RateLimiter } from '../../bot/delivery/rate-limit';
import { realTimer } from '../../bot/delivery/timer';
import { rosterJob as makeRosterJob } from '../../bot/jobs/rosters';
import { silentLogger } from '../../bot/log';
import { botPerTest, chatsOf, startTestBot, type TestBot } from '../helpers/bot';
import { click, command } from '../helpers/broadcasts';
import { cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { collectingLogger } from '../helpers/logs';
import { botRemovedFromTeam, installInTeam, membersJoin, membersLeave, peopleFrom, recorded, rosterJob, TEAM } from '../helpers/rosters';

const ids = (people: readonly { aadObjectId?: string }[]): string[] => people.map((p) => p.aadObjectId!).sort();
const pageCalls = (connector: StandInConnector) => connector.calls.filter((c) => c.path.endsWith('/pagedmembers'));

/**
 * Who is in the teams the bot is in (bot/domain/rosters, bot/jobs/rosters.ts), over HTTP
 * against the real bot, the real store and the stand-in connector's paged member list.
 */
describe('rosters: the members of the teams the bot is in', function () {
  this.timeout(60_000);
  let connector: StandInConnector;
  let bot: TestBot;
  const team = peopleFrom(1, 1200);

  botPerTest(() => ({ demoData: false }), (b, c) => {
    [bot, connector] = [b, c];
  });

  it('when the bot is added to a team of 1,200, then the install reads nobody, and the rosters job records everyone once, 500 a page', async () => {
    const installed = await installInTeam(bot, connector, team);
    assert.equal(installed.status, 200);
    assert.equal(pageCalls(connector).length, 0, 'the install turn is answered without reading the members');
    await rosterJob(bot).run();
    const pages = pageCalls(connector);
    assert.equal(pages.length, 3);
    assert.deepEqual(pages.map((c) => new URLSearchParams(c.query).get('pageSize')), ['500', '500', '500']);
    assert.ok(pages.every((c) => c.path.startsWith(`/v3/conversations/${TEAM.id}/`)));
    const roster = await bot.store.rosters.getRoster(TEAM.id);
    assert.deepEqual({ status: roster?.status, pages: roster?.pages, members: roster?.members }, { status: 'done', pages: 3, members: 1200 });
    assert.deepEqual(await recorded(bot), ids(team));
    const [member] = await bot.store.rosters.membershipsOf([team[7]!.aadObjectId!]);
    assert.deepEqual({ id: member?.teamsUserId, url: member?.serviceUrl, bot: member?.botId }, { id: team[7]!.id, url: connector.serviceUrl, bot: '28:nlc-bot' });
    assert.ok(!JSON.stringify(member).includes(team[7]!.name!), 'no name is kept');
  });

  it('when the reading process dies after two pages, then another takes over once its lease runs out and goes on from the third page, nobody recorded twice', async () => {
    await installInTeam(bot, connector, team);
    // A process killed mid-read: it never gives its lease back, and it stops after page two.
    const undying: Leases = {
      acquire: async (name, owner, ttl) => {
        const lease = await bot.store.leases.acquire(name, owner, ttl);
        return lease && ({ ...lease, held: () => lease.held() && pageCalls(connector).length < 2, release: () => Promise.resolve() } satisfies Lease);
      },
    };
    const limiter = new RateLimiter({ perSecond: 1000, timer: realTimer });
    const dying = makeRosterJob({ ...bot.store, leases: undying, reader: bot.people.reader, limiter, clock: bot.clock, log: silentLogger, owner: 'dies' });
    await dying.run();
    assert.equal(pageCalls(connector).length, 2);
    assert.equal((await bot.store.rosters.getRoster(TEAM.id))?.pages, 2);
    await rosterJob(bot).run();
    assert.equal(pageCalls(connector).length, 2, 'the dead process still holds the lease');
    bot.clock.advance(31_000);
    await rosterJob(bot).run();
    const calls = pageCalls(connector);
    assert.equal(calls.length, 3, 'one more page: the third');
    assert.match(calls[2]!.query, /continuationToken=page-1000/);
    assert.ok(calls.every((c) => c.query.includes('pageSize=500')), '500 a page');
    assert.deepEqual(await recorded(bot), ids(team));
  });

  it('when people join and leave, then their records come and go at once, and a later full read removes someone who left unheard', async () => {
    const small = team.slice(0, 3);
    await installInTeam(bot, connector, small);
    await rosterJob(bot).run();
    const [joiner, leaver] = peopleFrom(5000, 2);
    await membersJoin(bot, connector, [joiner!, leaver!]);
    await membersLeave(bot, connector, [leaver!]);
    assert.deepEqual(await recorded(bot), ids([...small, joiner!]));
    // Left while the bot was not listening: Teams lists them no more; the bot is added again.
    connector.setMembers(TEAM.id, [small[0]!, joiner!].map((m) => ({ id: m.id, aadObjectId: m.aadObjectId })));
    await installInTeam(bot, connector, [small[0]!, joiner!]);
    await rosterJob(bot).run();
    assert.deepEqual(await recorded(bot), ids([small[0]!, joiner!]));
  });

  it('when the bot is removed from the team, then every member record goes in the background, and the roster with them', async () => {
    await installInTeam(bot, connector, team);
    await rosterJob(bot).run();
    await botRemovedFromTeam(bot, connector, team[0]!);
    assert.equal((await recorded(bot)).length, 1200, 'the removal turn deletes nothing itself');
    await rosterJob(bot).run();
    assert.deepEqual(await recorded(bot), []);
    assert.equal(await bot.store.rosters.getRoster(TEAM.id), undefined);
  });

  it('when Teams keeps failing to give a page, then the read waits a back-off each time, and is recorded failed with the reason after the last attempt', async () => {
    await installInTeam(bot, connector, team.slice(0, 10));
    connector.override((call) => (call.path.endsWith('/pagedmembers') ? { status: 503 } : undefined));
    await rosterJob(bot).run();
    const first = await bot.store.rosters.getRoster(TEAM.id);
    assert.equal(first?.attempts, 1);
    assert.ok(first.notBefore > bot.clock.now().toISOString(), 'not before a back-off');
    await rosterJob(bot).run();
    assert.equal(pageCalls(connector).length, 1, 'not asked again before the back-off');
    for (let i = 1; i < MAX_ROSTER_ATTEMPTS; i++) {
      bot.clock.advance(10 * 60_000);
      await rosterJob(bot).run();
    }
    const failed = await bot.store.rosters.getRoster(TEAM.id);
    assert.equal(failed?.status, 'failed');
    assert.match(failed?.reason ?? '', /HTTP 503/);
    bot.clock.advance(60 * 60_000);
    await rosterJob(bot).run();
    assert.equal(pageCalls(connector).length, MAX_ROSTER_ATTEMPTS, 'never retried for ever');
  });
});

describe('rosters and "forget me"', () => {
  it('when a team member is forgotten, then their roster records go, and they are not added back until Teams again says they are in the team', async () => {
    const connector = await startConnector();
    const bot = await startTestBot({ demoData: false });
    try {
      const people = peopleFrom(8000, 3);
      const [forgotten, others] = [people[0]!, people.slice(1)];
      await installInTeam(bot, connector, people);
      await rosterJob(bot).run();
      const held = cardText(await command(bot, connector, 'forget me', forgotten));
      assert.match(held, /which teams and group chats with the bot you are in/);
      await click(bot, connector, 'privacy.forgetMe', {}, { user: forgotten });
      assert.deepEqual(await recorded(bot), ids(others));
      assert.equal((await chatsOf(bot).reach(forgotten.aadObjectId!)).kind, 'unreachable', 'no chat is opened with them');
      await membersJoin(bot, connector, peopleFrom(8100, 1));
      await rosterJob(bot).run();
      assert.deepEqual(await recorded(bot), ids([...others, ...peopleFrom(8100, 1)]), 'someone else joining does not bring them back');
      await membersJoin(bot, connector, [forgotten]);
      assert.ok((await recorded(bot)).includes(forgotten.aadObjectId!), 'seen again in a roster event');
    } finally {
      await bot.close();
      await connector.close();
    }
  });
});

describe('rosters and the logs', () => {
  it('when a team is read and people join and leave, then the log has counts and ids, and no member\'s name', async () => {
    const logs = collectingLogger('debug');
    const connector = await startConnector();
    const bot = await startTestBot({ demoData: false, log: logs.log, env: { LOG_LEVEL: 'debug' } });
    try {
      const people = peopleFrom(7000, 30);
      await installInTeam(bot, connector, people);
      await rosterJob(bot).run();
      await membersJoin(bot, connector, peopleFrom(7100, 2));
      await membersLeave(bot, connector, people.slice(0, 2));
      assert.ok(logs.lines.some((l) => l.includes('roster worked') && l.includes('"members":30')), 'the job logged its work');
      const names = [...people, ...peopleFrom(7100, 2)].map((p) => p.name!);
      assert.deepEqual(names.filter((name) => logs.lines.some((l) => l.includes(name))), []);
    } finally {
      await bot.close();
      await connector.close();
    }
  });
});
