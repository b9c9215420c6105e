import type { Container, SqlParameter } from '@azure/cosmos';

/**
 * Every result of one query. Queries about one partition name its key in WHERE too: the
 * embedded server does not scope a query by the `partitionKey` option (Azure does, and
 * then runs it in that partition alone).
 */
export async function queryAll<T>(container: Container, query: string, parameters: SqlParameter[] = [], partitionKey?: string): Promise<T[]> {
  const { resources } = await container.items.query<T>({ query, parameters }, partitionKey ? { partitionKey } : {}).fetchAll();
  return resources;
}
