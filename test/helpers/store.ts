import type { Container } from '@azure/cosmos';
import { openStore, type Store } from '../../bot/data/store';

/** A fresh embedded Cosmos server and store: real @azure/cosmos over real HTTP, nothing mocked. */
export const openTestStore = (): Promise<Store> => openStore({ mode: 'embedded', database: 'nlc-test' });

/** Counts documents by a WHERE clause, across partitions: how tests see "nothing was written". */
export async function countDocs(container: Container, where = 'true', parameters: { name: string; value: string }[] = []): Promise<number> {
  const { resources } = await container.items
    .query<number>({ query: `SELECT VALUE COUNT(1) FROM c WHERE ${where}`, parameters })
    .fetchAll();
  return resources[0] ?? 0;
}

/** Total documents in every container: the before/after check for "no write happened". */
export async function totalDocs(store: Store): Promise<number> {
  const counts = await Promise.all(Object.values(store.cosmos.containers).map((c) => countDocs(c)));
  return counts.reduce((a, b) => a + b, 0);
}
