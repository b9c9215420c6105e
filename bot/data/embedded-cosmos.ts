import type { AddressInfo } from 'node:net';
import type { Server } from 'node:https';
import { createHttpsServer } from '@vercel/cosmosdb-server';

export interface EmbeddedCosmos {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * A Cosmos SQL API server in this process, on a loopback port, for running with no
 * Azure account (and for tests). It ships its own self-signed certificate; keep-alive
 * matters: without it every request pays a TLS handshake, about five times slower.
 * Data lives in memory only.
 */
export async function startEmbeddedCosmos(port = 0): Promise<EmbeddedCosmos> {
  const server: Server = createHttpsServer({ keepAlive: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
