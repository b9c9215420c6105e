import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { ConfigError } from '../../bot/config';
import { buildAppPackage } from '../../manifest/app-package';
import { botCommands } from '../../manifest/commands';
import { SEARCH_COMMAND_ID } from '../../bot/teams/routes/find';
import { commandListProblems, MANIFEST_TEMPLATE, MANIFEST_VERSION, MAX_MANIFEST_COMMANDS, placeholders, renderManifest } from '../../manifest/manifest';
import { loadPackageSettings, packageSettingsSchema, type PackageSettings } from '../../manifest/settings';
import { manifestProblems } from '../../manifest/validate';
import { createTestMessage, personalChat, testUser } from '../helpers/activities';
import { startTestBot } from '../helpers/bot';
import { cardsIn, cardText, startConnector } from '../helpers/connector';

const BOT_ID = '0d4c5a2e-7b1f-4e3a-9c8d-2f6e1a0b3c4d';
const TAB_APP_ID = '9b6d1f3e-2a4c-4e8b-9c1d-7f2e3a4b5c6d';
const ENV = {
  BOT_ID,
  TAB_APP_ID,
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

  it('when built, then the organiser tab is a personal tab and a channel tab on the bot\'s own host, with single sign-on for its app registration', async () => {
    const { manifest } = await buildAppPackage(settings(), botCommands());
    const host = 'nlc-bot-abc123.azurewebsites.net';
    assert.deepEqual(manifest.staticTabs?.map((t) => [t.contentUrl, t.scopes]), [[`https://${host}/tab/`, ['personal']]]);
    assert.deepEqual(manifest.configurableTabs?.map((t) => t.configurationUrl), [`https://${host}/tab/?view=config`]);
    assert.deepEqual(manifest.webApplicationInfo, { id: TAB_APP_ID, resource: `api://${host}/${TAB_APP_ID}` });
  });

  it('when built, then the NLC search command and link unfurling use the bot\'s own id, the command the bot answers, and the bot\'s domain', async () => {
    const { manifest } = await buildAppPackage(settings(), botCommands());
    assert.deepEqual(await manifestProblems(manifest), []);
    const [extension, ...others] = manifest.composeExtensions ?? [];
    assert.equal(others.length, 0);
    assert.equal(extension?.botId, BOT_ID, 'the same bot, so the cards it inserts reach it (Universal Actions)');
    const [command, ...more] = extension?.commands ?? [];
    assert.equal(more.length, 0);
    assert.deepEqual(
      { id: command?.id, type: command?.type, title: command?.title, initialRun: command?.initialRun, parameters: command?.parameters?.map((p) => p.name) },
      { id: SEARCH_COMMAND_ID, type: 'query', title: 'NLC', initialRun: true, parameters: ['query'] },
    );
    assert.deepEqual(extension?.messageHandlers, [{ type: 'link', value: { domains: ['nlc-bot-abc123.azurewebsites.net'] } }]);
    assert.deepEqual(manifest.bots?.[0]?.scopes, ['personal', 'team', 'groupChat'], 'team and group chat scopes: inserted cards work in groups');
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
    const manifest = renderManifest(readFileSync(MANIFEST_TEMPLATE, 'utf8'), settings());
    const [bot] = manifest.bots ?? [];
    const commands = [{ title: 'a command name far longer than the schema allows '.repeat(4), description: 'x' }];
    const broken = { ...manifest, developer: { name: 'NLC' }, bots: [{ ...bot, commandLists: [{ scopes: ['personal'], commands }] }] };
    const problems = await manifestProblems(broken);
    assert.ok(problems.some((p) => p.includes('/developer')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('/commands/0/title')), problems.join('\n'));
  });

  it('when the bot has more commands than Teams lists, then packaging stops and says what to do', async () => {
    const many = Array.from({ length: MAX_MANIFEST_COMMANDS + 1 }, (_, i) => ({ name: `command ${i}`, description: 'd' }));
    await assert.rejects(buildAppPackage(settings(), many), /at most 10 commands.*mark the rarer ones hidden/);
  });

  it('when the command menu in the template differs from the bot commands, then packaging stops and gives the list to paste', async () => {
    const commands = botCommands();
    const renamed = [{ ...commands[0]!, name: 'assist' }, ...commands.slice(1)];
    await assert.rejects(buildAppPackage(settings(), renamed), /command list differs from the bot's commands[^]*"title": "assist"/);
    assert.deepEqual(commandListProblems(renderManifest(readFileSync(MANIFEST_TEMPLATE, 'utf8'), settings()), commands), []);
  });

  it('when the template is read, then it uses the newest manifest schema the bundled validator knows, and only placeholders npm run package fills', () => {
    const template = readFileSync(MANIFEST_TEMPLATE, 'utf8');
    const manifest = JSON.parse(template) as { manifestVersion: string; $schema: string };
    const bundled = readdirSync(join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams'))
      .map((dir) => /^v(\d+)\.(\d+)$/.exec(dir))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [Number(m[1]), Number(m[2])] as const)
      .sort(([a, b], [c, d]) => a - c || b - d);
    const [major, minor] = bundled[bundled.length - 1]!;
    assert.equal(manifest.manifestVersion, `${major}.${minor}`);
    assert.equal(MANIFEST_VERSION, manifest.manifestVersion);
    assert.ok(manifest.$schema.includes(`/v${manifest.manifestVersion}/`), manifest.$schema);
    assert.deepEqual(placeholders(template).sort(), Object.keys(packageSettingsSchema.shape).sort());
  });

  it('when a value holds quotes or backslashes, then the manifest stays valid JSON with the value as given', () => {
    const manifest = renderManifest('{"name": "${{NAME}}", "other": "${{ NAME }}"}', { NAME: 'a "b" \\c' });
    assert.deepEqual(manifest, { name: 'a "b" \\c', other: 'a "b" \\c' });
    assert.throws(() => renderManifest('{"id": "${{TEAMS_APP_ID}}"}', {}), /uses TEAMS_APP_ID, which npm run package does not set/);
  });

  it('when settings are missing or malformed, then one error names every bad key', () => {
    try {
      loadPackageSettings({ BOT_ID: 'not-a-guid', BOT_DOMAIN: 'https://nlc.example.org/x', TEAMS_APP_PRIVACY_URL: 'http://nlc.example.org' }, '0.1.0');
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      const keys = error.problems.map((p) => p.split(':')[0]).sort();
      assert.deepEqual(keys, ['BOT_DOMAIN', 'BOT_ID', 'TAB_APP_ID', 'TEAMS_APP_PRIVACY_URL', 'TEAMS_APP_TERMS_URL', 'TEAMS_APP_WEBSITE_URL']);
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
