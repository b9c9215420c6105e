import { strict as assert } from 'node:assert';
import { CONTAINERS, type ContainerName, containerSpecs } from '../../bot/data/containers';
import { RETENTION_RULES, type RetentionRule } from '../../bot/data/retention-rules';
import { arrayObjects, literal, readBicep, varBlock } from '../helpers/bicep';

/** The containers infra/ creates, with the TTL setting each gets (`ttlSeconds`). */
const bicepContainers = (): { id: string; ttlSeconds: string }[] =>
  arrayObjects(varBlock(readBicep('modules/cosmos.bicep'), 'containers')).map((c) => ({ id: literal(c.name ?? '') ?? '', ttlSeconds: c.ttlSeconds ?? '0' }));

/** Every container the bot may hold data in: what infra/ creates and what the code declares, together. */
const EVERY_CONTAINER: readonly string[] = [...new Set([...bicepContainers().map((c) => c.id), ...containerSpecs().map((c) => c.id)])].sort();

const nameOf = (id: string): ContainerName | undefined => (Object.keys(CONTAINERS) as ContainerName[]).find((name) => CONTAINERS[name].id === id);
const rulesOf = (id: string): RetentionRule[] => RETENTION_RULES.filter((rule) => rule.container === nameOf(id));

/**
 * The retention rules (bot/data/retention-rules.ts) against infra/ and the code: no
 * container without rules, no personal data that only disappears when another document
 * happens to be found first, and Cosmos TTL switched on wherever a rule counts on it.
 */
describe('retention rules cover every container', () => {
  it('when the containers of infra/ and bot/data/containers.ts are listed, then there are some (the table below is not empty)', () => {
    assert.ok(EVERY_CONTAINER.length >= 7, EVERY_CONTAINER.join(', '));
  });

  for (const id of EVERY_CONTAINER) {
    it(`when container "${id}" is looked up, then the retention rules say how long each of its documents is kept`, () => {
      assert.ok(rulesOf(id).length > 0, `no retention rule for container "${id}": add its document types to RETENTION_RULES`);
    });
  }

  it('when a document holds personal data, then Cosmos TTL or the retention job reaches it by itself, or with a main document that only the job removes', () => {
    const unreachable = RETENTION_RULES.filter((rule) => rule.personal).filter((rule) => {
      if (rule.ttl !== 'none' || rule.due || rule.whenPersonGone) return false;
      const main = RETENTION_RULES.find((m) => m.container === rule.container && m.type === rule.removedWith);
      // A main document that Cosmos could delete first would leave this one unreachable.
      return !(main && main.ttl === 'none' && main.due);
    });
    assert.deepEqual(unreachable.map((r) => `${r.container}/${r.type}`), []);
  });

  it('when a rule counts on Cosmos TTL, then infra/ switches TTL on for its container in the way the rule needs', () => {
    const wrong = RETENTION_RULES.filter((rule) => rule.ttl !== 'none').filter((rule) => {
      const ttl = bicepContainers().find((c) => c.id === CONTAINERS[rule.container].id)?.ttlSeconds ?? '0';
      return rule.ttl === 'item' ? ttl !== '-1' : ttl === '0' || ttl === '-1';
    });
    assert.deepEqual(wrong.map((r) => `${r.container}/${r.type} (${r.ttl})`), []);
  });

  it('when a rule is read, then it says how its documents go or why they stay, and names a real main document', () => {
    for (const rule of RETENTION_RULES) {
      const how = [rule.ttl !== 'none', !!rule.due, !!rule.removedWith, !!rule.whenPersonGone, !!rule.kept].some(Boolean);
      assert.ok(how, `${rule.container}/${rule.type} says nothing about how it goes`);
      if (rule.removedWith) assert.ok(RETENTION_RULES.some((m) => m.container === rule.container && m.type === rule.removedWith), `${rule.container}/${rule.type}`);
    }
  });
});
