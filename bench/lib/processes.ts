import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFlags } from '../../scripts/lib/start-flags';
import { type NodeProcess, startNodeProcess as startProcess } from '../../test/helpers/bot-process';

export { freePort, ROOT } from '../../test/helpers/bot-process';

export type Started = NodeProcess;

/**
 * Starts a Node script (the built bot, a floor bot) as its own process and waits until
 * `readyPath` answers 200. The built bot gets `npm start`'s flags, so a benchmark
 * measures it as deployed; BENCH_NODE_FLAGS adds more (e.g. a heap profile).
 */
export function startNodeProcess(
  script: string,
  env: Record<string, string>,
  port: number,
  readyPath = '/healthz',
  stderr: 'inherit' | 'ignore' = 'inherit',
): Promise<Started> {
  return startProcess({
    args: [...(script.endsWith('dist/bot.js') ? startFlags() : []), ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), script],
    // A fresh data directory per run: a benchmark must not start from the last one's data.
    env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'nlc-bench-')), ...env },
    port,
    readyPath,
    stderr,
  });
}
