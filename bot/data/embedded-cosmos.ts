import { Worker } from 'node:worker_threads';

export interface EmbeddedCosmos {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * The worker's whole program: start the server on a loopback port and report the port.
 * Inline rather than a file so it runs the same from TypeScript (tests) and from dist/.
 */
const workerSource = (serverModule: string): string => `
const { parentPort, workerData } = require('node:worker_threads');
const { createHttpsServer } = require(${JSON.stringify(serverModule)});
const server = createHttpsServer({ keepAlive: true });
server.on('error', (error) => parentPort.postMessage({ error: error.message }));
server.listen(workerData.port, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
`;

/**
 * A Cosmos SQL API server (@vercel/cosmosdb-server) on a loopback port, for running with
 * no Azure account and for tests. It runs in a worker thread: its query evaluation, JSON
 * and TLS work then use the machine's other core instead of competing with the bot's
 * turns. It ships its own self-signed certificate; keep-alive matters (without it every
 * request pays a TLS handshake, about five times slower). Data lives in memory only.
 */
export async function startEmbeddedCosmos(port = 0): Promise<EmbeddedCosmos> {
  const worker = new Worker(workerSource(require.resolve('@vercel/cosmosdb-server')), { eval: true, workerData: { port } });
  const actual = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: { port?: number; error?: string }) =>
      message.port ? resolve(message.port) : reject(new Error(`embedded Cosmos did not start: ${message.error ?? 'unknown'}`)),
    );
    worker.once('error', reject);
  });
  // The bot may exit without closing (tests, crashes): the worker must not keep it alive.
  worker.unref();
  return {
    endpoint: `https://127.0.0.1:${actual}`,
    close: async () => {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      await exited;
    },
  };
}
