import { strict as assert } from 'node:assert';
import { EMBEDDED_KEY } from '../../bot/data/cosmos/client';
import { openStore, type Store } from '../../bot/data/store';
import { createTestInvoke, personalChat, testUser } from '../helpers/activities';
import { invokeCard } from '../helpers/bot';
import { type NodeProcess, postActivity, startNodeProcess, startStoreProcess, type StoreProcess } from '../helpers/bot-process';
import { cardText } from '../helpers/connector';
import { demoEventInAYear } from '../helpers/future-events';
import { countDocs } from '../helpers/store';

const EVENT = 'practice-week-2024-conference';

/** The bot from source, with every package the Azure bundle leaves out unloadable (test/helpers/without-dev-packages.ts). */
const startWithoutDevPackages = (env: Record<string, string>): Promise<NodeProcess> =>
  startNodeProcess({
    args: ['--require', 'tsx/cjs', '--require', './test/helpers/without-dev-packages.ts', 'bot/index.ts'],
    env: { LOG_LEVEL: 'warn', ...env },
  });

/**
 * What Azure runs has no development packages (scripts/bundle.ts installs with
 * --omit=dev): not the embedded Cosmos server, not patch-package. The bot must not need
 * them when it has a COSMOS_ENDPOINT, and must say what to do when it has neither.
 */
describe('the bot without its development packages, as in the Azure bundle', function () {
  this.timeout(60_000);
  let storeProcess: StoreProcess;
  let store: Store;
  let bot: NodeProcess | undefined;

  before(async () => {
    storeProcess = await startStoreProcess();
    store = await openStore({ mode: 'azure', endpoint: storeProcess.endpoint, key: EMBEDDED_KEY, database: 'nlc' });
    // A store elsewhere is not seeded, and the bot runs on the real clock there: the conference, a year from now.
    await store.events.saveEvent(demoEventInAYear(EVENT, new Date()));
  });
  after(async () => {
    await bot?.stop();
    await store?.cosmos.close();
    await storeProcess?.stop();
  });

  it('when COSMOS_ENDPOINT is set, then it starts, answers /healthz and records an RSVP', async () => {
    bot = await startWithoutDevPackages({ COSMOS_ENDPOINT: storeProcess.endpoint, COSMOS_KEY: EMBEDDED_KEY, COSMOS_DATABASE: 'nlc' });
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    const alex = testUser(1);
    const reply = await postActivity(bot.url, createTestInvoke('http://127.0.0.1:9/', personalChat(alex), alex, 'event.rsvp', { eventId: EVENT, response: 'going' }));
    assert.equal(reply.status, 200);
    assert.match(cardText(invokeCard(reply.body)), /You're going/);
    const stored = await countDocs(store.cosmos.containers.events, "c.eventId = @e AND c.type = 'rsvp' AND c.userId = @u", [
      { name: '@e', value: EVENT },
      { name: '@u', value: alex.aadObjectId ?? '' },
    ]);
    assert.equal(stored, 1);
  });

  it('when no COSMOS_ENDPOINT is set, then it stops at start with a message saying to set one', async () => {
    await assert.rejects(startWithoutDevPackages({ DATA_DIR: 'memory' }), /no COSMOS_ENDPOINT is set, and the embedded Cosmos server \(a development dependency, not in the Azure bundle\) is not installed/);
  });
});
