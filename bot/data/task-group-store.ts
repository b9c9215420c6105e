import type { Container } from '@azure/cosmos';
import type { TaskGroupStore } from '../domain/task-groups/ports';
import { type Membership, type TaskGroup, taskGroupSchema } from '../domain/task-groups/task-group';
import { createCallStore } from './call-store';
import { createContributionStore } from './contribution-store';
import { cachedDocuments } from './cosmos/cached-documents';
import { deleteIfPresent } from './cosmos/documents';
import { storeCall } from './cosmos/errors';
import type { TtlOptions } from './cosmos/ttl';
import { type Doc, type GroupQueries, groupQueries } from './task-group-docs';

/**
 * Task groups: everything about one group lives in its partition (task-group-docs.ts).
 * This file keeps the groups and their members; calls (call-store.ts) and contributions
 * (contribution-store.ts) are their own, and the three make the one TaskGroupStore.
 */
type GroupDoc = Doc<TaskGroup, 'group'>;

const memberId = (userId: string) => `member:${userId}`;

function toMembership(doc: Doc<Membership, 'member'>): Membership {
  return { groupId: doc.groupId, userId: doc.userId, userName: doc.userName, joinedAt: doc.joinedAt };
}

export function createTaskGroupStore(container: Container, options: TtlOptions = {}): TaskGroupStore {
  const queries = groupQueries(container);
  // Groups change rarely and every contribution needs its group (cosmos/cached-documents.ts).
  const groups = cachedDocuments<TaskGroup, GroupDoc>(container, {
    locate: (groupId) => ({ id: groupId, partitionKey: groupId }),
    keyOf: (group) => group.id,
    toDoc: (group) => ({ ...taskGroupSchema.parse(group), type: 'group', id: group.id, groupId: group.id }),
    fromDoc: (doc) => (doc.type === 'group' ? taskGroupSchema.parse(doc) : undefined),
  });
  return {
    ...createCallStore(container, queries, options),
    ...createContributionStore(container, queries),
    ...memberMethods(container, queries),
    listGroups: () =>
      storeCall(async () => {
        const docs = await queries.all<GroupDoc>("SELECT * FROM c WHERE c.type = 'group'");
        return docs.map((d) => taskGroupSchema.parse(d)).sort((a, b) => (a.number ?? 99) - (b.number ?? 99) || a.name.localeCompare(b.name));
      }),
    getGroup: groups.get,
    saveGroup: groups.save,
    createGroup: groups.create,
    updateGroup: groups.update,
  };
}

type MemberMethods = Pick<TaskGroupStore, 'join' | 'leave' | 'isMember' | 'countMembers' | 'listMembers' | 'groupsOf'>;

function memberMethods(container: Container, queries: GroupQueries): MemberMethods {
  return {
    join: (m) =>
      storeCall(async () => {
        // Upsert by a derived id: joining twice (or two clicks at once) leaves one membership.
        await container.items.upsert({ ...m, type: 'member', id: memberId(m.userId) });
      }),
    leave: (groupId, userId) =>
      storeCall(async () => {
        await deleteIfPresent(container, memberId(userId), groupId);
      }),
    isMember: (groupId, userId) =>
      storeCall(async () => {
        const { resource } = await container.item(memberId(userId), groupId).read<Doc<Membership, 'member'>>();
        return resource !== undefined;
      }),
    countMembers: (groupId) => storeCall(async () => (await queries.inGroup<number>(groupId, 'VALUE COUNT(1)', 'member'))[0] ?? 0),
    listMembers: (groupId) => storeCall(async () => (await queries.inGroup<Doc<Membership, 'member'>>(groupId, '*', 'member')).map(toMembership)),
    groupsOf: (userId) => storeCall(() => queries.all<string>("SELECT VALUE c.groupId FROM c WHERE c.type = 'member' AND c.userId = @u", [{ name: '@u', value: userId }])),
  };
}
