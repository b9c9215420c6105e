import { TAB_SCOPE } from '../../bot/tab-api/identity';
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { outputs, params } from '../helpers/bicep';
import { envFile, main, packageJson, readRepoFile, readYaml, ROOT, toolkitPlaceholders } from '../helpers/infra';
import { toolkitProject, type ToolkitProject, type ToolkitStep } from '../helpers/toolkit-schema';

const project = (file: string): ToolkitProject => {
  const parsed = toolkitProject.safeParse(readYaml(file));
  assert.ok(parsed.success, `${file}: ${parsed.error?.message}`);
  return parsed.data;
};
const steps = (p: ToolkitProject): ToolkitStep[] => [...(p.provision ?? []), ...(p.deploy ?? []), ...(p.publish ?? [])];
const find = <U extends ToolkitStep['uses']>(list: ToolkitStep[] | undefined, uses: U) =>
  (list ?? []).filter((step): step is Extract<ToolkitStep, { uses: U }> => step.uses === uses);

/** Variables the toolkit sets itself, or writes to the git-ignored env/.env.<env>.user. */
const SUPPLIED_BY_TOOLKIT = new Set(['SECRET_BOT_PASSWORD']);

describe('Agents Toolkit project (m365agents.yml, env/, manifest/)', () => {
  it('when m365agents.yml is read, then it provisions infra/main.bicep with its parameters file, deploys the bundle and publishes the app package', () => {
    const dev = project('m365agents.yml');
    const [arm] = find(dev.provision, 'arm/deploy');
    const template = arm?.with.templates[0];
    assert.equal(template?.path, './infra/main.bicep');
    assert.ok(existsSync(join(ROOT, template.parameters ?? '')), template?.parameters);
    assert.ok(find(dev.provision, 'teamsApp/update').length === 1 && find(dev.publish, 'teamsApp/publishAppPackage').length === 1);
    const zips = find(dev.provision, 'teamsApp/zipAppPackage').concat(find(dev.publish, 'teamsApp/zipAppPackage'));
    assert.ok(zips.length === 2 && zips.every((z) => z.with.manifestPath === './manifest/manifest.json'));
    assert.deepEqual(find(dev.deploy, 'cli/runNpmCommand').map((s) => s.with.args), ['ci --no-audit --no-fund', 'run bundle']);
  });

  it('when the bundle is uploaded, then az puts build/bot.zip on the App Service main.bicep outputs, not the basic-credential zipDeploy', () => {
    const dev = project('m365agents.yml');
    const [upload] = find(dev.deploy, 'script');
    assert.match(upload?.with.run ?? '', /^az webapp deploy .*--name \$\{\{AZURE_APP_SERVICE_NAME\}\} --src-path build\/bot\.zip --type zip$/);
    assert.ok(readRepoFile('scripts/bundle.ts').includes("join(ROOT, 'build', 'bot.zip')"), 'npm run bundle writes build/bot.zip');
    assert.ok(outputs(main).some((o) => o.name === 'AZURE_APP_SERVICE_NAME'));
    assert.ok(!steps(dev).some((s) => (s.uses as string) === 'azureAppService/zipDeploy'));
  });

  it('when a step has a key or misses one the toolkit schema v1.11 does not allow, then the structural check refuses it', () => {
    // Guards the guard: the project checks above would pass vacuously if nothing were checked.
    const withStep = (step: unknown) => toolkitProject.safeParse({ version: 'v1.11', deploy: [step] }).success;
    assert.ok(withStep({ uses: 'script', with: { run: 'true' } }));
    assert.ok(!withStep({ uses: 'script', with: { run: 'true', runs: 'x' } }), 'unknown key');
    assert.ok(!withStep({ uses: 'teamsApp/create', with: { name: 'x' } }), 'writeToEnvironmentFile missing');
    assert.ok(!withStep({ uses: 'azureAppService/zipDeplo', with: {} }), 'unknown action');
  });

  it('when the parameters file is read, then it sets only parameters main.bicep declares', () => {
    const file = JSON.parse(readRepoFile('infra/main.parameters.json')) as { parameters: Record<string, unknown> };
    const declared = new Set(params(main).map((p) => p.name));
    assert.deepEqual(Object.keys(file.parameters).filter((name) => !declared.has(name)), []);
  });

  it('when provision writes the outputs of main.bicep, then each has an upper-case name env/.env.dev lists', () => {
    const dev = envFile('env/.env.dev');
    for (const { name } of outputs(main)) {
      assert.match(name, /^[A-Z][A-Z0-9_]*$/, `${name}: the toolkit upper-cases output names`);
      assert.ok(dev.has(name), `${name} in env/.env.dev`);
    }
  });

  it('when a lifecycle file, the parameters file or the manifest uses a variable, then its environment file defines it', () => {
    const uses = (files: readonly string[]): string[] => [...new Set(files.flatMap((file) => toolkitPlaceholders(readRepoFile(file))))];
    const shared = ['manifest/manifest.json'];
    for (const [env, files] of [
      ['env/.env.dev', ['m365agents.yml', 'infra/main.parameters.json', 'infra/entra/tab-app.json', ...shared]],
      ['env/.env.local', ['m365agents.local.yml', 'infra/entra/tab-app.json', ...shared]],
    ] as const) {
      const defined = envFile(env);
      assert.deepEqual(uses(files).filter((name) => !defined.has(name) && !SUPPLIED_BY_TOOLKIT.has(name)), [], env);
    }
  });

  it('when local debugging writes .localConfigs, then the bot reads it with npm run dev:teams and starts on loopback with those settings', () => {
    const local = project('m365agents.local.yml');
    const [file] = find(local.deploy, 'file/createOrUpdateEnvironmentFile');
    assert.equal(file?.with.target, './.localConfigs');
    assert.ok(packageJson.scripts['dev:teams']?.includes('--env-file=.localConfigs'));
    assert.ok(packageJson.scripts['dev:teams']?.endsWith(packageJson.scripts.start!.replace(/^node /, '')), 'the same entry point as npm start');
    const sample: Record<string, string> = { BOT_ID: '0d4c5a2e-7b1f-4e3a-9c8d-2f6e1a0b3c4d', SECRET_BOT_PASSWORD: 'a secret', BOT_ENDPOINT: 'https://abc123-3978.euw.devtunnels.ms', ORGANISER_AAD_IDS: '' };
    const env = Object.fromEntries(Object.entries(file.with.envs).map(([key, value]) => [key, String(value).replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => sample[name] ?? '')]));
    const config = loadConfig(env);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.bot.appId, sample.BOT_ID);
    assert.equal(config.publicUrl, sample.BOT_ENDPOINT);
    assert.equal(config.cosmos.mode, 'embedded');
    const [framework] = find(local.provision, 'botFramework/create');
    assert.equal(framework?.with.messagingEndpoint, '${{BOT_ENDPOINT}}/api/messages');
  });

  it('when the tab\'s app registration is applied, then it exposes the scope the bot requires at the manifest\'s resource, with Teams\' clients pre-authorised', () => {
    const app = JSON.parse(readRepoFile('infra/entra/tab-app.json')) as { identifierUris: string[]; accessTokenAcceptedVersion: number; oauth2Permissions: { id: string; value: string; isEnabled: boolean }[]; preAuthorizedApplications: { appId: string; permissionIds: string[] }[] };
    const manifest = JSON.parse(readRepoFile('manifest/manifest.json')) as { webApplicationInfo: { id: string; resource: string } };
    assert.deepEqual(app.identifierUris, [manifest.webApplicationInfo.resource]);
    const scope = app.oauth2Permissions.find((p) => p.value === TAB_SCOPE && p.isEnabled);
    assert.ok(scope, `the ${TAB_SCOPE} scope`);
    assert.deepEqual(app.preAuthorizedApplications.map((p) => [p.appId, p.permissionIds]).sort(), [
      ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', [scope.id]],
      ['5e3ce6c0-2b1f-4285-8d4b-75ee78787346', [scope.id]],
    ]);
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const steps = project(file).provision ?? [];
      const create = steps.findIndex((s) => s.uses === 'aadApp/create' && (s.writeToEnvironmentFile as { clientId?: string } | undefined)?.clientId === 'TAB_APP_ID');
      const update = steps.findIndex((s) => s.uses === 'aadApp/update' && s.with.manifestPath === './infra/entra/tab-app.json');
      const zip = steps.findIndex((s) => s.uses === 'teamsApp/zipAppPackage');
      assert.ok(create >= 0 && create < update && update < zip, `${file}: register, then apply the registration, then package`);
    }
  });

  it('when the environments name the app version, then it is package.json\'s', () => {
    for (const env of ['env/.env.dev', 'env/.env.local']) assert.equal(envFile(env).get('TEAMS_APP_VERSION'), packageJson.version, env);
  });

  it('when VS Code debugs in Teams, then its tasks tunnel port 3978, provision and deploy locally and start npm run dev:teams', () => {
    const tasks = JSON.parse(readRepoFile('.vscode/tasks.json')) as { tasks: { label: string; command?: string; args?: { env?: string; ports?: { portNumber: number }[] } }[] };
    const byCommand = (command: string) => tasks.tasks.find((t) => t.command === command);
    assert.equal(byCommand('debug-start-local-tunnel')?.args?.ports?.[0]?.portNumber, 3978);
    assert.equal(byCommand('provision')?.args?.env, 'local');
    assert.equal(byCommand('deploy')?.args?.env, 'local');
    assert.ok(byCommand('npm run dev:teams'));
    const launch = readRepoFile('.vscode/launch.json');
    assert.match(launch, /"port": 9239/);
    assert.ok(packageJson.scripts['dev:teams']?.includes('--inspect=9239'));
  });
});
