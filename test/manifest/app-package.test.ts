import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { ConfigError } from '../../bot/config';
import { buildAppPackage } from '../../manifest/app-package';
import { botCommands } from '../../manifest/commands';
import { buildManifest, MAX_MANIFEST_COMMANDS } from '../../manifest/manifest';
import { loadPackageSettings, type PackageSettings } from '../../manifest/settings';
import { manifestProblems } from '../../manifest/validate';
import { createTestMessage, personalChat, testUser } from '../helpers/activities';
import { startTestBot } from '../helpers/bot';
import { cardsIn, cardText, startConnector } from '../helpers/connector';

const BOT_ID = '0d4c5a2e-7b1f-4e3a-9c8d-2f6e1a0b3c4d';
const ENV = {
  MicrosoftAppId: BOT_ID,
  BOT_DOMAIN: 'nlc-bot-abc123.azurewebsites.net',
  TEAMS_APP_WEBSITE_URL: 'https://nlc.example.org/',
  TEAMS_APP_PRIVACY_URL: 'https://nlc.example.org/privacy',
  TEAMS_APP_TERMS_URL: 'https://nlc.example.org/terms',
};
const settings = (env: Record<string, string> = {}): PackageSettings => loadPackageSettings({ ...ENV, ...env }, '0.1.0');

describe('Teams app package', () => {
  it('when built, then the zip holds manifest.json and the two icons at the top level, and the manifest validates against the official schema', async () => {
    const { zip } = await buildAppPackage(settings(), botCommands());
    const files = unzipSync(zip);
    assert.deepEqual(Object.keys(files).sort(), ['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
    assert.deepEqual(await manifestProblems(manifest), []);
    assert.deepEqual(manifest.icons, { color: 'color.png', outline: 'outline.png' });
  });

  it('when built, then the bot id, version and domain come from the settings, in every scope', async () => {
    const { manifest } = await buildAppPackage(settings({ TEAMS_APP_VERSION: '1.4.2' }), botCommands());
    assert.equal(manifest.id, BOT_ID, 'the app id defaults to the bot id');
    assert.equal(manifest.version, '1.4.2');
    assert.deepEqual(manifest.validDomains, ['nlc-bot-abc123.azurewebsites.net']);
    const [bot] = manifest.bots ?? [];
    assert.equal(bot?.botId, BOT_ID);
    assert.deepEqual(bot?.scopes, ['personal', 'team', 'groupChat']);
    assert.deepEqual(bot?.commandLists?.[0]?.scopes, ['personal', 'team', 'groupChat']);
    assert.equal(manifest.name.short, 'NLC', 'people @mention the bot as "NLC", as the welcome card says');
  });

  it('when the bot answers "help", then its card lists exactly the commands the manifest lists, in the same order', async () => {
    const { manifest } = await buildAppPackage(settings(), botCommands());
    const titles = manifest.bots?.[0]?.commandLists?.[0]?.commands.map((c) => c.title) ?? [];
    assert.ok(titles.includes('events') && titles.includes('help'), titles.join(', '));

    const connector = await startConnector();
    const bot = await startTestBot();
    try {
      const alice = testUser(1);
      await bot.post(createTestMessage(connector.serviceUrl, personalChat(alice), alice, 'help'));
      const helpText = cardText(cardsIn(connector.sent()[0]!)[0]);
      const listed = [...helpText.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]);
      assert.deepEqual(listed, titles);
    } finally {
      await bot.close();
      await connector.close();
    }
  });

  it('when the manifest breaks the schema, then the validator reports it', async () => {
    // Guards the guard: the schema checks above would pass vacuously if nothing were checked.
    const manifest = buildManifest(settings(), [{ name: 'a command name far longer than thirty-two', description: 'x' }]);
    const problems = await manifestProblems({ ...manifest, developer: { name: 'NLC' } });
    assert.ok(problems.some((p) => p.includes('/developer')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('/commands/0/title')), problems.join('\n'));
  });

  it('when the bot has more commands than Teams lists, then packaging stops and says what to do', () => {
    const many = Array.from({ length: MAX_MANIFEST_COMMANDS + 1 }, (_, i) => ({ name: `command ${i}`, description: 'd' }));
    assert.throws(() => buildManifest(settings(), many), /at most 10 commands.*mark the rarer ones hidden/);
  });

  it('when settings are missing or malformed, then one error names every bad key', () => {
    try {
      loadPackageSettings({ MicrosoftAppId: 'not-a-guid', BOT_DOMAIN: 'https://nlc.example.org/x', TEAMS_APP_PRIVACY_URL: 'http://nlc.example.org' }, '0.1.0');
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      const keys = error.problems.map((p) => p.split(':')[0]).sort();
      assert.deepEqual(keys, ['BOT_DOMAIN', 'MicrosoftAppId', 'TEAMS_APP_PRIVACY_URL', 'TEAMS_APP_TERMS_URL', 'TEAMS_APP_WEBSITE_URL']);
    }
  });

  it('when the same settings are packaged twice, then the zips are byte for byte the same', async () => {
    const first = await buildAppPackage(settings(), botCommands());
    const second = await buildAppPackage(settings(), botCommands());
    assert.deepEqual(Buffer.from(first.zip), Buffer.from(second.zip));
  });

  describe('npm run package', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'nlc-package-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('when run with an env file, then it writes appPackage.zip from the file, and the environment wins over the file', async () => {
      const envFile = join(dir, 'teams.env');
      writeFileSync(envFile, Object.entries({ ...ENV, TEAMS_APP_VERSION: '2.0.0' }).map(([k, v]) => `${k}=${v}`).join('\n'));
      const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !(key in ENV) && !key.startsWith('TEAMS_APP_')));
      await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--env-file', envFile, '--out', dir], {
        env: { ...env, TEAMS_APP_VERSION: '2.0.1' },
      });
      const files = unzipSync(readFileSync(join(dir, 'appPackage.zip')));
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { version: string; bots: { botId: string }[] };
      assert.equal(manifest.bots[0]?.botId, BOT_ID);
      assert.equal(manifest.version, '2.0.1');
    });
  });
});
