/**
 * npm run build: the production bundle, what `npm start`, the benchmarks and Azure run.
 * esbuild puts the bot and every production package it uses into one file, dist/app.js
 * (started by dist/bot.js, bot/launch.ts, from the V8 code cache written here beside it),
 * the embedded Cosmos server's worker into dist/embedded-worker.js (its server package
 * stays outside: a development dependency, needed only with no COSMOS_ENDPOINT), and the
 * organiser tab into dist/tab (scripts/build-tab.ts), which the bot serves.
 *
 * Why one file (docs/benchmarks.md, "Closer to the limits"): Node loading 2,800 files
 * (main's start, counted in require.cache) took most of the start, and teams-ai's AI system and sign-in code,
 * which the bot never uses, brought in openai, tokenizers and botbuilder-dialogs. The
 * bundle leaves those out and throws if anything reaches them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { buildTab } from './build-tab';
import { devOnlyPackages, packageOfFile } from './lib/packages';
import { startFlags } from './lib/start-flags';

const ROOT = join(__dirname, '..');

/** teams-ai modules the bot never reaches (the patch in patches/ loads them only when an Application option asks). */
export const LEFT_OUT = [/@microsoft\/teams-ai\/lib\/AI\.js$/, /@microsoft\/teams-ai\/lib\/authentication\//];

const leaveOut: Plugin = {
  name: 'leave-out',
  setup(builder) {
    builder.onLoad({ filter: /@microsoft[\\/]teams-ai[\\/]lib[\\/].*\.js$/ }, (args) => {
      const path = args.path.replace(/\\/g, '/');
      if (!LEFT_OUT.some((pattern) => pattern.test(path))) return undefined;
      const name = path.slice(path.indexOf('@microsoft/'));
      return { contents: `throw new Error(${JSON.stringify(`${name} is left out of the production bundle (scripts/build.ts)`)});`, loader: 'js' };
    });
  },
};

/** Packages from node_modules in a build: a development-only one would be missing where Azure runs the bundle. */
function devPackagesIn(metafile: Metafile, root: string): string[] {
  const devOnly = devOnlyPackages(root);
  const used = Object.keys(metafile.inputs).map((file) => packageOfFile(file));
  return [...new Set(used.filter((name): name is string => !!name && devOnly.has(name)))];
}

/**
 * esbuild writes strings as ASCII but leaves regular expression literals as they are, and
 * a few (zod's, fast-redact's, tiny-case's) hold characters such as '’': one such
 * character and V8 keeps the whole 8 MB source as a two-byte string, 16 MB of heap for
 * the process's life. A \uXXXX escape means the same in a regular expression, with or
 * without the u flag, and in the strings and identifiers esbuild already escaped.
 */
export const asciiOnly = (code: string): string => code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Builds dist/ in `outDir` (default: the repository's dist/); returns the bundle's size in bytes. */
export async function buildBundle(outDir = join(ROOT, 'dist')): Promise<number> {
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    // bot.js (bot/launch.ts) starts app.js, the bot, from V8's code cache.
    entryPoints: { bot: 'bot/launch.ts', app: 'bot/index.ts', 'embedded-worker': 'bot/data/cosmos/embedded-worker.js' },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The server only the embedded worker loads, and restify's optional DTrace probes.
    external: ['@vercel/cosmosdb-server', 'dtrace-provider'],
    // Readable stack traces in production logs: names and lines stay, only whitespace goes.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'error',
    plugins: [leaveOut],
  });
  const leaked = devPackagesIn(result.metafile, ROOT);
  if (leaked.length > 0) throw new Error(`development-only packages in the bundle: ${leaked.join(', ')}`);
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.path.endsWith('.js') ? asciiOnly(file.text) : file.contents);
  }
  writeFileSync(join(outDir, 'meta.json'), JSON.stringify(result.metafile));
  // Compiled as bot/launch.ts compiles it, under npm start's flags (V8 rejects a cache made
  // under other V8 flags); a Node that rejects this cache anyway writes its own.
  const app = join(outDir, 'app.js');
  writeCodeCache(app);
  await buildTab(join(outDir, 'tab'));
  return result.metafile.outputs[relative(ROOT, app).replace(/\\/g, '/')]?.bytes ?? 0;
}

/** A child Node with npm start's flags compiles the bundle and writes its code cache. */
function writeCodeCache(app: string): void {
  const compile = `const { Script } = require('node:vm'); const fs = require('node:fs');
    fs.writeFileSync(process.argv[1] + '.cache', new Script(require('node:module').wrap(fs.readFileSync(process.argv[1], 'latin1')), { filename: process.argv[1] }).createCachedData());`;
  execFileSync(process.execPath, [...startFlags(), '-e', compile, app], { stdio: 'inherit' });
}

if (require.main === module) {
  buildBundle().then(
    (bytes) => process.stdout.write(`dist/app.js: ${(bytes / 1024 / 1024).toFixed(1)} MB\n`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
