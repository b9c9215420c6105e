import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../bot/clock';
import { createLeases } from '../../../bot/data/cosmos/lease-store';
import type { Store } from '../../../bot/data/store';
import type { Leases } from '../../../bot/domain/leases';
import { openTestStore } from '../../helpers/store';

describe('leases (embedded Cosmos)', () => {
  let store: Store;
  let clock: ManualClock;
  let leases: Leases;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());
  beforeEach(() => {
    clock = new ManualClock('2024-04-23T08:00:00Z');
    leases = createLeases(store.cosmos.containers.leases, clock);
  });

  let n = 0;
  const name = (): string => `test-lease-${++n}`;

  it('when a lease is held, then nobody else gets it until it runs out, and then someone does', async () => {
    const lease = name();
    const a = await leases.acquire(lease, 'a', 30_000);
    assert.ok(a?.held());
    assert.equal(await leases.acquire(lease, 'b', 30_000), undefined);
    clock.advance(30_001);
    assert.equal(a!.held(), false, 'the holder knows its lease ran out');
    const b = await leases.acquire(lease, 'b', 30_000);
    assert.ok(b?.held());
    assert.equal(await a!.renew(), false, 'the old holder cannot renew a lease taken over');
    assert.equal(a!.held(), false);
  });

  it('when the holder renews in time, then the lease stays with it past the first expiry', async () => {
    const lease = name();
    const a = await leases.acquire(lease, 'a', 30_000);
    clock.advance(20_000);
    assert.equal(await a!.renew(), true);
    clock.advance(20_000);
    assert.ok(a!.held());
    assert.equal(await leases.acquire(lease, 'b', 30_000), undefined);
  });

  it('when a renewal starts while the last one is still in flight, then both succeed and the lease stays held', async () => {
    // A renewal timer that fires while a slow store still answers the previous renewal
    // must not write with the etag that renewal is about to replace (a 412: "lost").
    const lease = name();
    const a = await leases.acquire(lease, 'a', 3000);
    clock.advance(1000);
    const renewals = await Promise.all([a!.renew(), a!.renew(), a!.renew()]);
    assert.deepEqual(renewals, [true, true, true]);
    assert.ok(a!.held());
    clock.advance(2500);
    assert.ok(a!.held(), 'held until three seconds after the renewal');
    assert.equal(await leases.acquire(lease, 'b', 3000), undefined);
  });

  it('when the holder releases it while a renewal is in flight, then another still takes it at once', async () => {
    const lease = name();
    const a = await leases.acquire(lease, 'a', 3000);
    const renewal = a!.renew();
    await a!.release();
    assert.equal(await renewal, true);
    assert.ok(await leases.acquire(lease, 'b', 3000));
  });

  it('when the holder releases it, then another takes it at once', async () => {
    const lease = name();
    const a = await leases.acquire(lease, 'a', 30_000);
    await a!.release();
    assert.equal(a!.held(), false);
    assert.ok(await leases.acquire(lease, 'b', 30_000));
  });

  it('when many reach for a free lease at the same moment, then exactly one gets it', async () => {
    const lease = name();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => leases.acquire(lease, `p${i}`, 30_000)));
    assert.equal(results.filter(Boolean).length, 1);
  });

  it('when many reach for an expired lease at the same moment, then exactly one gets it', async () => {
    const lease = name();
    await leases.acquire(lease, 'dead', 30_000);
    clock.advance(60_000);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => leases.acquire(lease, `p${i}`, 30_000)));
    assert.equal(results.filter(Boolean).length, 1);
  });
});
