import { strict as assert } from 'node:assert';
import { createBroadcastStore } from '../../bot/data/broadcast-store';
import type { Store } from '../../bot/data/store';
import type { Broadcast, Recipient } from '../../bot/domain/broadcasts/broadcast';
import { countingWrites, openTestStore } from '../helpers/store';

const NOW = new Date('2024-04-23T08:00:00Z');

const recipientOf = (n: number): Recipient => ({
  conversationId: `a:chat-${n}`,
  scope: 'personal',
  reference: { bot: { id: '28:bot' }, channelId: 'msteams', conversation: { id: `a:chat-${n}` }, serviceUrl: 'http://127.0.0.1:9/' },
});

const draft = (id: string): Broadcast => ({
  id,
  status: 'sending',
  content: { kind: 'announcement', title: 'T', text: 'x' },
  audience: { kind: 'personal' },
  title: 'T',
  audienceText: 'everyone',
  createdBy: { aadObjectId: '00000000-0000-4000-8000-000000000001' },
  createdAt: NOW.toISOString(),
  revision: 0,
  contentVersion: 0,
  withdrawn: false,
  unreachable: 0,
  previewCount: 0,
  expandedAt: NOW.toISOString(),
});

describe('broadcast store (embedded Cosmos)', () => {
  let store: Store;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('when the audience is read twice (after a crash), then each recipient has one record and sent ones are left alone', async () => {
    await store.broadcasts.create(draft('b-readtwice01'));
    assert.equal(await store.broadcasts.addDeliveries('b-readtwice01', [0, 1, 2].map(recipientOf), NOW), 3);
    const [first] = await store.broadcasts.dueDeliveries('b-readtwice01', 0, NOW, 1);
    await store.broadcasts.replaceDelivery(first!, { ...first!, state: 'sent', messageId: 'm-1', revision: 0 });
    assert.equal(await store.broadcasts.addDeliveries('b-readtwice01', [0, 1, 2, 3].map(recipientOf), NOW), 1);
    const counts = await store.broadcasts.counts('b-readtwice01', 0);
    assert.deepEqual([counts.total, counts.sent, counts.pending], [4, 1, 3]);
  });

  it('when two senders claim the same record from the same read, then only one claim holds', async () => {
    await store.broadcasts.create(draft('b-claimrace01'));
    await store.broadcasts.addDeliveries('b-claimrace01', [recipientOf(9)], NOW);
    const [record] = await store.broadcasts.dueDeliveries('b-claimrace01', 0, NOW, 10);
    const until = new Date(NOW.getTime() + 60_000).toISOString();
    const claims = await Promise.all(['a', 'b'].map((owner) => store.broadcasts.replaceDelivery(record!, { ...record!, claimOwner: owner, claimUntil: until })));
    assert.equal(claims.filter(Boolean).length, 1);
    assert.deepEqual(await store.broadcasts.dueDeliveries('b-claimrace01', 0, NOW, 10), [], 'a claimed record is not due');
    assert.equal((await store.broadcasts.dueDeliveries('b-claimrace01', 0, new Date(NOW.getTime() + 61_000), 10)).length, 1, 'until its claim runs out');
  });

  it('when copies of twenty broadcasts are claimed at the same instant, then the claims share bulk requests and each holds', async () => {
    // Twenty reminders sending at once have a copy or two each in flight: sharing requests
    // only within a broadcast would cost a request per claim.
    const ids = Array.from({ length: 20 }, (_, i) => `b-shared${String(i).padStart(2, '0')}`);
    for (const id of ids) {
      await store.broadcasts.create(draft(id));
      await store.broadcasts.addDeliveries(id, [recipientOf(1)], NOW);
    }
    const records = await Promise.all(ids.map(async (id) => (await store.broadcasts.dueDeliveries(id, 0, NOW, 1))[0]!));
    const { container, writes } = countingWrites(store.cosmos.containers.broadcasts);
    const broadcasts = createBroadcastStore(container);
    const until = new Date(NOW.getTime() + 60_000).toISOString();
    const claims = await Promise.all(records.map((record) => broadcasts.replaceDelivery(record, { ...record, claimOwner: 'a', claimUntil: until })));
    assert.equal(claims.filter(Boolean).length, 20, 'every claim holds');
    assert.ok(writes() <= 3, `claims made together share requests (${writes()} requests for 20 claims)`);
    for (const id of ids) assert.deepEqual(await store.broadcasts.dueDeliveries(id, 0, NOW, 10), [], `${id}: its record is claimed`);
  });

  it('when a broadcast is revised, then its sent copies are due for an update and the counts say so', async () => {
    await store.broadcasts.create(draft('b-revision01'));
    await store.broadcasts.addDeliveries('b-revision01', [recipientOf(1), recipientOf(2)], NOW);
    for (const record of await store.broadcasts.dueDeliveries('b-revision01', 0, NOW, 10)) {
      await store.broadcasts.replaceDelivery(record, { ...record, state: 'sent', messageId: `m-${record.conversationId}`, revision: 0 });
    }
    assert.equal((await store.broadcasts.dueDeliveries('b-revision01', 0, NOW, 10)).length, 0);
    const due = await store.broadcasts.dueDeliveries('b-revision01', 1, NOW, 10);
    assert.equal(due.length, 2);
    assert.ok(due.every((d) => d.messageId?.startsWith('m-')));
    const counts = await store.broadcasts.counts('b-revision01', 1);
    assert.deepEqual([counts.sent, counts.current, counts.updating], [2, 0, 2]);
  });
});
