import type { Container, ItemDefinition } from '@azure/cosmos';
import { FORGOTTEN_ID, type KnownPerson, type PersonalDataCounts, type PersonalDataKind } from '../domain/privacy/privacy';
import { type PersonalDataStore } from '../domain/privacy/ports';
import { CONTAINERS, type ContainerName } from './containers';
import { isStatus, storeCall } from './cosmos/errors';
import { readModifyWrite } from './cosmos/etag';

type Doc = ItemDefinition & { id: string; [key: string]: unknown };

/**
 * Where a person's data lives, one rule per kind of document: which documents hold it
 * (a WHERE clause on @user, their Entra object id) and what erasing means for them.
 * Most are the person's own and are deleted; a few belong to everyone (a task group, a
 * broadcast other people received) and only lose the person. A new kind of per-person
 * document gets a rule here, and "forget me" and its tests cover it.
 */
interface Rule {
  kind: PersonalDataKind;
  container: ContainerName;
  where: string;
  /** 'delete', or the document without the person in it. */
  erase: 'delete' | ((doc: Doc, userId: string) => Doc);
}

const RULES: readonly Rule[] = [
  { kind: 'rsvps', container: 'events', where: "c.type = 'rsvp' AND c.userId = @user", erase: 'delete' },
  { kind: 'memberships', container: 'taskGroups', where: "c.type = 'member' AND c.userId = @user", erase: 'delete' },
  { kind: 'contributions', container: 'taskGroups', where: "c.type = 'contribution' AND c.authorId = @user", erase: 'delete' },
  { kind: 'leadRoles', container: 'taskGroups', where: "c.type = 'group' AND ARRAY_CONTAINS(c.leadIds, @user)", erase: withoutLead },
  { kind: 'conversations', container: 'conversations', where: "c.type = 'conversation' AND c.userAadObjectId = @user", erase: 'delete' },
  { kind: 'deliveries', container: 'broadcasts', where: "c.type = 'delivery' AND c.userAadObjectId = @user", erase: 'delete' },
  { kind: 'deadlineAnswers', container: 'deadlines', where: "c.type = 'follow' AND c.userId = @user", erase: 'delete' },
  { kind: 'organiserTraces', container: 'broadcasts', where: "c.type = 'broadcast' AND c.createdBy.aadObjectId = @user", erase: withoutSender },
  { kind: 'organiserTraces', container: 'taskGroups', where: "c.type = 'call' AND c.createdBy = @user", erase: ({ createdBy: _, ...doc }) => doc },
  { kind: 'organiserTraces', container: 'taskGroups', where: "c.type = 'export' AND c[\"by\"] = @user", erase: 'delete' },
  { kind: 'organiserTraces', container: 'events', where: "c.type = 'export' AND c[\"by\"] = @user", erase: 'delete' },
  {
    kind: 'organiserTraces',
    container: 'events',
    where: "c.type = 'ledger' AND EXISTS(SELECT VALUE x FROM x IN c.changes WHERE x[\"by\"] = @user)",
    erase: (doc, user) => ({ ...doc, changes: (doc.changes as { by: string }[]).map((c) => (c.by === user ? { ...c, by: FORGOTTEN_ID } : c)) }),
  },
];

/** Where names are recorded, for an organiser's search by name. */
const NAMES: readonly { container: ContainerName; id: string; name: string; where: string }[] = [
  { container: 'events', id: 'c.userId', name: 'c.userName', where: "c.type = 'rsvp'" },
  { container: 'taskGroups', id: 'c.userId', name: 'c.userName', where: "c.type = 'member'" },
  { container: 'taskGroups', id: 'c.authorId', name: 'c.authorName', where: "c.type = 'contribution'" },
  { container: 'conversations', id: 'c.userAadObjectId', name: 'c.reference.user.name', where: "c.type = 'conversation'" },
  { container: 'deadlines', id: 'c.userId', name: 'c.userName', where: "c.type = 'follow'" },
];

