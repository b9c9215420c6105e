import { strict as assert } from 'node:assert';
import { ManualClock } from '../../bot/clock';
import { demoDeadlines } from '../../bot/data/demo/programme';
import type { Store } from '../../bot/data/store';
import { changeFollow } from '../../bot/domain/deadlines/service';
import { planReminders } from '../../bot/domain/reminders/planner';
import { countDocs, openTestStore } from '../helpers/store';

const SAFEGUARDING = 'dfe-safeguarding-call-for-evidence-2024';
const actor = (n: number) => ({ aadObjectId: `00000000-0000-4000-8000-00000000000${n}`, teamsUserId: `29:user-${n}`, name: `Person ${n}` });

describe('deadline and reminder stores (embedded Cosmos)', () => {
  let store: Store;
  const clock = new ManualClock('2024-06-01T08:00:00Z');
  beforeEach(async () => {
    store = await openTestStore();
    for (const deadline of demoDeadlines()) await store.deadlines.saveDeadline(deadline);
  });
  afterEach(() => store.close());

  it('when someone presses Remind me and I\'ve responded at the same moment, then one record keeps both answers', async () => {
    const deps = { deadlines: store.deadlines, clock };
    await Promise.all([changeFollow(deps, actor(1), SAFEGUARDING, { remind: true }), changeFollow(deps, actor(1), SAFEGUARDING, { responded: true })]);
    const follow = await store.deadlines.getFollow(SAFEGUARDING, actor(1).aadObjectId);
    assert.equal(follow?.remind, true);
    assert.equal(follow?.responded, true);
    assert.equal(await countDocs(store.cosmos.containers.deadlines, "c.type = 'follow'"), 1);
  });

  it('when two organisers withdraw and edit a deadline at once, then neither change is lost', async () => {
    await Promise.all([
      store.deadlines.updateDeadline(SAFEGUARDING, (d) => ({ ...d, title: `${d.title} (extended)`, sequence: d.sequence + 1 })),
      store.deadlines.updateDeadline(SAFEGUARDING, (d) => ({ ...d, status: 'cancelled', sequence: d.sequence + 1 })),
    ]);
    const stored = await store.deadlines.getDeadline(SAFEGUARDING);
    assert.equal(stored?.status, 'cancelled');
    assert.match(stored?.title ?? '', /\(extended\)$/);
    assert.equal(stored?.sequence, 2);
  });

  it('when two schedulers decide the same due reminder at once, then it is queued once and marked once', async () => {
    await changeFollow({ deadlines: store.deadlines, clock }, actor(2), SAFEGUARDING, { remind: true });
    const at = new ManualClock('2024-06-13T08:00:00Z');
    const deps = { ...store, clock: at, reminderTime: '09:00' };
    const [a, b] = await Promise.all([planReminders(deps), planReminders(deps)]);
    const queued = [...a.queued, ...b.queued].filter((q) => q.subject === `deadline:${SAFEGUARDING}`);
    assert.equal(queued.length, 1, 'one of the two recorded it');
    assert.equal(await countDocs(store.cosmos.containers.broadcasts, "c.type = 'broadcast' AND c.content.deadlineId = @d", [{ name: '@d', value: SAFEGUARDING }]), 1);
    const record = (await store.reminders.getMany([`deadline:${SAFEGUARDING}`])).get(`deadline:${SAFEGUARDING}`);
    assert.deepEqual(Object.values(record?.slots ?? {}).map((s) => s.state), ['queued']);
  });
});
