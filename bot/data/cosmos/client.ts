import { Agent } from 'node:https';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type { Config } from '../../config';
import { CONTAINERS, type ContainerName } from '../containers';
import { startEmbeddedCosmos } from './embedded';

export interface CosmosHandle {
  mode: 'embedded' | 'azure';
  /** Where the client connects (the embedded server's loopback URL in embedded mode). */
  endpoint: string;
  /** Embedded mode: documents restored from the data directory (0 on a fresh start). */
  restored: number;
  database: Database;
  containers: Record<ContainerName, Container>;
  /** Answers true only when the database answers a read. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The embedded server's well-known dummy key: it checks nothing, but the SDK wants one. */
export const EMBEDDED_KEY = 'embedded-cosmos-has-no-key';

/** Connections to the embedded server: plenty for one worker thread to stay busy. */
const EMBEDDED_SOCKETS = 16;

/**
 * Retries here are kept short: a Teams invoke must be answered within a few seconds, so
 * a request the SDK cannot get through quickly is better answered with "try again".
 */
const connectionPolicy = {
  requestTimeout: 4000,
  retryOptions: { maxRetryAttemptCount: 3, maxWaitTimeInSeconds: 2, fixedRetryIntervalInMilliseconds: 0 },
  // The embedded server and most single-region accounts need no endpoint discovery
  // chatter in the background.
  enableBackgroundEndpointRefreshing: false,
};

export interface CosmosTarget {
  mode: 'embedded' | 'azure';
  /** Embedded only: loopback port for the server (0 = any free port). */
  port?: number;
  /** Embedded only: keep data in this directory between runs (absent: memory only). */
  dataDir?: string;
  saveIntervalMs?: number;
  endpoint?: string;
  key?: string;
  database: string;
  /** How long one store request may take before the client gives up (default 4 s); tests of a slow store shorten it. */
  requestTimeoutMs?: number;
}

/**
 * An embedded server started by another process (several bots sharing one store in
 * tests, a store that outlives a killed bot in benchmarks): reached like our own, with
 * its well-known key and self-signed certificate, and only ever on loopback.
 */
function isEmbeddedElsewhere(target: CosmosTarget): boolean {
  if (target.key !== EMBEDDED_KEY || !target.endpoint) return false;
  const host = new URL(target.endpoint).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

export const cosmosTargetFrom = (config: Config): CosmosTarget =>
  config.cosmos.mode === 'azure'
    ? { mode: 'azure', endpoint: config.cosmos.endpoint, key: config.cosmos.key, database: config.cosmosDatabase }
    : { mode: 'embedded', port: config.cosmos.port, dataDir: config.cosmos.dataDir, saveIntervalMs: config.cosmos.saveIntervalMs, database: config.cosmosDatabase };

/**
 * How the client signs in to an Azure account: with the account key when one is set,
 * otherwise with Entra ID. In Azure that is the bot's managed identity (AZURE_CLIENT_ID
 * names it, and the account has keys switched off: see infra/); on a laptop, `az login`.
 */
export const azureSignIn = (key: string | undefined): { key: string } | { aadCredentials: TokenCredential } =>
  key ? { key } : { aadCredentials: new DefaultAzureCredential() };

/**
 * Connects to Azure Cosmos DB (key, or Entra ID through DefaultAzureCredential when no
 * key is set) or, with no endpoint configured, to an embedded server started here.
 * Creates the database and containers if they are missing, so a fresh account or the
 * embedded server is ready to use.
 */
export async function openCosmos(target: CosmosTarget, onWarning?: (message: string) => void): Promise<CosmosHandle> {
  const embedded =
    target.mode === 'embedded'
      ? await startEmbeddedCosmos({ port: target.port, dataDir: target.dataDir, saveIntervalMs: target.saveIntervalMs, key: EMBEDDED_KEY, onWarning })
      : undefined;
  const client = createClient(target, embedded?.endpoint);
  try {
    const { database } = await client.databases.createIfNotExists({ id: target.database });
    const entries = await Promise.all(
      (Object.keys(CONTAINERS) as ContainerName[]).map(async (name) => {
        const spec = CONTAINERS[name];
        const { container } = await database.containers.createIfNotExists({ id: spec.id, partitionKey: { paths: [spec.partitionKey] } });
        return [name, container] as const;
      }),
    );
    let closed = false;
    return {
      mode: target.mode,
      endpoint: embedded?.endpoint ?? target.endpoint ?? '',
      restored: embedded?.restored ?? 0,
      database,
      containers: Object.fromEntries(entries) as Record<ContainerName, Container>,
      ping: () => database.read().then(
        () => true,
        // A failed read is the answer to the question, not an error to report here:
        // /healthz turns it into a 503 and the platform's probe does the rest.
        () => false,
      ),
      close: async () => {
        if (closed) return;
        closed = true;
        client.dispose();
        await embedded?.close();
      },
    };
  } catch (error) {
    client.dispose();
    await embedded?.close();
    throw error;
  }
}

/** The client for an embedded server (ours at `embeddedEndpoint`, or one another process started) or for Azure. */
function createClient(target: CosmosTarget, embeddedEndpoint: string | undefined): CosmosClient {
  const timeout = target.requestTimeoutMs ? { requestTimeout: target.requestTimeoutMs } : {};
  if (!embeddedEndpoint && !isEmbeddedElsewhere(target)) {
    return new CosmosClient({ endpoint: target.endpoint ?? '', ...azureSignIn(target.key), connectionPolicy: { ...connectionPolicy, ...timeout } });
  }
  return new CosmosClient({
    endpoint: embeddedEndpoint ?? target.endpoint ?? '',
    key: EMBEDDED_KEY,
    // Loopback only, to a server whose self-signed certificate ships in the package.
    // A bounded pool: without a cap, a burst of requests opens a TLS connection each
    // (a handshake is far dearer than the request) and most are thrown away after.
    agent: new Agent({ keepAlive: true, rejectUnauthorized: false, maxSockets: EMBEDDED_SOCKETS, maxFreeSockets: EMBEDDED_SOCKETS }),
    connectionPolicy: { ...connectionPolicy, ...timeout, enableEndpointDiscovery: false },
  });
}
