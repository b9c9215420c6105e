import { strict as assert } from 'node:assert';
import { Agent } from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { EMBEDDED_KEY } from '../../bot/data/cosmos/client';
import { openStore, type Store } from '../../bot/data/store';
import { createWorkshopStore } from '../../bot/data/workshop-store';
import { waitlist, waitlistPosition } from '../../bot/domain/workshops/ledger';
import { type BookingRequest } from '../../bot/domain/workshops/ledger-changes';
import { countDocs, countingCalls, countingWrites, openTestStore } from '../helpers/store';

const EVENT = 'ap-framework-workshop-2024';
const userId = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const request = (n: number, capacity = 40): BookingRequest => ({
  eventId: EVENT,
  initialCapacity: capacity,
  userId: userId(n),
  name: `Leader ${n}`,
  form: { role: 'headteacher', school: `School ${n}`, needs: '' },
  at: '2024-04-23T08:00:00.000Z',
  bookingId: `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
  calendarTokenHash: `hash-of-token-${n}`,
});

describe('workshop store (embedded Cosmos)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(() => store.close());

  it('when 500 different people press Book at the same instant on a 40-place workshop, then exactly 40 are booked and 460 wait in arrival order', async () => {
    const { container, writes } = countingWrites(store.cosmos.containers.events);
    const workshops = createWorkshopStore(container);
    const people = Array.from({ length: 500 }, (_, i) => i + 1);
    const decisions = await Promise.all(people.map((n) => workshops.book(request(n))));

    assert.deepEqual(
      decisions.map((d) => d.kind),
      people.map((n) => (n <= 40 ? 'booked' : 'waitlisted')),
      'the first 40 to arrive get places',
    );
    const ledger = await workshops.getLedger(EVENT);
    assert.ok(ledger);
    assert.equal(ledger.entries.filter((e) => e.status === 'booked').length, 40);
    assert.deepEqual(waitlist(ledger).map((e) => e.userId), people.slice(40).map(userId), '460 waiting, in arrival order');
    assert.equal(new Set(ledger.entries.map((e) => e.userId)).size, 500, 'no one twice');
    assert.deepEqual(ledger.entries.map((e) => e.seq), people, 'arrival numbers are 1..500 without gaps');
    assert.equal(await countDocs(store.cosmos.containers.events, "c.type = 'ledger'"), 1);
    assert.ok(writes() < 50, `requests arriving together share ledger writes (${writes()} writes for 500 requests)`);
  });

  it('when two bot instances take bookings for one workshop at the same time, then the etag keeps the capacity exact', async () => {
    const client = new CosmosClient({
      endpoint: store.cosmos.endpoint,
      key: EMBEDDED_KEY,
      agent: new Agent({ keepAlive: true, rejectUnauthorized: false }),
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    try {
      const other = createWorkshopStore(client.database('nlc-test').container('events'));
      const people = Array.from({ length: 200 }, (_, i) => i + 1);
      const decisions = await Promise.all(people.map((n) => (n % 2 === 0 ? store.workshops : other).book(request(n, 15))));
      assert.equal(decisions.filter((d) => d.kind === 'booked').length, 15);
      assert.equal(decisions.filter((d) => d.kind === 'waitlisted').length, 185);
      const ledger = (await store.workshops.getLedger(EVENT))!;
      assert.equal(ledger.entries.length, 200);
      assert.equal(ledger.entries.filter((e) => e.status === 'booked').length, 15);
      // Every answer matches what was stored: a waitlist position the person was told exists in order.
      for (const d of decisions) {
        if (d.kind !== 'waitlisted') continue;
        const stored = ledger.entries.find((e) => e.bookingId === d.entry.bookingId);
        assert.equal(stored?.status, 'waitlisted');
        assert.ok((waitlistPosition(ledger, stored) ?? 0) >= 1);
      }
      const positions = waitlist(ledger).map((e) => waitlistPosition(ledger, e));
      assert.deepEqual(positions, Array.from({ length: 185 }, (_, i) => i + 1));
    } finally {
      client.dispose();
    }
  });

  it('when this process wrote the ledger last, then the next booking is written over that version without reading the ledger first', async () => {
    const { container, calls } = countingCalls(store.cosmos.containers.events);
    const workshops = createWorkshopStore(container);
    await workshops.book(request(1));
    const reads = calls('read');
    const second = await workshops.book(request(2));
    assert.equal(calls('read'), reads, 'no read of the ledger before the second write');
    assert.equal(second.kind, 'booked');
    assert.deepEqual((await store.workshops.getLedger(EVENT))?.entries.map((e) => e.seq), [1, 2]);
  });

  it('when another instance wrote the ledger since this one did, then the booking is decided against what the other wrote, at the cost of one refused write', async () => {
    const { container, calls } = countingCalls(store.cosmos.containers.events);
    const here = createWorkshopStore(container);
    const elsewhere = createWorkshopStore(store.cosmos.containers.events);
    await here.book(request(1, 2));
    await elsewhere.book(request(2, 2));
    const [replaces, reads] = [calls('replace'), calls('read')];
    const third = await here.book(request(3, 2));
    assert.equal(third.kind, 'waitlisted', 'the two places were taken, one of them by the other instance');
    assert.equal(calls('replace') - replaces, 2, 'one write refused for its old etag, then one that holds');
    assert.equal(calls('read') - reads, 1);
    const ledger = (await store.workshops.getLedger(EVENT))!;
    assert.deepEqual(ledger.entries.map((e) => [e.seq, e.status]), [[1, 'booked'], [2, 'booked'], [3, 'waitlisted']]);
  });

  it('when the same person presses Book twenty times at once, then they hold one entry', async () => {
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => store.workshops.book({ ...request(7), bookingId: `0000000${i % 10}-0000-4000-8000-00000000000${i % 10}` })));
    assert.equal(decisions.filter((d) => d.kind === 'booked').length, 1);
    assert.equal(decisions.filter((d) => d.kind === 'existing').length, 19);
    assert.equal((await store.workshops.getLedger(EVENT))?.entries.length, 1);
  });

  it('when a ledger change throws, then nothing is written and the error reaches the caller', async () => {
    await store.workshops.book(request(1));
    await assert.rejects(
      store.workshops.updateLedger(EVENT, () => {
        throw new Error('refused');
      }),
      /refused/,
    );
    assert.equal((await store.workshops.getLedger(EVENT))?.entries.length, 1);
  });

  it("when a person's workshops are listed, then each workshop where they have an entry comes back once", async () => {
    await store.workshops.book(request(1));
    await store.workshops.book({ ...request(1), eventId: 'another-workshop' });
    await store.workshops.book(request(2));
    assert.deepEqual((await store.workshops.workshopsOfUser(userId(1))).sort(), ['another-workshop', EVENT]);
    assert.deepEqual(await store.workshops.workshopsOfUser(userId(3)), []);
  });

  it('when an export grant is saved, then it is found by its token hash in its workshop only', async () => {
    const grant = { eventId: EVENT, tokenHash: 'a'.repeat(64), by: userId(1), createdAt: '2024-04-23T08:00:00.000Z', expiresAt: '2024-04-23T08:15:00.000Z' };
    await store.workshops.saveExportGrant(grant);
    assert.deepEqual(await store.workshops.getExportGrant(EVENT, grant.tokenHash), grant);
    assert.equal(await store.workshops.getExportGrant('another-workshop', grant.tokenHash), undefined);
    assert.equal(await store.workshops.getExportGrant(EVENT, 'b'.repeat(64)), undefined);
  });

  it('when the store runs against Azure (RETENTION_DAYS set), then the ledger expires RETENTION_DAYS after its workshop and an export grant when it expires, each by its own Cosmos TTL', async () => {
    const azure = await openStore({ mode: 'embedded', database: 'nlc-ttl' }, { retentionDays: 365 });
    try {
      const endsAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
      await azure.workshops.book({ ...request(1), eventEndsAt: endsAt });
      const expiresAt = new Date(Date.now() + 15 * 60_000).toISOString();
      await azure.workshops.saveExportGrant({ eventId: EVENT, tokenHash: 'c'.repeat(64), by: userId(1), createdAt: new Date().toISOString(), expiresAt });
      const ttlOf = async (id: string) => (await azure.cosmos.containers.events.item(id, EVENT).read<{ ttl?: number }>()).resource?.ttl ?? 0;
      const ledgerTtl = await ttlOf('ledger');
      assert.ok(Math.abs(ledgerTtl - 375 * 86_400) < 60, `ledger ttl ${ledgerTtl}`);
      const exportTtl = await ttlOf(`export:${'c'.repeat(64)}`);
      assert.ok(exportTtl > 800 && exportTtl <= 900, `export ttl ${exportTtl}`);
    } finally {
      await azure.close();
    }
  });
});
