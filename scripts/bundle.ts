/**
 * npm run bundle: writes build/bot.zip, what `az webapp deploy --type zip` uploads to the
 * App Service (docs/deploy.md; m365agents.yml and the deploy workflow run it too): the
 * production bundle built fresh by scripts/build.ts (dist/app.js: the bot and every
 * production package it uses in one file, no node_modules; dist/bot.js, which starts it
 * from its code cache, dist/app.js.cache; the organiser tab's page and bundle, dist/tab),
 * and package.json. App Service runs it as it is (no build on the server:
 * SCM_DO_BUILD_DURING_DEPLOYMENT=false in infra/; the start command is in
 * infra/modules/app-service.bicep).
 *
 * Production code only: the build stops if a development-only package got into the
 * bundle. The embedded Cosmos server's worker and the source map stay out of the zip:
 * the first needs a development package, the second only helps on a laptop.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { buildBundle } from './build';

const ROOT = join(__dirname, '..');

/** Built files Azure does not run: the embedded Cosmos worker (it needs a development package), source maps, esbuild's metafile. */
const LEFT_BEHIND = /^(embedded-worker\.js|meta\.json)$|\.map$/;

/** Every file under `dir` Azure runs, keyed by its path inside the zip. */
function collect(dir: string, base: string, into: Zippable): Zippable {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stat = lstatSync(path);
    if (stat.isDirectory()) collect(path, base, into);
    else if (stat.isFile() && !LEFT_BEHIND.test(entry)) into[relative(base, path).split('\\').join('/')] = readFileSync(path);
  }
  return into;
}

/**
 * package.json as the bundle carries it: without the scripts that only work with the
 * development packages (postinstall runs patch-package; prestart runs the build).
 * The dependency lists stay: the record of which versions went into dist/bot.js.
 */
export function bundlePackageJson(text: string): string {
  const pkg = JSON.parse(text) as { scripts?: Record<string, string> };
  const { postinstall: _postinstall, prestart: _prestart, ...scripts } = pkg.scripts ?? {};
  return `${JSON.stringify({ ...pkg, scripts }, null, 2)}\n`;
}

async function main(): Promise<void> {
  const staging = mkdtempSync(join(tmpdir(), 'nlc-bundle-'));
  try {
    await buildBundle(join(staging, 'dist'));
    writeFileSync(join(staging, 'package.json'), bundlePackageJson(readFileSync(join(ROOT, 'package.json'), 'utf8')));
    const zip = zipSync(collect(staging, staging, {}), { level: 6 });
    mkdirSync(join(ROOT, 'build'), { recursive: true });
    writeFileSync(join(ROOT, 'build', 'bot.zip'), zip);
    process.stdout.write(`build/bot.zip: ${(zip.length / 1024 / 1024).toFixed(1)} MB; dist/ (bot.js, app.js, app.js.cache, tab/) and package.json\n`);
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
