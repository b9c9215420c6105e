import type { Container, ItemDefinition } from '@azure/cosmos';
import { FORGOTTEN_ID, type KnownPerson, type PersonalDataCounts, type PersonalDataKind } from '../domain/privacy/privacy';
import { type PersonalDataStore } from '../domain/privacy/ports';
import { CONTAINERS, type ContainerName } from './containers';
import { deleteIfPresent } from './cosmos/documents';
import { storeCall } from './cosmos/errors';
import { readModifyWrite } from './cosmos/etag';
import { queryAll } from './cosmos/query';

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
  { kind: 'bookingReminders', container: 'events', where: "c.type = 'bookingReminder' AND c.userId = @user", erase: 'delete' },
  { kind: 'memberships', container: 'taskGroups', where: "c.type = 'member' AND c.userId = @user", erase: 'delete' },
  { kind: 'contributions', container: 'taskGroups', where: "c.type = 'contribution' AND c.authorId = @user", erase: 'delete' },
  {
    kind: 'leadRoles',
    container: 'taskGroups',
    where: "c.type = 'group' AND (ARRAY_CONTAINS(c.leadIds, @user) OR EXISTS(SELECT VALUE x FROM x IN c.leadChanges WHERE x.userId = @user))",
    erase: withoutLead,
  },
  { kind: 'organiserRoles', container: 'roles', where: "c.type = 'organiser' AND c.userId = @user", erase: 'delete' },
  { kind: 'conversations', container: 'conversations', where: "c.type = 'conversation' AND c.userAadObjectId = @user", erase: 'delete' },
  { kind: 'conversations', container: 'conversations', where: "c.type = 'reach' AND c.userAadObjectId = @user", erase: 'delete' },
  // Not re-added until a roster event sees them again (someone joins the team, the bot is added again).
  { kind: 'teamMemberships', container: 'rosters', where: "c.type = 'member' AND c.userAadObjectId = @user", erase: 'delete' },
  { kind: 'deliveries', container: 'broadcasts', where: "c.type = 'delivery' AND c.userAadObjectId = @user", erase: 'delete' },
  { kind: 'deadlineAnswers', container: 'deadlines', where: "c.type = 'follow' AND c.userId = @user", erase: 'delete' },
  { kind: 'organiserTraces', container: 'broadcasts', where: "c.type = 'broadcast' AND c.createdBy.aadObjectId = @user", erase: withoutSender },
  { kind: 'organiserTraces', container: 'taskGroups', where: "c.type = 'call' AND c.createdBy = @user", erase: ({ createdBy: _, ...doc }) => doc },
  { kind: 'organiserTraces', container: 'taskGroups', where: "c.type = 'export' AND c[\"by\"] = @user", erase: 'delete' },
  { kind: 'organiserTraces', container: 'events', where: "c.type = 'export' AND c[\"by\"] = @user", erase: 'delete' },
  { kind: 'organiserTraces', container: 'roles', where: "c.type = 'organiser' AND (c.addedBy = @user OR c.removedBy = @user)", erase: withoutGiver },
  {
    kind: 'organiserTraces',
    container: 'taskGroups',
    where: "c.type = 'group' AND EXISTS(SELECT VALUE x FROM x IN c.leadChanges WHERE x[\"by\"] = @user)",
    erase: (doc, user) => ({ ...doc, leadChanges: (doc.leadChanges as { by: string }[]).map((c) => (c.by === user ? { ...c, by: FORGOTTEN_ID } : c)) }),
  },
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
  { container: 'events', id: 'c.userId', name: 'c.userName', where: "c.type = 'bookingReminder'" },
  { container: 'taskGroups', id: 'c.userId', name: 'c.userName', where: "c.type = 'member'" },
  { container: 'taskGroups', id: 'c.authorId', name: 'c.authorName', where: "c.type = 'contribution'" },
  { container: 'conversations', id: 'c.userAadObjectId', name: 'c.reference.user.name', where: "c.type = 'conversation'" },
  { container: 'roles', id: 'c.userId', name: 'c.name', where: "c.type = 'organiser'" },
  { container: 'deadlines', id: 'c.userId', name: 'c.userName', where: "c.type = 'follow'" },
];

