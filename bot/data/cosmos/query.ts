import type { Container, SqlParameter } from '@azure/cosmos';

/**
 * Every result of one query. A query about one partition passes its key: Azure, and the
 * patched embedded server, then read that partition alone. Such queries name the key in
 * WHERE too, so they mean the same with or without it.
 */
export async function queryAll<T>(container: Container, query: string, parameters: SqlParameter[] = [], partitionKey?: string): Promise<T[]> {
  const { resources } = await container.items.query<T>({ query, parameters }, partitionKey ? { partitionKey } : {}).fetchAll();
  return resources;
}

/** Values per IN list: Cosmos caps a query's parameters and the length of its text. */
const IN_CHUNK = 200;

/**
 * `query` for many values, a chunk at a time: `query` gets the chunk's parameter names
 * ("@u0, @u1, ...") to put in an IN list, and the results of every chunk come back together.
 */
export async function queryIn<T>(container: Container, values: readonly string[], query: (list: string) => string): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) {
    const chunk = values.slice(i, i + IN_CHUNK);
    const names = chunk.map((_, j) => `@u${j}`);
    found.push(...(await queryAll<T>(container, query(names.join(', ')), chunk.map((value, j) => ({ name: names[j]!, value })))));
  }
  return found;
}
