import { Agent } from 'node:https';
import { type Container, CosmosClient } from '@azure/cosmos';
import { EMBEDDED_KEY } from '../../bot/data/cosmos/client';
import { CONTAINERS, type ContainerName } from '../../bot/data/containers';

/**
 * Reads what a bot process stored, from its embedded Cosmos server (started with a
 * known EMBEDDED_COSMOS_PORT): how a benchmark checks every acknowledged click was kept.
 */
export async function withEmbeddedContainer<T>(cosmosPort: number, name: ContainerName, read: (container: Container) => Promise<T>): Promise<T> {
  const client = new CosmosClient({
    endpoint: `https://127.0.0.1:${cosmosPort}`,
    key: EMBEDDED_KEY,
    agent: new Agent({ keepAlive: true, rejectUnauthorized: false }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    return await read(client.database('nlc').container(CONTAINERS[name].id));
  } finally {
    client.dispose();
  }
}
