/**
 * dist/bot.js, what `npm start` and App Service run: starts the production bundle
 * (dist/app.js, scripts/build.ts) from V8's code cache. Compiling the 8 MB bundle was
 * the largest single cost of a cold start (about 0.7 s of CPU; from the cache 20 ms,
 * docs/benchmarks.md, "Closer to the limits"). The build writes a cache; a Node whose V8
 * rejects it (another version, other flags) compiles as usual and writes its own once
 * the bot has started, so the next start has it.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const APP = join(__dirname, 'app.js');
const CACHE = `${APP}.cache`;
/** By then the start has run, so the cache also holds the functions starting compiled. */
const SAVE_AFTER_MS = 5000;

function readCache(): Buffer | undefined {
  try {
    return readFileSync(CACHE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function saveCache(script: Script): void {
  try {
    writeFileSync(`${CACHE}.tmp`, script.createCachedData());
    renameSync(`${CACHE}.tmp`, CACHE);
  } catch (error) {
    // A read-only folder: every start compiles, as without a cache; the bot runs on.
    process.stderr.write(`code cache not saved (${error instanceof Error ? error.message : String(error)})\n`);
  }
}

type Wrapped = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

const cachedData = readCache();
// The bundle is ASCII (scripts/build.ts), so latin1 reads it as one-byte text, as V8 keeps it.
const script = new Script(Module.wrap(readFileSync(APP, 'latin1')), { filename: APP, cachedData });
if (!cachedData || script.cachedDataRejected) setTimeout(() => saveCache(script), SAVE_AFTER_MS).unref();
const app = { exports: {} };
(script.runInThisContext() as Wrapped)(app.exports, createRequire(APP), app, APP, __dirname);
