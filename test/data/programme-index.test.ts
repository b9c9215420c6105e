import { strict as assert } from 'node:assert';
import type { Container } from '@azure/cosmos';
import sinon from 'sinon';
import { createProgrammeIndex, FRESH_MS, MAX_STALE_MS } from '../../bot/data/programme-index';
import type { Store } from '../../bot/data/store';
import { demoDeadlines } from '../../bot/data/demo/programme';
import { eventSchema, type NlcEvent } from '../../bot/domain/events/event';
import type { IndexEntry } from '../../bot/domain/sharing/sharing';
import { openTestStore } from '../helpers/store';

const event = (id: string, extra: Partial<NlcEvent> = {}): NlcEvent =>
  eventSchema.parse({
    id,
    title: `Event ${id}`,
    startsAt: '2024-05-07T08:00:00Z',
    endsAt: '2024-05-07T11:00:00Z',
    location: { type: 'venue', name: 'The Nest', address: 'Norwich' },
    audience: 'All',
    ...extra,
  });

const byId = (entries: readonly IndexEntry[], id: string): IndexEntry | undefined => entries.find((e) => e.id === id);

/** Another bot instance's write: straight to Cosmos, past this process's store and its index. */
const writeElsewhere = (container: Container, value: NlcEvent) => container.items.upsert({ ...value, type: 'event', eventId: value.id });

describe('programme index (embedded Cosmos)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    sinon.restore();
    await store.close();
  });

  it('when events, deadlines and calls are stored, then each is one entry with what search needs, calls named by their task group', async () => {
    await store.events.saveEvent(event('nest-visit', { series: 'Local First Inclusion', flourish: 'Learning' }));
    await store.events.saveEvent(event('online-one', { location: { type: 'online' }, status: 'draft' }));
    await store.deadlines.saveDeadline(demoDeadlines()[0]!);
    await store.taskGroups.saveGroup({ id: 'tg5-standard', number: 5, name: 'Norfolk Collaborative Standard', purpose: 'Standards', projects: [], leadIds: [], leadNames: [], leadChanges: [], createdAt: '2024-04-01T00:00:00Z' });
    await store.taskGroups.saveCall({ id: 'tg5-case-studies', groupId: 'tg5-standard', kind: 'caseStudy', title: 'Case studies', asks: 'What works', closesAt: '2024-07-19T22:59:59Z', survey: [], createdAt: '2024-04-01T00:00:00Z' });
    const entries = await store.programme.entries();
    assert.deepEqual(byId(entries, 'nest-visit'), {
      kind: 'event',
      id: 'nest-visit',
      title: 'Event nest-visit',
      series: 'Local First Inclusion',
      venue: 'The Nest, Norwich',
      flourish: 'Learning',
      startsAt: '2024-05-07T08:00:00Z',
      endsAt: '2024-05-07T11:00:00Z',
      publication: 'published',
    });
    assert.equal(byId(entries, 'online-one')?.venue, 'Online');
    assert.equal(byId(entries, 'online-one')?.publication, 'draft');
    assert.equal(byId(entries, 'attendance-framework-survey-2024')?.kind, 'deadline');
    assert.deepEqual(byId(entries, 'tg5-case-studies'), {
      kind: 'call',
      id: 'tg5-case-studies',
      groupId: 'tg5-standard',
      title: 'Case studies',
      series: 'Task Group 5: Norfolk Collaborative Standard',
      startsAt: '2024-07-19T22:59:59Z',
      endsAt: '2024-07-19T22:59:59Z',
      publication: 'published',
    });
  });

  it('when this process creates, changes or cancels an event, then the very next search sees it', async () => {
    assert.equal(byId(await store.programme.entries(), 'brand-new'), undefined);
    assert.equal(await store.events.createEvent(event('brand-new')), true);
    assert.equal(byId(await store.programme.entries(), 'brand-new')?.title, 'Event brand-new');
    await store.events.updateEvent('brand-new', (current) => current && { ...current, title: 'Renamed', status: 'cancelled' });
    assert.deepEqual(
      [byId(await store.programme.entries(), 'brand-new')?.title, byId(await store.programme.entries(), 'brand-new')?.publication],
      ['Renamed', 'cancelled'],
    );
  });

  it('when another instance changes an event, then searches keep the index until it is FRESH_MS old, read it again in the background, and wait for it after MAX_STALE_MS', async () => {
    let now = 1_000_000;
    const index = createProgrammeIndex(store.cosmos.containers, { now: () => now });
    await writeElsewhere(store.cosmos.containers.events, event('elsewhere', { title: 'First title' }));
    assert.equal(byId(await index.entries(), 'elsewhere')?.title, 'First title');

    await writeElsewhere(store.cosmos.containers.events, event('elsewhere', { title: 'Second title' }));
    now += FRESH_MS - 1;
    assert.equal(byId(await index.entries(), 'elsewhere')?.title, 'First title', 'fresh: no read');
    now += 2;
    assert.equal(byId(await index.entries(), 'elsewhere')?.title, 'First title', 'stale: served at once, read in the background');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(byId(await index.entries(), 'elsewhere')?.title, 'Second title');

    await writeElsewhere(store.cosmos.containers.events, event('elsewhere', { title: 'Third title' }));
    now += MAX_STALE_MS + 1;
    assert.equal(byId(await index.entries(), 'elsewhere')?.title, 'Third title', 'too old: read before answering');
  });

  it('when many searches arrive at once, then one read of the store serves them all', async () => {
    const index = createProgrammeIndex(store.cosmos.containers);
    const query = sinon.spy(store.cosmos.containers.events.items, 'query');
    const answers = await Promise.all(Array.from({ length: 50 }, () => index.entries()));
    assert.equal(query.callCount, 1);
    assert.ok(answers.every((a) => a === answers[0]), 'the same snapshot');
  });

  it('when a stored event does not parse (edited by hand), then it is left out and every other one is still found', async () => {
    await store.events.saveEvent(event('good-one'));
    await store.cosmos.containers.events.items.upsert({ type: 'event', id: 'broken-one', eventId: 'broken-one', title: 42 });
    const index = createProgrammeIndex(store.cosmos.containers);
    const entries = await index.entries();
    assert.ok(byId(entries, 'good-one'));
    assert.equal(byId(entries, 'broken-one'), undefined);
  });
});
