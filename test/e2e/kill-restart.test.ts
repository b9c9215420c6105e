import { strict as assert } from 'node:assert';
import { EMBEDDED_KEY } from '../../bot/data/cosmos/client';
import { openStore, type Store } from '../../bot/data/store';
import { createTestInvoke, personalChat, type TestUser } from '../helpers/activities';
import { invokeCard } from '../helpers/bot';
import { type BotProcess, postActivity, startBotProcess, startStoreProcess, type StoreProcess } from '../helpers/bot-process';
import { cardText } from '../helpers/connector';
import { demoEventInAYear } from '../helpers/future-events';
import { countDocs } from '../helpers/store';

const EVENT = 'practice-week-2024-conference';
const PEOPLE = 400;
const CONCURRENCY = 20;
/** The bot is killed once this many RSVPs have been acknowledged (so many more are in flight). */
const KILL_AFTER = 120;

const person = (n: number): TestUser => ({ id: `29:kill-${n}`, aadObjectId: `00000000-0000-4000-b000-${n.toString(16).padStart(12, '0')}`, name: `Kill ${n}` });

/**
 * kill -9 of the bot during a burst of RSVPs. The store is a process of its own, as Azure
 * Cosmos DB is in production: an RSVP is acknowledged only after its write has been
 * answered by the store, so a bot killed at any instant loses no acknowledged answer.
 * (Embedded mode with DATA_DIR, where the store dies with the bot, has a known loss
 * window instead, the save interval: see restart.test.ts and README.)
 */
describe('kill -9 of the bot during a burst of RSVPs', function () {
  this.timeout(120_000);
  let storeProcess: StoreProcess;
  let store: Store;
  let bot: BotProcess | undefined;
  let env: Record<string, string>;

  before(async () => {
    storeProcess = await startStoreProcess();
    env = { COSMOS_ENDPOINT: storeProcess.endpoint, COSMOS_KEY: EMBEDDED_KEY, COSMOS_DATABASE: 'nlc' };
    store = await openStore({ mode: 'azure', endpoint: storeProcess.endpoint, key: EMBEDDED_KEY, database: 'nlc' });
    // A store elsewhere is not seeded, and the bot runs on the real clock there: the conference, a year from now.
    await store.events.saveEvent(demoEventInAYear(EVENT, new Date()));
  });
  after(async () => {
    await bot?.stop('SIGKILL');
    await store?.cosmos.close();
    await storeProcess?.stop();
  });

  const rsvp = async (url: string, user: TestUser): Promise<boolean> => {
    try {
      const reply = await postActivity(url, createTestInvoke('http://127.0.0.1:9/', personalChat(user), user, 'event.rsvp', { eventId: EVENT, response: 'going' }));
      return reply.status === 200 && /You're going/.test(cardText(invokeCard(reply.body)));
    } catch {
      // The connection died with the bot: not acknowledged, which is all this test needs to know.
      return false;
    }
  };
  const stored = (user: TestUser): Promise<number> =>
    countDocs(store.cosmos.containers.events, "c.eventId = @e AND c.type = 'rsvp' AND c.userId = @u AND c.response = 'going'", [
      { name: '@e', value: EVENT },
      { name: '@u', value: user.aadObjectId ?? '' },
    ]);

  it('when the bot is killed mid-burst and started again, then every acknowledged RSVP is stored and the new bot answers', async () => {
    bot = await startBotProcess(env);
    const first = bot;
    const acknowledged: TestUser[] = [];
    let next = 0;
    let killed: Promise<void> | undefined;
    const worker = async (): Promise<void> => {
      while (next < PEOPLE) {
        const user = person(++next);
        if (await rsvp(first.url, user)) acknowledged.push(user);
        if (acknowledged.length >= KILL_AFTER && !killed) killed = first.stop('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await killed;
    assert.ok(killed, `the burst ended before ${KILL_AFTER} RSVPs were acknowledged`);
    assert.ok(acknowledged.length < PEOPLE, 'the bot was killed after the burst, not during it');

    const lost = [];
    for (const user of acknowledged) if ((await stored(user)) !== 1) lost.push(user.id);
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged RSVPs were lost`);

    bot = await startBotProcess(env);
    const late = person(PEOPLE + 1);
    assert.ok(await rsvp(bot.url, late), 'the restarted bot did not acknowledge an RSVP');
    assert.equal(await stored(late), 1);
  });
});
