import { strict as assert } from 'node:assert';
import { DomainError } from '../../bot/domain/errors';
import { forgetPerson } from '../../bot/domain/privacy/service';
import { type Ledger, waitlist, waitlistPosition } from '../../bot/domain/workshops/ledger';
import { type BookingRequest, cancelEntry, changeCapacity, decideBookings, setClosed } from '../../bot/domain/workshops/ledger-changes';

const AT = '2024-04-23T08:00:00.000Z';
const request = (user: string, capacity = 3): BookingRequest => ({
  eventId: 'ap-workshop',
  initialCapacity: capacity,
  userId: user,
  name: `Name ${user}`,
  form: { role: 'headteacher', school: `School ${user}`, needs: '' },
  at: AT,
  bookingId: `booking-${user}`,
  calendarTokenHash: `hash-of-token-${user}`,
});

const ledgerOf = (users: string[], capacity = 3): Ledger => decideBookings(undefined, users.map((u) => request(u, capacity))).next!;
const statusOf = (ledger: Ledger): string[] => ledger.entries.map((e) => `${e.userId}:${e.status}`);

describe('workshop ledger (who gets a place)', () => {
  it('when more people book than there are places, then the first ones in arrival order are booked and the rest wait in order', () => {
    const { next, results } = decideBookings(undefined, ['a', 'b', 'c', 'd', 'e'].map((u) => request(u)));
    assert.deepEqual(results.map((r) => r.kind), ['booked', 'booked', 'booked', 'waitlisted', 'waitlisted']);
    assert.deepEqual(waitlist(next).map((e) => e.userId), ['d', 'e']);
    assert.deepEqual(next!.entries.map((e) => waitlistPosition(next!, e)), [undefined, undefined, undefined, 1, 2]);
    assert.equal(next!.entries[3]!.waitlistedAt, AT);
    assert.equal(next!.entries[0]!.bookedAt, AT);
  });

  it('when someone with a place books again, even in the same batch, then they keep the one entry and nothing else changes', () => {
    const first = ledgerOf(['a']);
    const again = decideBookings(first, [request('a'), request('a')]);
    assert.equal(again.next, undefined, 'nothing to write');
    assert.deepEqual(again.results.map((r) => r.kind), ['existing', 'existing']);
    const sameBatch = decideBookings(undefined, [request('a'), { ...request('a'), bookingId: 'other' }]);
    assert.deepEqual(sameBatch.results.map((r) => r.kind), ['booked', 'existing']);
    assert.equal(sameBatch.next!.entries.length, 1);
  });

  it('when an organiser has closed booking, then requests are refused and nothing is written', () => {
    const closed = setClosed(ledgerOf(['a']), true, 'organiser', AT);
    const decided = decideBookings(closed, [request('b')]);
    assert.equal(decided.next, undefined);
    assert.equal(decided.results[0]!.kind, 'closed');
  });

  it('when a booked person cancels, then the first person waiting is promoted in the same change, with timestamps and a new revision', () => {
    const ledger = ledgerOf(['a', 'b', 'c', 'd', 'e']);
    const result = cancelEntry(ledger, 'booking-b', 'b', '2024-04-24T10:00:00.000Z');
    assert.deepEqual(statusOf(result.ledger), ['a:booked', 'b:cancelled', 'c:booked', 'd:booked', 'e:waitlisted']);
    assert.deepEqual(result.promoted.map((e) => e.userId), ['d']);
    const d = result.ledger.entries[3]!;
    assert.equal(d.promotedAt, '2024-04-24T10:00:00.000Z');
    assert.equal(d.bookedAt, '2024-04-24T10:00:00.000Z');
    assert.equal(d.revision, 1);
    assert.equal(result.cancelled.cancelledAt, '2024-04-24T10:00:00.000Z');
    assert.equal(waitlistPosition(result.ledger, result.ledger.entries[4]!), 1, 'e moves up to first');
  });

  it('when a waiting person cancels, then no one is promoted and the people behind them move up', () => {
    const result = cancelEntry(ledgerOf(['a', 'b', 'c', 'd', 'e']), 'booking-d', 'd', AT);
    assert.deepEqual(result.promoted, []);
    assert.equal(waitlistPosition(result.ledger, result.ledger.entries[4]!), 1);
  });

  it('when a cancellation is clicked twice, then the second changes nothing', () => {
    const once = cancelEntry(ledgerOf(['a', 'b']), 'booking-a', 'a', AT);
    const twice = cancelEntry(once.ledger, 'booking-a', 'a', AT);
    assert.equal(twice.changed, false);
    assert.equal(twice.ledger, once.ledger);
  });

  it("when someone tries to cancel another person's booking, or one that does not exist, then it is refused", () => {
    const ledger = ledgerOf(['a', 'b']);
    assert.throws(() => cancelEntry(ledger, 'booking-a', 'b', AT), (e: unknown) => e instanceof DomainError && e.code === 'forbidden');
    assert.throws(() => cancelEntry(ledger, 'booking-zz', 'a', AT), (e: unknown) => e instanceof DomainError && e.code === 'not_found');
    assert.throws(() => cancelEntry(undefined, 'booking-a', 'a', AT), (e: unknown) => e instanceof DomainError && e.code === 'not_found');
  });

  it('when capacity is raised, then that many people are promoted from the front of the waitlist and the change is recorded', () => {
    const result = changeCapacity(ledgerOf(['a', 'b', 'c', 'd', 'e', 'f']), 5, 'organiser', '2024-04-25T09:00:00.000Z');
    assert.deepEqual(result.promoted.map((e) => e.userId), ['d', 'e']);
    assert.deepEqual(waitlist(result.ledger).map((e) => e.userId), ['f']);
    assert.deepEqual(result.ledger.changes, [{ at: '2024-04-25T09:00:00.000Z', kind: 'capacity', by: 'organiser', from: 3, to: 5 }]);
  });

  it('when capacity is lowered below the number booked, then no one loses a place and new bookings wait', () => {
    const lowered = changeCapacity(ledgerOf(['a', 'b', 'c']), 1, 'organiser', AT).ledger;
    assert.deepEqual(statusOf(lowered), ['a:booked', 'b:booked', 'c:booked']);
    const next = decideBookings(lowered, [request('d')]);
    assert.equal(next.results[0]!.kind, 'waitlisted');
    // Two cancel: one place is still over capacity, so only after both does d move up.
    const one = cancelEntry(next.next, 'booking-a', 'a', AT);
    assert.deepEqual(one.promoted, []);
  });

  it('when the same change is applied to the same ledger twice, then it decides the same way (safe to re-run after a lost race)', () => {
    const ledger = ledgerOf(['a', 'b', 'c']);
    const requests = ['d', 'e'].map((u) => request(u));
    assert.deepEqual(decideBookings(ledger, requests), decideBookings(ledger, requests));
    assert.equal(ledger.entries.length, 3, 'the input is not modified');
  });

  it('when a person books again after cancelling, then their one entry is reused at the end of the queue with the newest calendar link, and only its latest changes are kept', () => {
    let ledger = ledgerOf(['a', 'b']);
    for (let i = 0; i < 30; i++) {
      const at = new Date(Date.parse(AT) + (i + 1) * 60_000).toISOString();
      const mineNow = ledger.entries.find((e) => e.userId === 'a')!;
      ledger = cancelEntry(ledger, mineNow.bookingId, 'a', at).ledger;
      ledger = decideBookings(ledger, [{ ...request('a'), at, bookingId: `new-${i}`, calendarTokenHash: `new-hash-${i}` }]).next!;
    }
    const mine = ledger.entries.filter((e) => e.userId === 'a');
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.bookingId, 'new-29', 'a Cancel button of an earlier booking cannot cancel this one');
    assert.equal(mine[0]!.calendarTokenHash, 'new-hash-29', 'the link shown with the latest booking works; earlier ones retire (only hashes are kept)');
    assert.equal(mine[0]!.revision, 60, 'the calendar file sees every change');
    assert.equal(mine[0]!.history?.length, 10);
    assert.deepEqual(statusOf(ledger), ['b:booked', 'a:booked']);
  });

  it('when a person is forgotten, then their entry goes, history and all, and a place they held goes to the first in line', () => {
    // a, b, c booked; d, e wait. a cancels (d moves up), then books again and waits behind e.
    const withCancelled = cancelEntry(ledgerOf(['a', 'b', 'c', 'd', 'e']), 'booking-a', 'a', AT).ledger;
    const again = decideBookings(withCancelled, [{ ...request('a'), bookingId: 'booking-a2' }]).next!;
    const first = forgetPerson(again, 'a', AT, true);
    assert.equal(first.removed, 1, 'booking again reused their entry');
    assert.deepEqual(first.promoted, [], 'a held no place, so nobody moves');
    assert.deepEqual(statusOf(first.ledger), ['b:booked', 'c:booked', 'd:booked', 'e:waitlisted']);
    const second = forgetPerson(first.ledger, 'b', AT, true);
    assert.deepEqual(second.promoted.map((e) => e.userId), ['e']);
    assert.deepEqual(statusOf(second.ledger), ['c:booked', 'd:booked', 'e:booked']);
  });

  it('when the workshop has started, then forgetting someone removes them without moving anyone up', () => {
    const { ledger, promoted } = forgetPerson(ledgerOf(['a', 'b', 'c', 'd']), 'a', AT, false);
    assert.deepEqual(promoted, []);
    assert.deepEqual(statusOf(ledger), ['b:booked', 'c:booked', 'd:waitlisted']);
  });

  it('when someone with no entry is forgotten, then the ledger is returned unchanged', () => {
    const ledger = ledgerOf(['a']);
    assert.equal(forgetPerson(ledger, 'z', AT, true).ledger, ledger);
  });
});
