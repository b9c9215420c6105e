/**
 * npm run package [-- --env-file FILE] [--out DIR]
 *
 * Writes build/appPackage.zip (manifest/manifest.json filled in, and the icons) to upload
 * to Teams, and
 * build/manifest.json to read. Settings come from the environment; an env file (default
 * .env, if present) fills in whatever the environment does not set.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../bot/config';
import { buildAppPackage } from '../manifest/app-package';
import { botCommands } from '../manifest/commands';
import { loadPackageSettings } from '../manifest/settings';

const ROOT = join(__dirname, '..');

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  if (!value) throw new Error(`${name} needs a value`);
  return value;
};

async function main(): Promise<void> {
  const givenEnvFile = option('--env-file');
  if (givenEnvFile && !existsSync(givenEnvFile)) throw new Error(`--env-file: no such file ${givenEnvFile}`);
  const envFile = givenEnvFile ?? join(ROOT, '.env');
  // process.loadEnvFile keeps variables the environment already has.
  if (existsSync(envFile)) process.loadEnvFile(envFile);

  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const settings = loadPackageSettings(process.env, version);
  const commands = botCommands();
  const { manifest, zip } = await buildAppPackage(settings, commands);

  const out = option('--out') ?? join(ROOT, 'build');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'appPackage.zip'), zip);
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(
    `${join(out, 'appPackage.zip')}: app ${manifest.id} v${manifest.version}, bot ${settings.BOT_ID} at ${settings.BOT_DOMAIN}, ` +
      `commands: ${commands.map((c) => c.name).join(', ')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
