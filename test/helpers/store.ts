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

/** Every document's id and etag, per container: any create, change or delete shows as a difference. */
export async function storeFingerprint(store: Store): Promise<Map<string, string>> {
  const entries = await Promise.all(
    Object.entries(store.cosmos.containers).map(async ([name, container]) => {
      const { resources } = await container.items.query<{ id: string; _etag: string }>('SELECT c.id, c._etag FROM c').fetchAll();
      return resources.map((doc) => [`${name}/${doc.id}`, doc._etag] as const);
    }),
  );
  return new Map(entries.flat());
}

/** The documents created, changed or deleted between two fingerprints. */
export function changedDocs(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = [...after].filter(([id, etag]) => before.get(id) !== etag).map(([id]) => id);
  const deleted = [...before.keys()].filter((id) => !after.has(id)).map((id) => `${id} (deleted)`);
  return [...changed, ...deleted];
}

/** The same container, counting each method called on its items (read, replace, delete; create, upsert, query, bulk, batch). */
export function countingCalls(container: Container): { container: Container; calls: (method: string) => number } {
  const counts = new Map<string, number>();
  const counted = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          counts.set(String(prop), (counts.get(String(prop)) ?? 0) + 1);
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  const proxy = new Proxy(container, {
    get(target, prop, receiver) {
      if (prop === 'item') return (id: string, pk: string) => counted(target.item(id, pk));
      if (prop === 'items') return counted(target.items);
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { container: proxy, calls: (method) => counts.get(method) ?? 0 };
}

/** The same container, counting the write requests made through it (single writes, bulk and batch requests). */
export function countingWrites(container: Container): { container: Container; writes: () => number } {
  const { container: proxy, calls } = countingCalls(container);
  return { container: proxy, writes: () => ['replace', 'create', 'upsert', 'bulk', 'batch'].reduce((n, method) => n + calls(method), 0) };
}
