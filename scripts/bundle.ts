/**
 * npm run bundle: writes build/bot.zip, what `az webapp deploy --type zip` uploads to the
 * App Service (docs/deploy.md; m365agents.yml and the deploy workflow run it too): the
 * production bundle built fresh by scripts/build.ts (dist/app.js: the bot and every
 * production package it uses in one file, no node_modules; dist/bot.js, which starts it
 * from its code cache, dist/app.js.cache), and package.json. App
 * Service runs it as it is (no build on the server: SCM_DO_BUILD_DURING_DEPLOYMENT=false
 * in infra/; the start command is in infra/modules/app-service.bicep).
 *
 * Production code only: the build stops if a development-only package got into the
 * bundle. The embedded Cosmos server's worker and the source map stay out of the zip:
 * the first needs a development package, the second only helps on a laptop.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { buildBundle } from './build';

const ROOT = join(__dirname, '..');

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
    const zip = zipSync(
      {
        ...Object.fromEntries(['bot.js', 'app.js', 'app.js.cache'].map((file) => [`dist/${file}`, readFileSync(join(staging, 'dist', file))])),
        'package.json': Buffer.from(bundlePackageJson(readFileSync(join(ROOT, 'package.json'), 'utf8'))),
      },
      { level: 6 },
    );
    mkdirSync(join(ROOT, 'build'), { recursive: true });
    writeFileSync(join(ROOT, 'build', 'bot.zip'), zip);
    process.stdout.write(`build/bot.zip: ${(zip.length / 1024 / 1024).toFixed(1)} MB; dist/bot.js, app.js, app.js.cache and package.json\n`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
