import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../bot/config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return [...error.problems];
  }
};

describe('configuration', () => {
  it('when nothing is set, then the bot runs locally on 3978, loopback only, on the embedded store', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3978);
    assert.equal(config.host, '127.0.0.1');
    assert.deepEqual(config.cosmos, { mode: 'embedded', port: 0, dataDir: resolve('.data'), saveIntervalMs: 5000 });
    assert.equal(config.bot.appId, undefined);
    assert.equal(config.clockStart?.toISOString(), '2024-04-23T08:00:00.000Z');
  });

  it('when several values are bad, then one error names every bad key', () => {
    const problems = problemsOf({ PORT: 'abc', COSMOS_ENDPOINT: 'not a url', ORGANISER_AAD_IDS: 'x', LOG_LEVEL: 'loud' });
    const keys = problems.map((p) => p.split(':')[0]);
    assert.deepEqual(keys.sort(), ['COSMOS_ENDPOINT', 'LOG_LEVEL', 'ORGANISER_AAD_IDS.0', 'PORT']);
  });

  it('when an app id is set without a password, then start-up stops and says so', () => {
    const problems = problemsOf({ MicrosoftAppId: '00000000-0000-4000-8000-000000000001' });
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^MicrosoftAppPassword: required/);
  });

  it('when there is no app id and HOST is not loopback, then start-up stops and says why', () => {
    const problems = problemsOf({ HOST: '0.0.0.0' });
    assert.match(problems[0] ?? '', /^HOST: without MicrosoftAppId .* loopback only/);
  });

  it('when a secret is wrong, then the message does not repeat it', () => {
    const problems = problemsOf({ COSMOS_KEY: 'super-secret-value' });
    assert.ok(problems.every((p) => !p.includes('super-secret-value')));
  });

  it('when DATA_DIR is "memory", then nothing is kept; otherwise the directory is made absolute', () => {
    const memory = loadConfig({ DATA_DIR: 'memory' });
    assert.equal(memory.cosmos.mode === 'embedded' && memory.cosmos.dataDir, undefined);
    const kept = loadConfig({ DATA_DIR: 'var/nlc', DATA_SAVE_SECONDS: '2' });
    assert.deepEqual(kept.cosmos, { mode: 'embedded', port: 0, dataDir: resolve('var/nlc'), saveIntervalMs: 2000 });
  });

  it('when organiser ids are listed, then they are kept as a lower-case set', () => {
    const config = loadConfig({ ORGANISER_AAD_IDS: ' ABCDEF00-0000-4000-8000-000000000001 , 00000000-0000-4000-8000-000000000002,' });
    assert.deepEqual([...config.organiserAadIds], ['abcdef00-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
  });

  it('when a Cosmos endpoint is set, then no demo clock applies and CLOCK_START is refused', () => {
    const config = loadConfig({ COSMOS_ENDPOINT: 'https://nlc.documents.azure.com:443/' });
    assert.equal(config.clockStart, undefined);
    assert.deepEqual(config.cosmos, { mode: 'azure', endpoint: 'https://nlc.documents.azure.com/', key: undefined });
    assert.match(problemsOf({ COSMOS_ENDPOINT: 'https://nlc.documents.azure.com/', CLOCK_START: '2024-04-23T08:00:00Z' })[0] ?? '', /^CLOCK_START/);
  });

  it('when PUBLIC_URL is set, then links use it without a trailing slash, and plain http is refused off loopback', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://nlc-bot.example.org/' }).publicUrl, 'https://nlc-bot.example.org');
    assert.equal(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3978' }).publicUrl, 'http://127.0.0.1:3978');
    assert.equal(loadConfig({}).publicUrl, undefined);
    assert.match(problemsOf({ PUBLIC_URL: 'http://nlc-bot.example.org' })[0] ?? '', /^PUBLIC_URL: download links carry secrets/);
  });

  it('when broadcast settings are not set, then Teams\' 50 requests a second and 16 in flight apply; nonsense is refused', () => {
    assert.deepEqual(loadConfig({}).broadcast, { maxRps: 50, concurrency: 16 });
    assert.deepEqual(loadConfig({ BROADCAST_MAX_RPS: '200', BROADCAST_CONCURRENCY: '32' }).broadcast, { maxRps: 200, concurrency: 32 });
    const keys = problemsOf({ BROADCAST_MAX_RPS: '0', BROADCAST_CONCURRENCY: 'lots' }).map((p) => p.split(':')[0]);
    assert.deepEqual(keys.sort(), ['BROADCAST_CONCURRENCY', 'BROADCAST_MAX_RPS']);
  });

  it('when Graph install is not set, then it is off and the public Graph is used; when on, it needs the catalogue id, a tenant for tokens, and https', () => {
    assert.deepEqual(loadConfig({}).graph, { install: false, catalogAppId: undefined, endpoint: 'https://graph.microsoft.com' });
    const catalog = '6B1D7E3A-2F4C-4D9E-8A1B-3C5D7E9F0A2B';
    assert.deepEqual(loadConfig({ GRAPH_INSTALL: 'true', TEAMS_APP_CATALOG_ID: catalog }).graph, { install: true, catalogAppId: catalog.toLowerCase(), endpoint: 'https://graph.microsoft.com' });
    const keysOf = (env: Record<string, string>) => problemsOf(env).map((p) => p.split(':')[0]).sort();
    assert.deepEqual(keysOf({ GRAPH_INSTALL: 'true' }), ['TEAMS_APP_CATALOG_ID']);
    assert.deepEqual(keysOf({ GRAPH_INSTALL: 'yes', TEAMS_APP_CATALOG_ID: 'not-a-guid' }), ['GRAPH_INSTALL', 'TEAMS_APP_CATALOG_ID']);
    const appId = { MicrosoftAppId: '3c9f1e2a-5b7d-4c8e-9f0a-1b2c3d4e5f60', MicrosoftAppPassword: 'x' };
    assert.deepEqual(keysOf({ ...appId, GRAPH_INSTALL: 'true', TEAMS_APP_CATALOG_ID: catalog }), ['MicrosoftAppTenantId']);
    assert.deepEqual(keysOf({ GRAPH_ENDPOINT: 'http://graph.example.com' }), ['GRAPH_ENDPOINT']);
    assert.equal(loadConfig({ GRAPH_ENDPOINT: 'http://127.0.0.1:9999/' }).graph.endpoint, 'http://127.0.0.1:9999');
  });
});