function withoutLead(doc: Doc, user: string): Doc {
  const ids = doc.leadIds as string[];
  const names = (doc.leadNames as string[] | undefined) ?? [];
  // Names are kept in the same order as ids (task-groups/service.ts, setLeads), so the person's goes with their id.
  return { ...doc, leadIds: ids.filter((id) => id !== user), leadNames: names.filter((_, i) => ids[i] !== user) };
}

function withoutSender(doc: Doc): Doc {
  // The status card lived in the organiser's own chat: its address goes with them.
  const { statusMessage: _, ...rest } = doc;
  return { ...rest, createdBy: { aadObjectId: FORGOTTEN_ID } };
}

const partitionOf = (container: ContainerName, doc: Doc): string => String(doc[CONTAINERS[container].partitionKey.slice(1)]);

export function createPersonalDataStore(containers: Record<ContainerName, Container>): PersonalDataStore {
  const find = async (rule: Rule, userId: string): Promise<Doc[]> => {
    const { resources } = await containers[rule.container].items
      .query<Doc>({ query: `SELECT * FROM c WHERE ${rule.where}`, parameters: [{ name: '@user', value: userId }] })
      .fetchAll();
    return resources;
  };

  const eraseOne = async (rule: Rule, doc: Doc, userId: string): Promise<void> => {
    const container = containers[rule.container];
    const partition = partitionOf(rule.container, doc);
    if (rule.erase === 'delete') {
      try {
        await container.item(doc.id, partition).delete();
      } catch (error) {
        // Gone already (a second "forget me", or the person withdrew it meanwhile): the goal holds.
        if (!isStatus(error, 404)) throw error;
      }
      return;
    }
    const scrub = rule.erase;
    // Others may be changing the same shared document (a task group, a broadcast being sent).
    await readModifyWrite<Doc>(container, doc.id, partition, (current) => (current ? scrub(current, userId) : undefined));
  };

  const tally = async (userId: string, act: (rule: Rule, docs: Doc[]) => Promise<void>, kinds?: readonly PersonalDataKind[]): Promise<Partial<PersonalDataCounts>> => {
    const counts: Partial<PersonalDataCounts> = {};
    for (const rule of RULES.filter((r) => !kinds || kinds.includes(r.kind))) {
      const docs = await find(rule, userId);
      await act(rule, docs);
      counts[rule.kind] = (counts[rule.kind] ?? 0) + docs.length;
    }
    return counts;
  };

  type NameSource = (typeof NAMES)[number];
  const namesWhere = async (condition: (source: NameSource) => string, parameters: { name: string; value: string }[]): Promise<KnownPerson[]> => {
    const found = new Map<string, string | undefined>();
    for (const source of NAMES) {
      const { resources } = await containers[source.container].items
        .query<KnownPerson>({ query: `SELECT ${source.id} AS userId, ${source.name} AS name FROM c WHERE ${source.where} AND ${condition(source)}`, parameters })
        .fetchAll();
      for (const { userId, name } of resources) if (userId) found.set(userId, name ?? found.get(userId));
    }
    return [...found].map(([userId, name]) => ({ userId, name }));
  };

  return {
    count: (userId) => storeCall(() => tally(userId, () => Promise.resolve())),
    erase: (userId, kinds) =>
      storeCall(() =>
        tally(
          userId,
          async (rule, docs) => {
            for (const doc of docs) await eraseOne(rule, doc, userId);
          },
          kinds,
        ),
      ),
    findByName: (name) => storeCall(() => namesWhere((source) => `LOWER(${source.name}) = @name`, [{ name: '@name', value: name.trim().toLowerCase() }])),
    nameOf: (userId) =>
      storeCall(async () => {
        const [person] = await namesWhere((source) => `${source.id} = @user`, [{ name: '@user', value: userId }]);
        return person?.name;
      }),
  };
}
