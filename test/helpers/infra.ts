import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { literal, objectEntries, params, readBicep, varBlock, varExpression } from './bicep';

/**
 * The deployment files read together (infra/, m365agents*.yml, env/, workflows,
 * package.json), for the tests that check they agree with each other and with the code.
 */
export const ROOT = join(__dirname, '../..');
export const readRepoFile = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
export const readYaml = (file: string): unknown => parse(readRepoFile(file)) as unknown;

export const main = readBicep('main.bicep');

export const packageJson = JSON.parse(readRepoFile('package.json')) as { version: string; engines: { node: string }; scripts: Record<string, string> };

/** The Node major versions package.json's engines admits, e.g. [20, 22, 24]. */
export const engineMajors = (): number[] => [...packageJson.engines.node.matchAll(/\^(\d+)\./g)].map((m) => Number(m[1])).sort((a, b) => a - b);

/** KEY=value lines of an env file (env/.env.dev, env/.env.local). */
export function envFile(file: string): Map<string, string> {
  return new Map([...readRepoFile(file).matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** Every ${{NAME}} a toolkit file uses. */
export const toolkitPlaceholders = (text: string): string[] => [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!))];

/** What the Bicep expressions in appSettings hold once deployed, to check them against the schema. */
export const DEPLOYED_VALUES: Record<string, string> = {
  'identity.properties.clientId': '3c9f1e2a-5b7d-4c8e-9f0a-1b2c3d4e5f60',
  'identity.properties.tenantId': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  'cosmos.outputs.endpoint': 'https://nlc-bot-x7q2.documents.azure.com:443/',
  validOrganiserIds: '00000000-0000-4000-8000-000000000001,00000000-0000-4000-8000-000000000002',
  // The parameter's default: no list, so the managed identity's tenant applies.
  validTenantIds: '',
  // What aadApp/create registered for the tab (m365agents.yml).
  validTabAppId: '9b6d1f3e-2a4c-4e8b-9c1d-7f2e3a4b5c6d',
  // The parameters' defaults: Graph install off, so no catalogue id.
  "graphInstall ? 'true' : 'false'": 'false',
  validTeamsAppCatalogId: '',
  'monitoring.outputs.appInsightsConnectionString': 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
  "'https://${botHost}'": 'https://nlc-bot-x7q2.azurewebsites.net',
  "'Authorization=AAD;ClientId=${identity.properties.clientId}'": 'Authorization=AAD;ClientId=3c9f1e2a-5b7d-4c8e-9f0a-1b2c3d4e5f60',
};

/** `var validX = isX(param) ? param : fail(...)`: the parameter a checked value passes through. */
export const checkedParam = (variable: string): string | undefined =>
  /^\w+\((\w+)\) \? (\w+) : fail\(/.exec(varExpression(main, variable))?.[2];

export const appSettings = (): [string, string][] => objectEntries(varBlock(main, 'appSettings'));

/** The environment App Service gives the bot: literals as written, parameters at their defaults, outputs as deployed. */
export function deployedEnvironment(): Record<string, string> {
  const defaults = new Map(params(main).map((p) => [p.name, p.defaultValue]));
  return Object.fromEntries(
    appSettings().map(([key, expression]) => {
      // string(intParam): a number parameter at its default, as App Service gets it.
      const asString = /^string\((\w+)\)$/.exec(expression)?.[1];
      const numberDefault = asString ? /^\d+$/.exec(defaults.get(asString) ?? '')?.[0] : undefined;
      const checked = /^valid\w+$/.test(expression) && !(expression in DEPLOYED_VALUES) ? checkedParam(expression) : undefined;
      const param = checked ?? expression;
      const value = literal(expression) ?? literal(defaults.get(param) ?? '') ?? numberDefault ?? DEPLOYED_VALUES[expression];
      if (value === undefined) throw new Error(`${key}: add what "${expression}" holds once deployed to DEPLOYED_VALUES`);
      return [key, value];
    }),
  );
}

