import { strict as assert } from 'node:assert';
import type { Container } from '@azure/cosmos';
import { readModifyWrite, versionSlots } from '../../../bot/data/cosmos/etag';
import type { Store } from '../../../bot/data/store';
import { DomainError } from '../../../bot/domain/errors';
import { countingCalls, openTestStore } from '../../helpers/store';

type Counter = { id: string; n: number; writers: string[] };

describe('read-modify-write with etags (embedded Cosmos)', () => {
  let store: Store;
  let container: Container;
  beforeEach(async () => {
    store = await openTestStore();
    // Any container will do: the conversations one is partitioned by /id.
    container = store.cosmos.containers.conversations;
  });
  afterEach(() => store.close());

  const increment = (writer: string) => (current: Counter | undefined): Counter => ({
    id: 'counter',
    n: (current?.n ?? 0) + 1,
    writers: [...(current?.writers ?? []), writer],
  });

  /**
   * The same container, except that after each of the first `times` reads another writer
   * replaces the document: a real, deterministic lost race against the real server.
   */
  const racedAfterRead = (times: number): Container => {
    let reads = 0;
    return new Proxy(container, {
      get(target, prop, receiver) {
        if (prop !== 'item') return Reflect.get(target, prop, receiver) as unknown;
        return (id: string, pk: string) => {
          const item = target.item(id, pk);
          return new Proxy(item, {
            get(itemTarget, itemProp, itemReceiver) {
              if (itemProp !== 'read') return Reflect.get(itemTarget, itemProp, itemReceiver) as unknown;
              return async () => {
                const result = await itemTarget.read();
                if (reads++ < times) await target.item(id, pk).replace({ id, n: 100 * reads, writers: [`other${reads}`] });
                return result;
              };
            },
          });
        };
      },
    });
  };

  it('when someone else writes between our read and our write, then the 412 makes us read again and both changes survive', async () => {
    await container.items.create<Counter>({ id: 'counter', n: 0, writers: [] });
    let calls = 0;
    const result = await readModifyWrite<Counter>(racedAfterRead(1), 'counter', 'counter', (current) => {
      calls++;
      return increment('us')(current);
    });
    assert.equal(calls, 2, 'change() is called again after the 412');
    assert.deepEqual({ n: result?.n, writers: result?.writers }, { n: 101, writers: ['other1', 'us'] });
  });

  it('when fifty writers increment the same document at once, then no increment is lost', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => readModifyWrite<Counter>(container, 'counter', 'counter', increment(`w${i}`), { maxAttempts: 200 })));
    const { resource } = await container.item('counter', 'counter').read<Counter>();
    assert.equal(resource?.n, 50);
    assert.equal(new Set(resource?.writers).size, 50);
  });

  it('when change() returns undefined, then nothing is written', async () => {
    const result = await readModifyWrite<Counter>(container, 'absent', 'absent', () => undefined);
    assert.equal(result, undefined);
    const { resource } = await container.item('absent', 'absent').read<Counter>();
    assert.equal(resource, undefined);
  });

  it('when the race is lost more often than allowed, then a conflict error says to try again and our change is not written', async () => {
    await container.items.create<Counter>({ id: 'counter', n: 0, writers: [] });
    await assert.rejects(
      readModifyWrite<Counter>(racedAfterRead(99), 'counter', 'counter', increment('us'), { maxAttempts: 3, sleep: () => Promise.resolve() }),
      (error: unknown) => error instanceof DomainError && error.code === 'conflict',
    );
    const { resource } = await container.item('counter', 'counter').read<Counter>();
    assert.deepEqual(resource?.writers, ['other3']);
  });

  it('when this process wrote the document last and keeps that version, then the next change is written over it without reading it first', async () => {
    const { container: counted, calls } = countingCalls(container);
    const known = versionSlots<Counter>(5)('counter');
    await readModifyWrite<Counter>(counted, 'counter', 'counter', increment('first'), {}, known);
    const readsAfterFirst = calls('read');
    const result = await readModifyWrite<Counter>(counted, 'counter', 'counter', increment('second'), {}, known);
    assert.equal(calls('read'), readsAfterFirst, 'no read before the second write');
    assert.deepEqual(result?.writers, ['first', 'second']);
    const { resource } = await container.item('counter', 'counter').read<Counter>();
    assert.deepEqual(resource?.writers, ['first', 'second']);
  });

  it('when the kept version is out of date (another writer changed it), then the refused write is followed at once by a read, and both changes survive', async () => {
    const known = versionSlots<Counter>(5)('counter');
    await readModifyWrite<Counter>(container, 'counter', 'counter', increment('us'), {}, known);
    await readModifyWrite<Counter>(container, 'counter', 'counter', increment('other'));
    const waits: number[] = [];
    let calls = 0;
    const result = await readModifyWrite<Counter>(
      container,
      'counter',
      'counter',
      (current) => {
        calls++;
        return increment('us again')(current);
      },
      { sleep: (ms) => Promise.resolve(void waits.push(ms)) },
      known,
    );
    assert.equal(calls, 2, 'decided once against the kept version, once against what the store holds');
    assert.deepEqual(waits, [0], 'no back-off: there was no crowd, only an old version');
    assert.deepEqual(result?.writers, ['us', 'other', 'us again']);
    assert.deepEqual(known.get()?.resource.writers, ['us', 'other', 'us again'], 'the version written is kept');
  });

  it('when the document was deleted since this process kept its version, then the change is made against nothing, and the document created anew', async () => {
    const known = versionSlots<Counter>(5)('counter');
    await readModifyWrite<Counter>(container, 'counter', 'counter', increment('before'), {}, known);
    await container.item('counter', 'counter').delete();
    const result = await readModifyWrite<Counter>(container, 'counter', 'counter', increment('after'), { sleep: () => Promise.resolve() }, known);
    assert.deepEqual(result?.writers, ['after']);
    const { resource } = await container.item('counter', 'counter').read<Counter>();
    assert.deepEqual(resource?.writers, ['after']);
  });
});
