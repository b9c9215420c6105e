import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_KEY } from '../../bot/data/cosmos/client';
import { openStore, type Store } from '../../bot/data/store';
import { createTestInvoke, personalChat, testUser } from '../helpers/activities';
import { invokeCard } from '../helpers/bot';
import { type NodeProcess, postActivity, startNodeProcess, startStoreProcess, type StoreProcess } from '../helpers/bot-process';
import { cardText } from '../helpers/connector';
import { demoEventInAYear } from '../helpers/future-events';
import { readRepoFile } from '../helpers/infra';
import { countDocs } from '../helpers/store';
import { buildBundle } from '../../scripts/build';
import { startFlags } from '../../scripts/lib/start-flags';

const EVENT = 'practice-week-2024-conference';

/** Whether V8 rejects the code cache in a Node started as `npm start` starts the bot (V8 checks its flags too). */
function cacheRejected(app: string, cache: string): string {
  const check = `const { Script } = require('node:vm'); const fs = require('node:fs');
    process.stdout.write(String(new Script(require('node:module').wrap(fs.readFileSync(process.argv[1], 'latin1')), { filename: process.argv[1], cachedData: fs.readFileSync(process.argv[2]) }).cachedDataRejected));`;
  return execFileSync(process.execPath, [...startFlags(), '-e', check, app, cache], { encoding: 'utf8' });
}

/** The bot from source, with every package the Azure bundle leaves out unloadable (test/helpers/without-dev-packages.ts). */
const startWithoutDevPackages = (env: Record<string, string>): Promise<NodeProcess> =>
  startNodeProcess({
    args: ['--require', 'tsx/cjs', '--require', './test/helpers/without-dev-packages.ts', 'bot/index.ts'],
    env: { LOG_LEVEL: 'warn', ...env },
  });

/**
 * What Azure runs has no development packages (scripts/bundle.ts zips dist/bot.js, the
 * bundle scripts/build.ts makes of the production code and packages): not the embedded
 * Cosmos server, not patch-package. The bot must not need
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

  /** One RSVP through the bot process, and the one document it must leave in the store. */
  async function rsvpIsRecorded(url: string, person: number): Promise<void> {
    const someone = testUser(person);
    const reply = await postActivity(url, createTestInvoke('http://127.0.0.1:9/', personalChat(someone), someone, 'event.rsvp', { eventId: EVENT, response: 'going' }));
    assert.equal(reply.status, 200);
    assert.match(cardText(invokeCard(reply.body)), /You're going/);
    const stored = await countDocs(store.cosmos.containers.events, "c.eventId = @e AND c.type = 'rsvp' AND c.userId = @u", [
      { name: '@e', value: EVENT },
      { name: '@u', value: someone.aadObjectId ?? '' },
    ]);
    assert.equal(stored, 1);
  }

  it('when COSMOS_ENDPOINT is set, then it starts, answers /healthz and records an RSVP', async () => {
    bot = await startWithoutDevPackages({ COSMOS_ENDPOINT: storeProcess.endpoint, COSMOS_KEY: EMBEDDED_KEY, COSMOS_DATABASE: 'nlc' });
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    await rsvpIsRecorded(bot.url, 1);
  });

  it('when no COSMOS_ENDPOINT is set, then it stops at start with a message saying to set one', async () => {
    await assert.rejects(startWithoutDevPackages({ DATA_DIR: 'memory' }), /no COSMOS_ENDPOINT is set, and the embedded Cosmos server \(a development dependency, not in the Azure bundle\) is not installed/);
  });

  it('when the production bundle runs from a folder with no node_modules, then it answers /healthz, records an RSVP with COSMOS_ENDPOINT and serves the tab, writes its code cache if it had none, and says what to do without one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nlc-bundle-test-'));
    let bundled: NodeProcess | undefined;
    try {
      await buildBundle(join(folder, 'dist'));
      const meta = JSON.parse(readFileSync(join(folder, 'dist', 'meta.json'), 'utf8')) as { inputs: Record<string, unknown> };
      const inputs = Object.keys(meta.inputs);
      // What teams-ai v1 loads for features the bot never uses stays out of the bundle.
      assert.deepEqual(inputs.filter((file) => /node_modules\/(openai|botbuilder-dialogs|@microsoft\/teams-ai\/lib\/tokenizers)\//.test(file)), []);
      assert.doesNotMatch(readFileSync(join(folder, 'dist', 'app.js'), 'latin1'), /[\u0080-\u00ff]/, 'ASCII only: one other character and V8 holds the source as a two-byte string');
      const script = join(folder, 'dist', 'bot.js');
      const [app, cache] = [join(folder, 'dist', 'app.js'), join(folder, 'dist', 'app.js.cache')];
      assert.equal(cacheRejected(app, cache), 'false', "the build's code cache fits this Node, started with npm start's flags");
      // A Node that has no cache it can use (other flags, other version) writes its own once started.
      rmSync(cache);
      bundled = await startNodeProcess({ args: [script], env: { LOG_LEVEL: 'warn', COSMOS_ENDPOINT: storeProcess.endpoint, COSMOS_KEY: EMBEDDED_KEY, COSMOS_DATABASE: 'nlc' } });
      assert.equal((await fetch(`${bundled.url}/healthz`)).status, 200);
      await rsvpIsRecorded(bundled.url, 2);
      assert.equal((await fetch(`${bundled.url}/tab/`)).status, 200, 'the organiser tab is served from dist/tab beside the bundle');
      for (let waited = 0; !existsSync(cache) && waited < 15_000; waited += 250) await new Promise((r) => setTimeout(r, 250));
      assert.ok(existsSync(cache), 'the started bot wrote its code cache');
      await assert.rejects(startNodeProcess({ args: [script], env: { LOG_LEVEL: 'warn', DATA_DIR: 'memory' } }), /no COSMOS_ENDPOINT is set, and the embedded Cosmos server/);
    } finally {
      await bundled?.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('when the bot is started by npm start, by App Service or from the deployed zip, then each runs the production bundle', () => {
    assert.match((JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }).scripts.start ?? '', / dist\/bot\.js$/);
    assert.match(readRepoFile('infra/modules/app-service.bicep'), /appCommandLine: 'node [^']* dist\/bot\.js'/);
    assert.ok(readRepoFile('scripts/bundle.ts').includes("await buildBundle(join(staging, 'dist'))"), 'the zip carries what npm run build makes');
  });
});
