/**
 * npm run bundle: writes build/bot.zip, what `az webapp deploy --type zip` uploads to the
 * App Service (docs/deploy.md; m365agents.yml and the deploy workflow run it too): the
 * compiled bot and the organiser tab's bundle (dist/, built fresh so no stale file rides along), package.json and the
 * production node_modules, installed fresh from the lock file. App Service runs it as it
 * is (no build on the server: SCM_DO_BUILD_DURING_DEPLOYMENT=false in infra/).
 *
 * Production code only: `--omit=dev` leaves out the embedded Cosmos server, its patches
 * and patch-package (the bot needs them only when no COSMOS_ENDPOINT is set), and the
 * bundle stops if any development-only package got in all the same.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { buildTab } from './build-tab';
import { devOnlyPackages } from './lib/packages';

const ROOT = join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Every regular file under `dir`, keyed by its path inside the zip. Links are skipped (node_modules/.bin): nothing at run time uses them. */
function collect(dir: string, base: string, into: Zippable): Zippable {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stat = lstatSync(path);
    if (stat.isDirectory()) collect(path, base, into);
    else if (stat.isFile()) into[relative(base, path).split('\\').join('/')] = readFileSync(path);
  }
  return into;
}

/**
 * package.json as the bundle carries it: without the scripts that only work with the
 * development packages (postinstall runs patch-package; prestart builds with tsc).
 * The dependency lists stay, so `npm ci` still finds it in step with the lock file.
 */
export function bundlePackageJson(text: string): string {
  const pkg = JSON.parse(text) as { scripts?: Record<string, string> };
  const { postinstall: _postinstall, prestart: _prestart, ...scripts } = pkg.scripts ?? {};
  return `${JSON.stringify({ ...pkg, scripts }, null, 2)}\n`;
}

/** Top-level packages in a node_modules folder ("@scope/name" for scoped ones). */
function installed(modules: string): string[] {
  if (!existsSync(modules)) return [];
  return readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]));
}

async function main(): Promise<void> {
  const staging = mkdtempSync(join(tmpdir(), 'nlc-bundle-'));
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(staging, 'dist')], { stdio: 'inherit' });
    // The organiser tab's page and bundle, served by the bot from dist/tab (bot/tab-api/static.ts).
    await buildTab(join(staging, 'dist', 'tab'));
    for (const item of ['package-lock.json', '.npmrc']) cpSync(join(ROOT, item), join(staging, item));
    writeFileSync(join(staging, 'package.json'), bundlePackageJson(readFileSync(join(ROOT, 'package.json'), 'utf8')));
    execFileSync(npm, ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: staging, stdio: 'inherit' });
    const packages = installed(join(staging, 'node_modules'));
    const devOnly = devOnlyPackages(ROOT);
    const leaked = packages.filter((name) => devOnly.has(name));
    if (leaked.length > 0) throw new Error(`development-only packages in the bundle: ${leaked.join(', ')}`);
    const zip = zipSync(collect(staging, staging, {}), { level: 6 });
    mkdirSync(join(ROOT, 'build'), { recursive: true });
    writeFileSync(join(ROOT, 'build', 'bot.zip'), zip);
    process.stdout.write(`build/bot.zip: ${(zip.length / 1024 / 1024).toFixed(1)} MB; dist/, package.json and ${packages.length} production packages\n`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
