import { strict as assert } from 'node:assert';
import type { Store } from '../../bot/data/store';
import { eventSchema, type NlcEvent } from '../../bot/domain/events/event';
import type { Rsvp } from '../../bot/domain/events/rsvp';
import { countDocs, openTestStore } from '../helpers/store';

const event = (id: string, startsAt: string, extra: Partial<NlcEvent> = {}): NlcEvent =>
  eventSchema.parse({
    id,
    title: `Event ${id}`,
    startsAt,
    endsAt: new Date(new Date(startsAt).getTime() + 3600_000).toISOString(),
    location: { type: 'online' },
    audience: 'All',
    ...extra,
  });

const rsvp = (eventId: string, userId: string, response: Rsvp['response']): Rsvp => ({
  eventId,
  userId,
  response,
  respondedAt: new Date().toISOString(),
});

describe('event store (embedded Cosmos)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(() => store.close());

  it('when the same person answers twice, then one RSVP document holds the latest answer', async () => {
    await store.events.saveEvent(event('ev-one', '2024-05-01T08:00:00Z'));
    await store.events.saveRsvp(rsvp('ev-one', 'u1', 'going'));
    await store.events.saveRsvp(rsvp('ev-one', 'u1', 'notGoing'));
    assert.equal(await countDocs(store.cosmos.containers.events, "c.type = 'rsvp'"), 1);
    assert.equal((await store.events.getRsvp('ev-one', 'u1'))?.response, 'notGoing');
  });

  it('when the counts of several events are asked for at once, then each is what its own count query gives, and an event nobody answered counts zero', async () => {
    const ids = ['ev-a', 'ev-b', 'ev-c', 'ev-quiet'];
    for (const id of ids) await store.events.saveEvent(event(id, '2024-05-01T08:00:00Z'));
    const answers: Rsvp['response'][] = ['going', 'maybe', 'notGoing', 'going', 'going'];
    await Promise.all(ids.slice(0, 3).flatMap((id, e) => answers.slice(e).map((response, n) => store.events.saveRsvp(rsvp(id, `u${n}`, response)))));
    await store.events.saveRsvp(rsvp('ev-elsewhere', 'u9', 'going'));
    const together = await store.events.countRsvpsOf(ids);
    for (const id of ids) assert.deepEqual(together.get(id), await store.events.countRsvps(id), id);
    assert.deepEqual(together.get('ev-a'), { going: 3, maybe: 1, notGoing: 1 });
    assert.deepEqual(together.get('ev-quiet'), { going: 0, maybe: 0, notGoing: 0 });
    assert.deepEqual([...(await store.events.countRsvpsOf([])).keys()], []);
  });

  it('when every event is listed for the programme, then past, cancelled and future ones come, by start, and no answer among them', async () => {
    await store.events.saveEvent(event('ev-later', '2024-06-01T08:00:00Z'));
    await store.events.saveEvent(event('ev-past', '2023-06-01T08:00:00Z', { status: 'cancelled' }));
    await store.events.saveRsvp(rsvp('ev-later', 'u1', 'going'));
    assert.deepEqual((await store.events.listProgramme()).map((e) => e.id), ['ev-past', 'ev-later']);
  });

  it('when the same person clicks twenty times at the same moment, then one RSVP document exists', async () => {
    await store.events.saveEvent(event('ev-race', '2024-05-01T08:00:00Z'));
    const answers: Rsvp['response'][] = ['going', 'maybe', 'notGoing'];
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.events.saveRsvp(rsvp('ev-race', 'u1', answers[i % 3]!))));
    assert.equal(await countDocs(store.cosmos.containers.events, "c.type = 'rsvp' AND c.userId = 'u1'"), 1);
  });

  it('when people answer, then the counts come from their answers in that event only', async () => {
    await store.events.saveEvent(event('ev-a', '2024-05-01T08:00:00Z'));
    await store.events.saveEvent(event('ev-b', '2024-05-02T08:00:00Z'));
    await Promise.all([
      store.events.saveRsvp(rsvp('ev-a', 'u1', 'going')),
      store.events.saveRsvp(rsvp('ev-a', 'u2', 'going')),
      store.events.saveRsvp(rsvp('ev-a', 'u3', 'maybe')),
      store.events.saveRsvp(rsvp('ev-a', 'u4', 'notGoing')),
      store.events.saveRsvp(rsvp('ev-b', 'u1', 'maybe')),
    ]);
    assert.deepEqual(await store.events.countRsvps('ev-a'), { going: 2, maybe: 1, notGoing: 1 });
    assert.deepEqual(await store.events.countRsvps('ev-b'), { going: 0, maybe: 1, notGoing: 0 });
    assert.deepEqual(await store.events.countRsvps('ev-none'), { going: 0, maybe: 0, notGoing: 0 });
  });

  it('when the programme is listed, then it is scheduled events not yet ended, soonest first, up to the limit', async () => {
    await Promise.all([
      store.events.saveEvent(event('ev-past', '2024-04-01T08:00:00Z')),
      store.events.saveEvent(event('ev-late', '2024-07-01T08:00:00Z')),
      store.events.saveEvent(event('ev-soon', '2024-05-01T08:00:00Z')),
      store.events.saveEvent(event('ev-mid', '2024-06-01T08:00:00Z')),
      store.events.saveEvent(event('ev-off', '2024-05-15T08:00:00Z', { status: 'cancelled' })),
    ]);
    const upcoming = await store.events.listUpcoming(new Date('2024-04-23T08:00:00Z'), 2);
    assert.deepEqual(upcoming.map((e) => e.id), ['ev-soon', 'ev-mid']);
  });

  it('when an event is read back, then it equals what was saved, without Cosmos fields', async () => {
    const saved = event('ev-round', '2024-05-01T08:00:00Z', { flourish: 'Learning', summary: 'A summary' });
    await store.events.saveEvent(saved);
    assert.deepEqual(await store.events.getEvent('ev-round'), saved);
    assert.equal(await store.events.getEvent('ev-missing'), undefined);
  });

  it('when a person\'s answers are listed, then only theirs come back, across events', async () => {
    await store.events.saveRsvp(rsvp('ev-a', 'u1', 'going'));
    await store.events.saveRsvp(rsvp('ev-b', 'u1', 'maybe'));
    await store.events.saveRsvp(rsvp('ev-b', 'u2', 'going'));
    const mine = await store.events.listRsvpsOfUser('u1');
    assert.deepEqual(mine.map((r) => `${r.eventId}:${r.response}`).sort(), ['ev-a:going', 'ev-b:maybe']);
  });
});
