import { strict as assert } from 'node:assert';
import type { Store } from '../../bot/data/store';
import { demoTaskGroups } from '../../bot/data/demo/task-groups';
import type { Contribution } from '../../bot/domain/task-groups/task-group';
import { countDocs, openTestStore } from '../helpers/store';

const contribution = (id: string, groupId: string, kind: Contribution['kind'], authorId: string, createdAt: string): Contribution => ({
  id,
  groupId,
  callId: 'call-x',
  kind,
  authorId,
  values: { text: `text of ${id}` },
  status: 'submitted',
  createdAt,
  updatedAt: createdAt,
});

describe('task group store (embedded Cosmos)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
    for (const g of demoTaskGroups(new Date('2024-04-23T08:00:00Z')).groups) await store.taskGroups.saveGroup(g);
  });
  afterEach(() => store.close());

  it('when the same person joins ten times at once, then there is one membership; leaving twice is harmless', async () => {
    const m = { groupId: 'tg2-transitions', userId: 'u1', joinedAt: '2024-05-01T08:00:00.000Z' };
    await Promise.all(Array.from({ length: 10 }, () => store.taskGroups.join(m)));
    assert.equal(await store.taskGroups.countMembers('tg2-transitions'), 1);
    await store.taskGroups.leave('tg2-transitions', 'u1');
    await store.taskGroups.leave('tg2-transitions', 'u1');
    assert.equal(await store.taskGroups.isMember('tg2-transitions', 'u1'), false);
  });

  it('when contributions arrive in two groups, then each group counts only its own, by kind, from a query', async () => {
    await store.taskGroups.createContribution(contribution('c1', 'tg1-workforce', 'caseStudy', 'u1', '2024-05-01T08:00:00.000Z'));
    await store.taskGroups.createContribution(contribution('c2', 'tg1-workforce', 'caseStudy', 'u2', '2024-05-01T09:00:00.000Z'));
    await store.taskGroups.createContribution(contribution('c3', 'tg1-workforce', 'idea', 'u1', '2024-05-01T10:00:00.000Z'));
    await store.taskGroups.createContribution(contribution('c4', 'tg6-communication', 'idea', 'u3', '2024-05-01T11:00:00.000Z'));
    assert.deepEqual(await store.taskGroups.countByKind('tg1-workforce'), { caseStudy: 2, hostVisit: 0, requestVisit: 0, idea: 1, surveyAnswer: 0 });
    assert.deepEqual(await store.taskGroups.countByKind('tg6-communication'), { caseStudy: 0, hostVisit: 0, requestVisit: 0, idea: 1, surveyAnswer: 0 });
    assert.deepEqual((await store.taskGroups.latestContributions('tg1-workforce', 2)).map((c) => c.id), ['c3', 'c2']);
    assert.deepEqual((await store.taskGroups.contributorIds('tg1-workforce')).sort(), ['u1', 'u1', 'u2']);
    assert.deepEqual((await store.taskGroups.listContributionsOf('u1')).map((c) => c.id).sort(), ['c1', 'c3']);
  });

  it('when a contribution is deleted, then its document (and text) is gone and the counts drop', async () => {
    await store.taskGroups.createContribution(contribution('c1', 'tg1-workforce', 'idea', 'u1', '2024-05-01T08:00:00.000Z'));
    await store.taskGroups.deleteContribution('tg1-workforce', 'c1');
    await store.taskGroups.deleteContribution('tg1-workforce', 'c1');
    assert.equal(await countDocs(store.cosmos.containers.taskGroups, "c.type = 'contribution'"), 0);
    assert.equal(await countDocs(store.cosmos.containers.taskGroups, "CONTAINS(c.values.text, 'text of c1')"), 0);
    assert.deepEqual(await store.taskGroups.countByKind('tg1-workforce'), { caseStudy: 0, hostVisit: 0, requestVisit: 0, idea: 0, surveyAnswer: 0 });
  });

  it('when a contribution is changed by two writers at once, then both changes survive (etag read-modify-write)', async () => {
    await store.taskGroups.createContribution(contribution('c1', 'tg1-workforce', 'idea', 'u1', '2024-05-01T08:00:00.000Z'));
    await Promise.all([
      store.taskGroups.updateContribution('tg1-workforce', 'c1', (c) => (c ? { ...c, status: 'used' } : undefined)),
      store.taskGroups.updateContribution('tg1-workforce', 'c1', (c) => (c ? { ...c, values: { text: 'edited' } } : undefined)),
    ]);
    const saved = await store.taskGroups.getContribution('tg1-workforce', 'c1');
    assert.deepEqual({ status: saved?.status, text: saved?.values.text }, { status: 'used', text: 'edited' });
  });
});
