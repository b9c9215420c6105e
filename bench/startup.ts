/**
 * npm run bench:startup: the production bundle's cold start and idle memory.
 *
 * The store is already running (the embedded Cosmos server in its own process, reached
 * with COSMOS_ENDPOINT, as Azure Cosmos DB is for the deployed bot). Each round starts
 * `node dist/bot.js` and measures:
 *   cold start  from the spawn to the first 200 from /healthz (polled every 5 ms)
 *   idle RSS    the process's resident memory IDLE_SECONDS (10) after that, nothing sent
 * In the same round it starts the floor: bare Node answering every request with 200 (how
 * long any Node process takes to start on this machine at this moment; a shared machine's
 * load moves it several-fold). BASELINE_SCRIPT names another build of the bot (e.g. the tsc output of the same source,
 * `npx tsc -p tsconfig.build.json --outDir build/tsc`, then BASELINE_SCRIPT=build/tsc/bot/index.js),
 * started right after in the same round, for ratios on a shared machine.
 * Options (env): ROUNDS (3), IDLE_SECONDS (10), SCRIPT (dist/bot.js).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { EMBEDDED_KEY } from '../bot/data/cosmos/client';
import { startStoreProcess } from '../test/helpers/bot-process';
import { freePort, ROOT } from './lib/processes';
import { median, round, targetLine } from './lib/stats';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const IDLE_SECONDS = Number(process.env.IDLE_SECONDS ?? 10);
const SCRIPT = process.env.SCRIPT ?? 'dist/bot.js';
const BASELINE_SCRIPT = process.env.BASELINE_SCRIPT;
const COLD_START_TARGET_MS = 1000;
const IDLE_RSS_TARGET_MB = 100;

interface Start {
  coldMs: number;
  idleRssMb: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}

/** Bare Node with an HTTP server: the floor a bot's start cannot go under. */
const FLOOR = ['-e', "require('node:http').createServer((q, s) => s.end()).listen(Number(process.env.PORT), '127.0.0.1')"];

async function measure(script: string, endpoint: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...(script === 'floor' ? FLOOR : [script])], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), COSMOS_ENDPOINT: endpoint, COSMOS_KEY: EMBEDDED_KEY, COSMOS_DATABASE: 'nlc', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode})`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
      if (ok) break;
      if (performance.now() - started > 30_000) throw new Error(`${script} did not answer /healthz in 30 s`);
      await sleep(5);
    }
    const coldMs = performance.now() - started;
    await sleep(IDLE_SECONDS * 1000);
    return { coldMs, idleRssMb: rssMb(child.pid ?? 0) };
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}

const describe = (label: string, s: Start): string => `  ${label}: cold start ${round(s.coldMs, 0)} ms, idle RSS ${round(s.idleRssMb, 1)} MB`;

async function main(): Promise<void> {
  const store = await startStoreProcess();
  const bundle: Start[] = [];
  const floor: Start[] = [];
  const baseline: Start[] = [];
  try {
    // The first start creates the database and containers; the rounds measure a store that already has them.
    await measure(SCRIPT, store.endpoint);
    for (let r = 1; r <= ROUNDS; r++) {
      bundle.push(await measure(SCRIPT, store.endpoint));
      floor.push(await measure('floor', store.endpoint));
      console.log(`round ${r}\n${describe(SCRIPT, bundle.at(-1)!)}\n${describe('floor (bare Node HTTP server)', floor.at(-1)!)}`);
      if (BASELINE_SCRIPT) {
        baseline.push(await measure(BASELINE_SCRIPT, store.endpoint));
        const [b, a] = [baseline.at(-1)!, bundle.at(-1)!];
        console.log(`${describe(BASELINE_SCRIPT, b)}\n  ratio (bundle / baseline): cold start ${round(a.coldMs / b.coldMs, 2)}, idle RSS ${round(a.idleRssMb / b.idleRssMb, 2)}`);
      }
    }
  } finally {
    await store.stop();
  }
  const cold = median(bundle.map((s) => s.coldMs));
  const rss = median(bundle.map((s) => s.idleRssMb));
  console.log(`\nsummary (medians of ${ROUNDS} rounds, ${SCRIPT})`);
  console.log(targetLine('cold start to the first 200 from /healthz', `${round(cold, 0)} ms`, `< ${COLD_START_TARGET_MS} ms`, cold < COLD_START_TARGET_MS));
  console.log(targetLine(`idle RSS ${IDLE_SECONDS} s after start`, `${round(rss, 1)} MB`, `< ${IDLE_RSS_TARGET_MB} MB`, rss < IDLE_RSS_TARGET_MB));
  const overFloor = (pick: (s: Start) => number): number => round(median(bundle.map((s, i) => pick(s) / pick(floor[i]!))), 2);
  console.log(`  the floor (bare Node HTTP server): cold start ${round(median(floor.map((s) => s.coldMs)), 0)} ms, idle RSS ${round(median(floor.map((s) => s.idleRssMb)), 1)} MB; the bot over the floor, median of the rounds' ratios: cold start ${overFloor((s) => s.coldMs)}, idle RSS ${overFloor((s) => s.idleRssMb)}`);
  if (baseline.length > 0) {
    const ratio = (pick: (s: Start) => number): number => round(median(bundle.map((s, i) => pick(s) / pick(baseline[i]!))), 2);
    console.log(`  against ${BASELINE_SCRIPT}, median of the rounds' ratios: cold start ${ratio((s) => s.coldMs)}, idle RSS ${ratio((s) => s.idleRssMb)}`);
  }
  if (cold >= COLD_START_TARGET_MS || rss >= IDLE_RSS_TARGET_MB) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
