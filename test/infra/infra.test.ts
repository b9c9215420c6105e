import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema, loadConfig } from '../../bot/config';
import { containerSpecs } from '../../bot/data/containers';
import { allBicep, arrayObjects, literal, params, propertyValue, readBicep, varBlock } from '../helpers/bicep';
import { startTestBot } from '../helpers/bot';

import { appSettings, deployedEnvironment, DEPLOYED_VALUES, main } from '../helpers/infra';

/**
 * Every config key the Bicep deliberately leaves unset in Azure, and why. A key added to
 * bot/config.ts fails the coverage test below until it is either set in
 * infra/main.bicep's appSettings or listed here with its reason.
 */
const NOT_SET_IN_AZURE: Record<string, string> = {
  PORT: 'App Service sets PORT itself',
  HOST: 'with an app id the bot listens on all interfaces, which App Service needs',
  MicrosoftAppPassword: 'the bot signs in as its managed identity (UserAssignedMSI): there is no secret',
  COSMOS_KEY: 'Cosmos DB account keys are off; the bot uses its managed identity (data-plane RBAC)',
  BOT_OPENID_METADATA_URL: 'tests only',
  TAB_KEYS_URL: 'tests only',
  EMBEDDED_COSMOS_PORT: 'embedded (local) mode only',
  CLOCK_START: 'embedded (local) mode only',
  DATA_DIR: 'embedded (local) mode only',
  DATA_SAVE_SECONDS: 'embedded (local) mode only',
  GRAPH_ENDPOINT: "the public cloud's Graph, the bot's default (a national cloud would set it)",
};

/** App settings that are for the platform or a library, not bot/config.ts. */
const PLATFORM_SETTINGS = new Set([
  'AZURE_CLIENT_ID',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
  'WEBSITE_RUN_FROM_PACKAGE',
]);

describe('infrastructure (infra/*.bicep) and code agree', () => {
  it('when the containers are compared, then Bicep creates every container bot/data/containers.ts declares, with the same partition key, and no other', () => {
    const bicep = arrayObjects(varBlock(readBicep('modules/cosmos.bicep'), 'containers')).map((c) => ({
      id: literal(c.name ?? '') ?? '',
      partitionKey: literal(c.partitionKey ?? '') ?? '',
    }));
    const code = containerSpecs().map(({ id, partitionKey }) => ({ id, partitionKey }));
    const key = (c: { id: string; partitionKey: string }): string => `${c.id} ${c.partitionKey}`;
    const missing = code.filter((c) => !bicep.some((b) => key(b) === key(c)));
    assert.deepEqual(
      missing,
      [],
      `add to "var containers" in infra/modules/cosmos.bicep:\n${missing.map((c) => `  {\n    name: '${c.id}'\n    partitionKey: '${c.partitionKey}'\n  }`).join('\n')}`,
    );
    assert.deepEqual(bicep.map(key).sort(), code.map(key).sort());
  });

  it('when the app settings are loaded by the bot, then they make a valid Azure configuration: managed identity, Cosmos without a key', () => {
    const config = loadConfig(deployedEnvironment());
    assert.equal(config.bot.appType, 'UserAssignedMSI');
    assert.equal(config.bot.appId, DEPLOYED_VALUES['identity.properties.clientId']);
    assert.equal(config.bot.tenantId, DEPLOYED_VALUES['identity.properties.tenantId']);
    assert.equal(config.bot.appPassword, undefined);
    assert.deepEqual(config.cosmos, { mode: 'azure', endpoint: 'https://nlc-bot-x7q2.documents.azure.com/', key: undefined });
    assert.equal(config.cosmosDatabase, 'nlc');
    assert.equal(config.organiserAadIds.size, 2);
    assert.deepEqual([...config.allowedTenantIds], [DEPLOYED_VALUES['identity.properties.tenantId']], 'only the own tenant by default');
    assert.equal(config.host, '0.0.0.0', 'reachable by App Service, and only because tokens are checked');
    assert.equal(config.clockStart, undefined);
  });

  it('when the config schema is compared with the app settings, then every setting is either set by the Bicep or left out for a stated reason', () => {
    const set = new Set(appSettings().map(([key]) => key));
    const unaccounted = Object.keys(configSchema.shape).filter((key) => !set.has(key) && !(key in NOT_SET_IN_AZURE));
    assert.deepEqual(unaccounted, [], 'set these in infra/main.bicep appSettings, or add them to NOT_SET_IN_AZURE with the reason');
    const setButExcused = [...set].filter((key) => key in NOT_SET_IN_AZURE);
    assert.deepEqual(setButExcused, []);
    const unknown = [...set].filter((key) => !(key in configSchema.shape) && !PLATFORM_SETTINGS.has(key));
    assert.deepEqual(unknown, [], 'app settings the bot does not read');
  });

  it('when the Bicep is searched, then no secret is set or read: no keys, no passwords, no test-only settings', () => {
    const bicep = allBicep();
    for (const banned of ['listKeys', 'listConnectionStrings', 'primaryMasterKey', 'COSMOS_KEY', 'MicrosoftAppPassword', 'BOT_OPENID_METADATA_URL', 'TAB_KEYS_URL', '@secure()']) {
      assert.ok(!bicep.includes(banned), banned);
    }
    assert.equal(propertyValue(readBicep('modules/cosmos.bicep'), 'disableLocalAuth'), 'true', 'Cosmos account keys are off');
    assert.equal(literal(appSettings().find(([key]) => key === 'MicrosoftAppType')?.[1] ?? ''), 'UserAssignedMSI');
  });

  it('when App Service probes the health check path, then the bot serves it', async () => {
    const path = literal(propertyValue(readBicep('modules/app-service.bicep'), 'healthCheckPath') ?? '') ?? '';
    const bot = await startTestBot({ demoData: false });
    try {
      assert.equal((await fetch(`${bot.url}${path}`)).status, 200, path);
    } finally {
      await bot.close();
    }
  });

  it('when App Service starts the bot, then it runs npm start\'s entry point with the heap cap as a flag, over HTTPS only with Always On', () => {
    const site = readBicep('modules/app-service.bicep');
    const command = /^\s*appCommandLine: '(.+)'$/m.exec(site)?.[1] ?? '';
    const { scripts } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.equal(command, scripts.start!.replace(/^node /, 'node --max-old-space-size=${nodeHeapMb} '));
    assert.equal(propertyValue(site, 'httpsOnly'), 'true');
    assert.equal(propertyValue(site, 'alwaysOn'), 'true');
  });

  it('when the app settings are listed, then NODE_OPTIONS is not among them, so the Application Insights agent keeps its own', () => {
    assert.ok(!appSettings().some(([key]) => key === 'NODE_OPTIONS'));
    assert.ok(!allBicep().includes('NODE_OPTIONS:'), 'NODE_OPTIONS set nowhere in infra/');
  });

  it('when the deployment parameters are listed, then each has a description and a default, so a plain deployment works', () => {
    const all = params(main);
    assert.ok(all.length >= 5);
    for (const param of all) {
      assert.match(param.decorators, /@description\('.+'\)/, `${param.name} has a description`);
      assert.ok(param.defaultValue !== undefined, `${param.name} has a default`);
    }
  });
});
