import type { ChildProcess } from 'node:child_process';
import { EMBEDDED_KEY } from '../../bot/data/cosmos/client';
import { openStore, type Store } from '../../bot/data/store';
import { forkServer, stopChild } from './ipc';
import { freePort, type Started } from './processes';

/**
 * What a benchmark against the stand-in Bot Connector runs on: the embedded Cosmos server
 * in its own process (its data outlives a killed bot), the connector in another, the
 * benchmark's own store client, and the bot processes it starts (stopped with the rest).
 */
export interface Rig {
  cosmos: { child: ChildProcess };
  connector: { child: ChildProcess };
  serviceUrl: string;
  endpoint: string;
  store: Store;
  bots: Started[];
  close(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  const cosmosPort = await freePort();
  const cosmos = await forkServer('bench/cosmos-server.js', { PORT: String(cosmosPort) });
  const connector = await forkServer('bench/lib/connector-server.ts', { PORT: '0' }, ['--import', 'tsx']);
  const endpoint = `https://127.0.0.1:${cosmosPort}`;
  const store = await openStore({ mode: 'azure', endpoint, key: EMBEDDED_KEY, database: 'nlc' });
  const bots: Started[] = [];
  return {
    cosmos,
    connector,
    serviceUrl: (connector.first as { serviceUrl: string }).serviceUrl,
    endpoint,
    store,
    bots,
    close: async () => {
      for (const bot of bots) await bot.stop();
      await store.close();
      await stopChild(connector.child);
      await stopChild(cosmos.child);
    },
  };
}