function withoutLead(doc: Doc, user: string): Doc {
  const ids = doc.leadIds as string[];
  const names = (doc.leadNames as string[] | undefined) ?? [];
  // Names are kept in the same order as ids (task-groups/service.ts, setLeads), so the person's goes with their id.
  const changes = (doc.leadChanges as { userId: string }[] | undefined) ?? [];
  return { ...doc, leadIds: ids.filter((id) => id !== user), leadNames: names.filter((_, i) => ids[i] !== user), leadChanges: changes.filter((c) => c.userId !== user) };
}

/** An organiser's record that stays (it is someone else's role) loses who gave or took it. */
function withoutGiver(doc: Doc, user: string): Doc {
  const next: Doc = { ...doc };
  for (const [id, name] of [['addedBy', 'addedByName'], ['removedBy', 'removedByName']] as const) {
    if (doc[id] !== user) continue;
    next[id] = FORGOTTEN_ID;
    delete next[name];
  }
  return next;
}

function withoutSender(doc: Doc): Doc {
  // The status card lived in the organiser's own chat: its address goes with them.
  const { statusMessage: _, ...rest } = doc;
  return { ...rest, createdBy: { aadObjectId: FORGOTTEN_ID } };
}

const partitionOf = (container: ContainerName, doc: Doc): string => String(doc[CONTAINERS[container].partitionKey.slice(1)]);

type Containers = Record<ContainerName, Container>;

const find = (containers: Containers, rule: Rule, userId: string): Promise<Doc[]> =>
  queryAll<Doc>(containers[rule.container], `SELECT * FROM c WHERE ${rule.where}`, [{ name: '@user', value: userId }]);

async function eraseOne(containers: Containers, rule: Rule, doc: Doc, userId: string): Promise<void> {
  const container = containers[rule.container];
  const partition = partitionOf(rule.container, doc);
  if (rule.erase === 'delete') {
    await deleteIfPresent(container, doc.id, partition);
    return;
  }
  const scrub = rule.erase;
  // Others may be changing the same shared document (a task group, a broadcast being sent).
  await readModifyWrite<Doc>(container, doc.id, partition, (current) => (current ? scrub(current, userId) : undefined));
}

/** Runs `act` on the person's documents, rule by rule (only `kinds`, if given), and counts them by kind. */
async function tally(containers: Containers, userId: string, act: (rule: Rule, docs: Doc[]) => Promise<void>, kinds?: readonly PersonalDataKind[]): Promise<Partial<PersonalDataCounts>> {
  const counts: Partial<PersonalDataCounts> = {};
  for (const rule of RULES.filter((r) => !kinds || kinds.includes(r.kind))) {
    const docs = await find(containers, rule, userId);
    await act(rule, docs);
    counts[rule.kind] = (counts[rule.kind] ?? 0) + docs.length;
  }
  return counts;
}

type NameSource = (typeof NAMES)[number];

async function namesWhere(containers: Containers, condition: (source: NameSource) => string, parameters: { name: string; value: string }[]): Promise<KnownPerson[]> {
  const found = new Map<string, string | undefined>();
  for (const source of NAMES) {
    const query = `SELECT ${source.id} AS userId, ${source.name} AS name FROM c WHERE ${source.where} AND ${condition(source)}`;
    for (const { userId, name } of await queryAll<KnownPerson>(containers[source.container], query, parameters)) if (userId) found.set(userId, name ?? found.get(userId));
  }
  return [...found].map(([userId, name]) => ({ userId, name }));
}

export function createPersonalDataStore(containers: Containers): PersonalDataStore {
  return {
    count: (userId) => storeCall(() => tally(containers, userId, () => Promise.resolve())),
    erase: (userId, kinds) =>
      storeCall(() =>
        tally(
          containers,
          userId,
          async (rule, docs) => {
            for (const doc of docs) await eraseOne(containers, rule, doc, userId);
          },
          kinds,
        ),
      ),
    findByName: (name) => storeCall(() => namesWhere(containers, (source) => `LOWER(${source.name}) = @name`, [{ name: '@name', value: name.trim().toLowerCase() }])),
    nameOf: (userId) =>
      storeCall(async () => {
        const [person] = await namesWhere(containers, (source) => `${source.id} = @user`, [{ name: '@user', value: userId }]);
        return person?.name;
      }),
  };
}
