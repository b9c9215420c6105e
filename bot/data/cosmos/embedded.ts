import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lockDataDir } from './data-dir-lock';

export interface EmbeddedCosmos {
  endpoint: string;
  /** Documents loaded from the data directory's snapshot (0 for a fresh start). */
  restored: number;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Loopback port (0 = any free port). */
  port?: number;
  /** Keep data across restarts in this directory; without it data lives in memory only. */
  dataDir?: string;
  /** How often changed data is written to the snapshot. */
  saveIntervalMs?: number;
  /** The key the bot's client signs with (the server checks nothing; the worker's own client needs one). */
  key: string;
  /** Told about snapshot problems the worker survives (e.g. a full disk). */
  onWarning?: (message: string) => void;
}

/**
 * A Cosmos SQL API server (@vercel/cosmosdb-server) on a loopback port, for running with
 * no Azure account and for tests. It runs in a worker thread (embedded-worker.js):
 * its query evaluation, JSON, TLS and snapshot work then use the machine's other core
 * instead of competing with the bot's turns. It ships its own self-signed certificate;
 * keep-alive matters (without it every request pays a TLS handshake, about five times
 * slower).
 */
export async function startEmbeddedCosmos(options: EmbeddedOptions): Promise<EmbeddedCosmos> {
  assertServerInstalled();
  // Two bots on one folder would each overwrite the other's snapshot with its own data.
  const lock = options.dataDir ? lockDataDir(options.dataDir) : undefined;
  const release = (): void => lock?.release();
  // An exit without close (process.exit, an uncaught error) frees the folder too; kill -9
  // leaves the lock, which the next start sees is stale.
  if (lock) process.once('exit', release);
  const worker = new Worker(join(__dirname, 'embedded-worker.js'), {
    workerData: { port: options.port ?? 0, dataDir: options.dataDir, saveIntervalMs: options.saveIntervalMs ?? 5000, key: options.key },
  });
  type Message = { port?: number; restored?: number; error?: string; warning?: string };
  const ready = await new Promise<{ port: number; restored: number }>((resolve, reject) => {
    worker.on('message', (message: Message) => {
      if (message.warning) options.onWarning?.(message.warning);
      else if (message.port) resolve({ port: message.port, restored: message.restored ?? 0 });
      else reject(new Error(`embedded Cosmos did not start: ${message.error ?? 'unknown'}`));
    });
    worker.once('error', reject);
  }).catch(async (error: unknown) => {
    await worker.terminate();
    release();
    throw error;
  });
  // The bot may exit without closing (tests, crashes): the worker must not keep it alive.
  worker.unref();
  return {
    endpoint: `https://127.0.0.1:${ready.port}`,
    restored: ready.restored,
    close: async () => {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      // Keep this process alive until the worker has written its last snapshot and gone.
      worker.ref();
      worker.postMessage('close');
      await exited;
      release();
      process.removeListener('exit', release);
    },
  };
}

/**
 * The server is a development dependency: the bundle Azure runs leaves it out, and only
 * the worker thread loads it, so a bot with COSMOS_ENDPOINT never needs it. Without an
 * endpoint there, say what to do rather than fail inside the worker.
 */
function assertServerInstalled(): void {
  try {
    require.resolve('@vercel/cosmosdb-server');
  } catch {
    throw new Error(
      'no COSMOS_ENDPOINT is set, and the embedded Cosmos server (a development dependency, not in the Azure bundle) is not installed: set COSMOS_ENDPOINT, or install everything with `npm ci`',
    );
  }
}
