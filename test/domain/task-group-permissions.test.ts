import { strict as assert } from 'node:assert';
import { ManualClock } from '../../bot/clock';
import type { Store } from '../../bot/data/store';
import { demoTaskGroups } from '../../bot/data/demo/task-groups';
import type { Actor } from '../../bot/domain/actor';
import { DomainError } from '../../bot/domain/errors';
import { organisersFrom } from '../../bot/domain/organisers';
import { editContribution, submitContribution, withdrawContribution } from '../../bot/domain/task-groups/contributions';
import { digestFor, markUsed } from '../../bot/domain/task-groups/digest';
import { createGroup, setLeads, setMembership, type TaskGroupsDeps } from '../../bot/domain/task-groups/service';
import { openTestStore } from '../helpers/store';

const person = (n: number, name: string): Actor => ({ aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, teamsUserId: `29:${n}`, name });
const organiser = person(1, 'Olive Organiser');
const lead = person(2, 'Lee Lead');
const member = person(3, 'Mo Member');
const other = person(4, 'Oti Other');

const codeOf = async (work: Promise<unknown>): Promise<string | undefined> => {
  try {
    await work;
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : `unexpected: ${String(error)}`;
  }
};

describe('task group permissions (domain, real embedded Cosmos)', () => {
  let store: Store;
  let deps: TaskGroupsDeps;
  let ids = 0;
  const idea = { text: 'A single termly newsletter for all task groups', contactMe: 'false' };

  beforeEach(async () => {
    store = await openTestStore();
    const clock = new ManualClock('2024-05-01T08:00:00Z');
    deps = { taskGroups: store.taskGroups, organisers: organisersFrom([organiser.aadObjectId]), clock, newId: () => `contribution-${++ids}` };
    const { groups, calls } = demoTaskGroups(clock.now());
    await Promise.all([...groups.map((g) => store.taskGroups.saveGroup(g)), ...calls.map((c) => store.taskGroups.saveCall(c))]);
    await setMembership(deps, lead, 'tg6-communication', true);
    await setMembership(deps, member, 'tg6-communication', true);
    await setLeads(deps, organiser, 'tg6-communication', { leads: lead.aadObjectId });
  });
  afterEach(() => store.close());

  it('when a member who is not a lead asks for the digest, then it is forbidden; the lead and organisers may', async () => {
    assert.equal(await codeOf(digestFor(deps, member, 'tg6-communication')), 'forbidden');
    assert.equal(await codeOf(digestFor(deps, lead, 'tg6-communication')), undefined);
    assert.equal(await codeOf(digestFor(deps, organiser, 'tg6-communication')), undefined);
    assert.equal(await codeOf(digestFor(deps, lead, 'tg1-workforce')), 'forbidden', 'a lead of one group is not a lead of another');
  });

  it('when someone other than the author edits, withdraws, or a non-lead marks used, then it is refused and unchanged', async () => {
    const { contribution } = await submitContribution(deps, member, 'tg6-communication', 'tg6-engagement-ideas', idea);
    assert.equal(await codeOf(editContribution(deps, other, 'tg6-communication', contribution.id, { ...idea, text: 'Changed by someone else' })), 'forbidden');
    assert.equal(await codeOf(editContribution(deps, lead, 'tg6-communication', contribution.id, { ...idea, text: 'Changed by the lead' })), 'forbidden');
    assert.equal(await codeOf(withdrawContribution(deps, other, 'tg6-communication', contribution.id)), 'forbidden');
    assert.equal(await codeOf(markUsed(deps, member, 'tg6-communication', contribution.id, true)), 'forbidden');
    const saved = await store.taskGroups.getContribution('tg6-communication', contribution.id);
    assert.deepEqual({ text: saved?.values.text, status: saved?.status }, { text: idea.text, status: 'submitted' });
  });

  it('when a non-organiser creates a group or chooses leads, then it is forbidden', async () => {
    assert.equal(await codeOf(createGroup(deps, lead, { name: 'A new group', purpose: 'Something worth doing together' })), 'forbidden');
    assert.equal(await codeOf(setLeads(deps, lead, 'tg6-communication', { leads: member.aadObjectId })), 'forbidden');
  });

  it('when an organiser chooses a lead who is not a member, then it is refused', async () => {
    assert.equal(await codeOf(setLeads(deps, organiser, 'tg6-communication', { leads: other.aadObjectId })), 'invalid_input');
    assert.deepEqual((await store.taskGroups.getGroup('tg6-communication'))?.leadIds, [lead.aadObjectId]);
  });

  it('when an organiser creates a group twice with the same number and name, then the second is refused', async () => {
    const input = { number: '7', name: 'Early Years Partnership', purpose: 'Joining up early years settings and schools', projects: 'Two-year-old offer\nFamily hubs' };
    const group = await createGroup(deps, organiser, input);
    assert.equal(group.id, 'tg7-early-years-partnership');
    assert.deepEqual(group.projects, ['Two-year-old offer', 'Family hubs']);
    assert.equal(await codeOf(createGroup(deps, organiser, input)), 'invalid_input');
  });
});
