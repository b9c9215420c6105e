import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allBicep, literal, outputs, propertyValue, readBicep, varBlock } from '../helpers/bicep';
import { appSettings, main, readRepoFile, ROOT } from '../helpers/infra';

const site = readBicep('modules/app-service.bicep');
const monitoring = readBicep('modules/monitoring.bicep');
const alerts = readBicep('modules/alerts.bicep');
const setting = (key: string): string | undefined => appSettings().find(([k]) => k === key)?.[1];

/** Every .ts file under bot/, as one text: where the log messages the alerts count must come from. */
function botSource(dir = join(ROOT, 'bot')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => (entry.isDirectory() ? botSource(join(dir, entry.name)) : entry.name.endsWith('.ts') ? readFileSync(join(dir, entry.name), 'utf8') : ''))
    .join('\n');
}

/** The msg values a KQL text filters on (msg) == "..." or in ("...", ...). */
const loggedMessages = (kql: string): string[] =>
  [...kql.matchAll(/msg\)? (?:==|in) \(?((?:"[^"]+"(?:, )?)+)\)?/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((q) => q[1]!));

describe('infrastructure hardening and operations (infra/)', () => {
  it('when the site is deployed, then FTP and SCM basic publishing credentials are off and FTP is disabled', () => {
    for (const kind of ['ftp', 'scm']) {
      assert.match(site, new RegExp(`basicPublishingCredentialsPolicies@[^']+' = \\{\\s+parent: site\\s+name: '${kind}'\\s+properties: \\{\\s+allow: false`), kind);
    }
    assert.equal(literal(propertyValue(site, 'ftpsState') ?? ''), 'Disabled');
  });

  it('when the site runs, then it runs from the uploaded package and health-checks /healthz', () => {
    assert.equal(literal(setting('WEBSITE_RUN_FROM_PACKAGE') ?? ''), '1');
    assert.equal(literal(setting('SCM_DO_BUILD_DURING_DEPLOYMENT') ?? ''), 'false');
    assert.equal(literal(propertyValue(site, 'healthCheckPath') ?? ''), '/healthz');
  });

  it('when telemetry is sent, then Application Insights takes it only from Entra ID, as the bot identity with the publisher role', () => {
    assert.equal(propertyValue(monitoring, 'DisableLocalAuth'), 'true');
    assert.match(monitoring, /metricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'/);
    assert.match(monitoring, /principalId: publisherPrincipalId\s+\/\/[^\n]*\n(\s+\/\/[^\n]*\n)*\s+principalType: 'ServicePrincipal'/);
    assert.equal(setting('APPLICATIONINSIGHTS_AUTHENTICATION_STRING'), "'Authorization=AAD;ClientId=${identity.properties.clientId}'");
    assert.equal(setting('AZURE_CLIENT_ID'), 'identity.properties.clientId', 'the same identity');
  });

  it('when Cosmos DB is deployed, then it keeps continuous backups for 7 days', () => {
    const cosmos = readBicep('modules/cosmos.bicep');
    assert.equal(literal(propertyValue(cosmos, 'type') ?? ''), 'Continuous');
    assert.equal(literal(propertyValue(cosmos, 'tier') ?? ''), 'Continuous7Days');
  });

  it('when the bot host is needed, then PUBLIC_URL, the messaging endpoint and the BOT_DOMAIN output all take the site\'s own host name', () => {
    assert.match(main, /^var botHost = web\.outputs\.defaultHostName$/m);
    assert.equal(setting('PUBLIC_URL'), "'https://${botHost}'");
    assert.match(main, /messagingEndpoint: 'https:\/\/\$\{botHost\}\/api\/messages'/);
    assert.equal(outputs(main).find((o) => o.name === 'BOT_DOMAIN')?.expression, 'botHost');
    assert.ok(!allBicep().includes('azurewebsites.net'), 'no host name built by hand');
    const manifest = JSON.parse(readRepoFile('manifest/manifest.json')) as { validDomains: string[] };
    assert.deepEqual(manifest.validDomains, ['${{BOT_DOMAIN}}']);
  });

  it('when app settings are deployed, then they are one resource holding main.bicep\'s list, which replaces every setting', () => {
    const settings = readBicep('modules/app-settings.bicep');
    assert.match(settings, /'Microsoft\.Web\/sites\/config@[^']+' = \{\s+parent: site\s+name: 'appsettings'\s+properties: appSettings/);
    assert.match(main, /module settings 'modules\/app-settings\.bicep' = \{[^}]+appSettings: appSettings/);
    assert.ok(!site.includes('appSettings'), 'the site itself sets none, so there is one list');
    assert.ok(varBlock(main, 'appSettings').length > 0);
  });

  it('when something goes wrong, then alerts cover 5xx answers, failed health checks, restarts and failed broadcasts', () => {
    for (const metric of ['Http5xx', 'HealthCheckStatus']) assert.match(alerts, new RegExp(`metricName: '${metric}'`));
    for (const alert of ['restarts', 'broadcast-failures']) assert.match(alerts, new RegExp(`suffix: '${alert}'`));
    assert.match(alerts, /actionGroups: \[\s+actionGroup\.id/);
    assert.match(monitoring, /module alerts 'alerts\.bicep'/);
  });

  it('when the log alerts and the saved queries count log lines, then each message they look for is one the bot writes', () => {
    const source = botSource();
    const queried = [...loggedMessages(alerts), ...loggedMessages(readRepoFile('docs/operations.md'))];
    assert.ok(queried.length >= 5, queried.join(', '));
    assert.deepEqual([...new Set(queried)].filter((msg) => !source.includes(`'${msg}'`)), []);
  });
});
