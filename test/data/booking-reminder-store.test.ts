import { strict as assert } from 'node:assert';
import type { Store } from '../../bot/data/store';
import { createWorkshopStore } from '../../bot/data/workshop-store';
import type { BookingReminder } from '../../bot/domain/workshops/book-reminders';
import { countingCalls, openTestStore } from '../helpers/store';

const EVENT = 'ap-framework-workshop-2024';
const userId = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const reminder = (n: number): BookingReminder => ({
  eventId: EVENT,
  userId: userId(n),
  userName: `Leader ${n}`,
  requestedAt: '2024-04-20T08:00:00.000Z',
  eventEndsAt: '2024-05-22T11:30:00.000Z',
});

describe('booking reminder store (embedded Cosmos)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(() => store.close());

  it('when a person asks for a reminder just after their view looked, then their next view sees it, and after booking clears it, sees it gone', async () => {
    const workshops = store.workshops;
    assert.equal(await workshops.getBookingReminder(EVENT, userId(1)), undefined);
    await workshops.saveBookingReminder(reminder(1));
    assert.deepEqual(await workshops.getBookingReminder(EVENT, userId(1)), reminder(1), 'the shared answer of who asked is not reused after this change');
    await workshops.deleteBookingReminder(EVENT, userId(1));
    assert.equal(await workshops.getBookingReminder(EVENT, userId(1)), undefined);
    assert.deepEqual(await workshops.listBookingReminders(EVENT), []);
  });

  it('when 200 people view and book at once and one of them had asked, then one shared query answers them all and only that one reminder is read and deleted', async () => {
    await store.workshops.saveBookingReminder(reminder(7));
    await store.workshops.saveBookingReminder({ ...reminder(300), eventId: 'another-workshop' });
    const { container, calls } = countingCalls(store.cosmos.containers.events);
    const workshops = createWorkshopStore(container);
    const people = Array.from({ length: 200 }, (_, i) => i + 1);
    const seen = await Promise.all(people.map((n) => workshops.getBookingReminder(EVENT, userId(n))));
    assert.deepEqual(seen.map((r, i) => (r ? i + 1 : undefined)).filter(Boolean), [7], 'only person 7 asked');
    await Promise.all(people.map((n) => workshops.deleteBookingReminder(EVENT, userId(n))));
    assert.ok(calls('query') <= 4, `who asked is one shared query, not one request each (${calls('query')} queries)`);
    assert.equal(calls('read'), 1, "only the one who asked has their reminder read");
    assert.equal(calls('delete'), 1, 'only the one who asked has a reminder deleted');
    assert.deepEqual(await store.workshops.listBookingReminders(EVENT), []);
    assert.equal((await store.workshops.listBookingReminders('another-workshop')).length, 1, "another workshop's reminders are left alone");
  });
});
