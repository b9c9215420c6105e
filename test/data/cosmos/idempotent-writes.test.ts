import { strict as assert } from 'node:assert';
import type { Container } from '@azure/cosmos';
import { createAll, writeAll } from '../../../bot/data/cosmos/batch';
import { EMBEDDED_KEY, openCosmos, type CosmosHandle } from '../../../bot/data/cosmos/client';
import { type EmbeddedCosmos, startEmbeddedCosmos } from '../../../bot/data/cosmos/embedded';
import { isTransient } from '../../../bot/data/cosmos/errors';
import { readModifyWrite } from '../../../bot/data/cosmos/etag';
import { type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy';
import { countDocs } from '../../helpers/store';

/**
 * Writes when the store's answer is lost or the store fails in passing, against the real
 * embedded server behind the fault-injecting proxy (faults forced one request at a time).
 */
describe('writes that survive a lost answer (embedded Cosmos behind a fault proxy)', () => {
  let server: EmbeddedCosmos;
  let proxy: FaultProxy;
  let cosmos: CosmosHandle;
  let container: Container;
  let n = 0;
  const partition = (): string => `pk-${++n}`;

  before(async () => {
    server = await startEmbeddedCosmos({ key: EMBEDDED_KEY });
    proxy = await startFaultProxy({ target: server.endpoint });
    cosmos = await openCosmos({ mode: 'azure', endpoint: proxy.endpoint, key: EMBEDDED_KEY, database: 'faults' });
    // Partitioned by /eventId: documents below carry it.
    container = cosmos.containers.events;
  });
  after(async () => {
    await cosmos?.close();
    await proxy?.close();
    await server?.close();
  });

  const docsIn = (eventId: string): Promise<number> => countDocs(container, 'c.eventId = @e', [{ name: '@e', value: eventId }]);

  it('when the answer to a batch of creates is lost, then each is created once and reported stored', async () => {
    const eventId = partition();
    const docs = [1, 2, 3].map((i) => ({ id: `doc-${i}`, eventId }));
    proxy.failNext('drop-after', 'POST');
    const results = await createAll(container, eventId, docs);
    assert.deepEqual(results, [undefined, undefined, undefined]);
    assert.equal(await docsIn(eventId), 3);
  });

  it('when a batch request fails with a 503, then the error is transient (the person is asked to try again)', async () => {
    const eventId = partition();
    proxy.failNext('503', 'POST');
    const docs = [
      { id: 'a', eventId },
      { id: 'b', eventId },
    ];
    const failure = await writeAll(container, eventId, docs, 'Upsert').then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(failure, 'the batch did not fail');
    assert.ok(isTransient(failure), `not transient: ${failure instanceof Error ? failure.message : JSON.stringify(failure)}`);
  });

  it('when the answer to a read-modify-write is lost, then it reads again and the change is made once', async () => {
    const eventId = partition();
    await container.items.create({ id: 'counter', eventId, n: 0 });
    proxy.failNext('drop-after', 'PUT');
    const saved = await readModifyWrite<{ id: string; eventId: string; n: number; by?: string }>(container, 'counter', eventId, (current) =>
      current?.by === 'me' ? undefined : { id: 'counter', eventId, n: (current?.n ?? 0) + 1, by: 'me' },
    );
    assert.equal(saved?.n, 1);
    const { resource } = await container.item('counter', eventId).read<{ n: number }>();
    assert.equal(resource?.n, 1);
  });
});
