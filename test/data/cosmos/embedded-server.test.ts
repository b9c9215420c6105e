import { strict as assert } from 'node:assert';
import type { Container, FeedOptions, SqlQuerySpec } from '@azure/cosmos';
import type { Store } from '../../../bot/data/store';
import { openTestStore } from '../../helpers/store';

type Row = { id: string; groupId: string; n: number; tags: string[]; createdAt: string };

/**
 * The embedded server as patched by `npm ci` (patches/@vercel+cosmosdb-server+*.patch,
 * patches/@zeit+cosmosdb-query+*.patch): a query sent for one partition reads that
 * partition only, as Azure does, and gives the rows a full scan filtered to that
 * partition would give; a large result comes back whole.
 */
describe('the embedded Cosmos server as patched: queries', () => {
  let store: Store;
  let container: Container;
  beforeEach(async () => {
    store = await openTestStore();
    // Partitioned by /groupId.
    container = store.cosmos.containers.taskGroups;
  });
  afterEach(() => store.close());

  /** Three partitions interleaved, then some replaced and some deleted, so insertion order and _rid order differ. */
  async function seed(): Promise<void> {
    const groups = ['a', 'b', 'c'];
    for (let i = 0; i < 60; i++) {
      const groupId = groups[i % 3]!;
      await container.items.create<Row>({ id: `row-${i}`, groupId, n: (i * 7) % 11, tags: i % 4 ? ['x'] : ['x', 'y'], createdAt: `2026-11-${String(1 + (i % 25)).padStart(2, '0')}` });
    }
    for (let i = 0; i < 60; i += 5) await container.items.upsert<Row>({ id: `row-${i}`, groupId: groups[i % 3]!, n: 99, tags: [], createdAt: '2026-11-30' });
    for (let i = 1; i < 60; i += 8) await container.item(`row-${i}`, groups[i % 3]).delete();
  }

  /** Every page of a query, as the SDK fetches them. */
  async function pages<T>(query: SqlQuerySpec, options: FeedOptions): Promise<T[][]> {
    const iterator = container.items.query<T>(query, options);
    const all: T[][] = [];
    while (iterator.hasMoreResults()) {
      const { resources } = await iterator.fetchNext();
      if (resources.length > 0) all.push(resources);
    }
    return all;
  }

  it('when a query is sent for one partition, then only that partition is read', async () => {
    await seed();
    const { resources } = await container.items.query<Row>('SELECT * FROM c', { partitionKey: 'b' }).fetchAll();
    assert.ok(resources.length > 0);
    assert.deepEqual([...new Set(resources.map((r) => r.groupId))], ['b']);
    const { resources: fed } = await container.items.readAll<Row>({ partitionKey: 'c' }).fetchAll();
    assert.deepEqual([...new Set(fed.map((r) => r.groupId))], ['c']);
  });

  it('when a query names its partition in WHERE too, then one partition gives the same rows, order and pages as a full scan', async () => {
    await seed();
    const where = { name: '@g', value: 'a' };
    const queries = [
      'SELECT * FROM c WHERE c.groupId = @g',
      'SELECT c.id, c.n FROM c WHERE c.groupId = @g ORDER BY c.createdAt DESC',
      'SELECT TOP 7 * FROM c WHERE c.groupId = @g ORDER BY c.n',
      'SELECT VALUE c.id FROM c WHERE c.groupId = @g AND c.n > 3',
      'SELECT VALUE COUNT(1) FROM c WHERE c.groupId = @g',
      'SELECT SUM(c.n) AS total FROM c WHERE c.groupId = @g',
      'SELECT c.id, t AS tag FROM c JOIN t IN c.tags WHERE c.groupId = @g',
    ];
    for (const query of queries) {
      const spec = { query, parameters: [where] };
      const scanned = await pages(spec, { maxItemCount: 4 });
      const scoped = await pages(spec, { maxItemCount: 4, partitionKey: 'a' });
      assert.ok(scanned.flat().length > 0, query);
      assert.deepEqual(scoped, scanned, query);
    }
  });

  it('when a query carries no partition key, then it still reads every partition in _rid order', async () => {
    await seed();
    const { resources } = await container.items.query<Row & { _rid: string }>('SELECT * FROM c').fetchAll();
    // 60 created, 8 deleted (row-1, row-9, ..., row-57).
    assert.equal(resources.length, 52);
    assert.deepEqual([...new Set(resources.map((r) => r.groupId))].sort(), ['a', 'b', 'c']);
    const byRid = [...resources].sort((x, y) => (x._rid < y._rid ? -1 : x._rid > y._rid ? 1 : 0));
    assert.deepEqual(resources.map((r) => r.id), byRid.map((r) => r.id));
  });

  it('when a query returns many rows holding arrays with missing values, then every row comes back with those values left out', async () => {
    // cosmosdb-query's stripUndefined, made linear by patches/@zeit+cosmosdb-query+*.patch.
    const docs = Array.from({ length: 2000 }, (_, i) => ({ id: `many-${i}`, groupId: 'e', n: i, tags: [], createdAt: '2026-11-01' }));
    for (let i = 0; i < docs.length; i += 100) {
      await container.items.batch(docs.slice(i, i + 100).map((doc) => ({ operationType: 'Create' as const, resourceBody: doc })), 'e');
    }
    const { resources } = await container.items.query<unknown[]>('SELECT VALUE [c.n, c.missing, c.id] FROM c', { partitionKey: 'e' }).fetchAll();
    assert.equal(resources.length, 2000);
    const sorted = [...resources].sort((a, b) => Number(a[0]) - Number(b[0]));
    assert.deepEqual(sorted, docs.map((doc) => [doc.n, doc.id]));
  });

  it('when a partition\'s documents are deleted or replaced, then a query for it sees only what is stored now', async () => {
    await container.items.create<Row>({ id: 'gone', groupId: 'd', n: 1, tags: [], createdAt: '2026-11-01' });
    await container.items.create<Row>({ id: 'kept', groupId: 'd', n: 1, tags: [], createdAt: '2026-11-01' });
    await container.item('gone', 'd').delete();
    await container.items.upsert<Row>({ id: 'kept', groupId: 'd', n: 2, tags: [], createdAt: '2026-11-02' });
    const { resources } = await container.items.query<Row>('SELECT c.id, c.n FROM c', { partitionKey: 'd' }).fetchAll();
    assert.deepEqual(resources, [{ id: 'kept', n: 2 }]);
    await container.item('kept', 'd').delete();
    const { resources: none } = await container.items.query<Row>('SELECT * FROM c', { partitionKey: 'd' }).fetchAll();
    assert.deepEqual(none, []);
  });
});
