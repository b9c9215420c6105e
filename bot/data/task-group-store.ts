import type { Container, SqlParameter } from '@azure/cosmos';
import { CONTRIBUTION_KINDS, type ContributionKind } from '../domain/task-groups/contribution-kinds';
import { callSchema, taskGroupSchema, type Call, type Contribution, type Membership, type TaskGroup } from '../domain/task-groups/task-group';
import type { ExportGrantRecord } from '../domain/downloads';
import type { TaskGroupStore } from '../domain/task-groups/ports';
import { isStatus, storeCall } from './cosmos/errors';
import { batchedWriter } from './cosmos/batch';
import { coalesce, READ_REUSE_MS } from './cosmos/coalesce';
import { createOnce } from './cosmos/create-once';
import { readModifyWrite } from './cosmos/etag';
import { withoutSystemFields } from './cosmos/documents';
import { ttlAfter, type TtlOptions } from './cosmos/ttl';

/**
 * taskGroups container (partition key /groupId), one partition per group:
 *   { type: "group", id: <groupId>, ...group }
 *   { type: "member", id: "member:<userId>", groupId, userId, ... }
 *   { type: "call", id: "call:<callId>", groupId, ...call }
 *   { type: "contribution", id: "contribution:<id>", groupId, ...contribution }
 * Queries about one group name the partition key (in WHERE too: the embedded server
 * ignores the partition option).
 */
type Doc<T, K extends string> = T & { type: K; id: string; groupId: string };
type ContributionDoc = Doc<Contribution, 'contribution'> & { contributionId: string };

const memberId = (userId: string) => `member:${userId}`;
const callDocId = (callId: string) => `call:${callId}`;
const contributionDocId = (id: string) => `contribution:${id}`;

function toContribution(doc: Doc<Contribution, 'contribution'> & { contributionId: string }): Contribution {
  const { type: _type, contributionId, ...rest } = withoutSystemFields(doc);
  return { ...rest, id: contributionId };
}

function toMembership(doc: Doc<Membership, 'member'>): Membership {
  return { groupId: doc.groupId, userId: doc.userId, userName: doc.userName, joinedAt: doc.joinedAt };
}

export function createTaskGroupStore(container: Container, options: TtlOptions = {}): TaskGroupStore {
  const query = async <T>(sql: string, parameters: SqlParameter[], partitionKey?: string): Promise<T[]> => {
    const { resources } = await container.items.query<T>({ query: sql, parameters }, partitionKey ? { partitionKey } : {}).fetchAll();
    return resources;
  };
  const inGroup = (type: string) => `FROM c WHERE c.groupId = @g AND c.type = '${type}'`;
  const g = (groupId: string): SqlParameter => ({ name: '@g', value: groupId });
  // Groups and calls change rarely and every contribution needs both: reads are shared
  // and reused briefly; contributions to one group arriving together are batched.
  const getGroup = coalesce(
    (groupId: string) =>
      storeCall(async () => {
        const { resource } = await container.item(groupId, groupId).read<Doc<TaskGroup, 'group'>>();
        return resource?.type === 'group' ? taskGroupSchema.parse(resource) : undefined;
      }),
    { reuseForMs: READ_REUSE_MS },
  );
  // Keyed by "<groupId>/<callId>" (slugs, so "/" cannot occur in either).
  const getCall = coalesce(
    (key: string) =>
      storeCall(async () => {
        const [groupId = '', callId = ''] = key.split('/');
        const { resource } = await container.item(callDocId(callId), groupId).read<Doc<Call, 'call'> & { callId: string }>();
        return resource?.type === 'call' ? callSchema.parse({ ...resource, id: resource.callId }) : undefined;
      }),
    { reuseForMs: READ_REUSE_MS },
  );
  const createContribution = batchedWriter<ContributionDoc>(container, 'Create');

  return {
    listGroups: () =>
      storeCall(async () => {
        const docs = await query<TaskGroup>("SELECT * FROM c WHERE c.type = 'group'", []);
        return docs.map((d) => taskGroupSchema.parse(d)).sort((a, b) => (a.number ?? 99) - (b.number ?? 99) || a.name.localeCompare(b.name));
      }),
    getGroup,
    saveGroup: (group) =>
      storeCall(async () => {
        await container.items.upsert({ ...taskGroupSchema.parse(group), type: 'group', groupId: group.id });
        getGroup.forget(group.id);
      }),
    createGroup: (group) => storeCall(() => createOnce(container, { ...taskGroupSchema.parse(group), type: 'group', groupId: group.id })),
    updateGroup: (groupId, change) =>
      storeCall(async () => {
        type GroupDoc = Doc<TaskGroup, 'group'>;
        const saved = await readModifyWrite<GroupDoc>(container, groupId, groupId, (current) => {
          const next = change(current?.type === 'group' ? taskGroupSchema.parse(current) : undefined);
          return next ? { ...taskGroupSchema.parse(next), type: 'group', groupId } : undefined;
        });
        getGroup.forget(groupId);
        return saved ? taskGroupSchema.parse(saved) : undefined;
      }),

    join: (m) =>
      storeCall(async () => {
        // Upsert by a derived id: joining twice (or two clicks at once) leaves one membership.
        await container.items.upsert({ ...m, type: 'member', id: memberId(m.userId) });
      }),
    leave: (groupId, userId) =>
      storeCall(async () => {
        try {
          await container.item(memberId(userId), groupId).delete();
        } catch (error) {
          if (!isStatus(error, 404)) throw error;
        }
      }),
    isMember: (groupId, userId) =>
      storeCall(async () => {
        const { resource } = await container.item(memberId(userId), groupId).read<Doc<Membership, 'member'>>();
        return resource !== undefined;
      }),
    countMembers: (groupId) =>
      storeCall(async () => (await query<number>(`SELECT VALUE COUNT(1) ${inGroup('member')}`, [g(groupId)], groupId))[0] ?? 0),
    listMembers: (groupId) =>
      storeCall(async () => (await query<Doc<Membership, 'member'>>(`SELECT * ${inGroup('member')}`, [g(groupId)], groupId)).map(toMembership)),
    groupsOf: (userId) =>
      storeCall(async () => query<string>("SELECT VALUE c.groupId FROM c WHERE c.type = 'member' AND c.userId = @u", [{ name: '@u', value: userId }])),

    getCall: (groupId, callId) => getCall(`${groupId}/${callId}`),
    saveCall: (call) =>
      storeCall(async () => {
        const parsed = callSchema.parse(call);
        await container.items.upsert({ ...parsed, type: 'call', id: callDocId(call.id), callId: call.id });
        getCall.forget(`${call.groupId}/${call.id}`);
      }),
    createCall: (call) =>
      storeCall(async () => {
        const created = await createOnce(container, { ...callSchema.parse(call), type: 'call', id: callDocId(call.id), callId: call.id });
        getCall.forget(`${call.groupId}/${call.id}`);
        return created;
      }),
    updateCall: (groupId, callId, change) =>
      storeCall(async () => {
        type CallDoc = Doc<Call, 'call'> & { callId: string };
        const toCall = (doc: CallDoc): Call => callSchema.parse({ ...doc, id: doc.callId });
        try {
          const saved = await readModifyWrite<CallDoc>(container, callDocId(callId), groupId, (doc) => {
            const next = change(doc?.type === 'call' ? toCall(doc) : undefined);
            return next ? { ...callSchema.parse(next), type: 'call', id: callDocId(callId), callId } : undefined;
          });
          return saved?.type === 'call' ? toCall(saved) : undefined;
        } finally {
          getCall.forget(`${groupId}/${callId}`);
        }
      }),
    listCalls: (groupId) =>
      storeCall(async () => {
        const docs = await query<Doc<Call, 'call'> & { callId: string }>(`SELECT * ${inGroup('call')}`, [g(groupId)], groupId);
        return docs.map((d) => callSchema.parse({ ...d, id: d.callId }));
      }),
    saveExportGrant: ({ groupId, ...grant }) =>
      storeCall(async () => {
        // In Azure, Cosmos removes the grant itself once it has expired (the retention job does everywhere).
        const ttl = ttlAfter(options, grant.expiresAt, 0);
        await container.items.create({ ...grant, groupId, type: 'export', id: `export:${grant.tokenHash}`, ...ttl });
      }),
    getExportGrant: (groupId, tokenHash) =>
      storeCall(async () => {
        const { resource } = await container.item(`export:${tokenHash}`, groupId).read<Doc<ExportGrantRecord, 'export'>>();
        if (resource?.type !== 'export') return undefined;
        const { by, createdAt, expiresAt } = resource;
        return { tokenHash: resource.tokenHash, by, createdAt, expiresAt };
      }),
    listOpenCalls: (after) =>
      storeCall(async () => {
        const docs = await query<Doc<Call, 'call'> & { callId: string }>(
          "SELECT * FROM c WHERE c.type = 'call' AND c.closesAt > @after ORDER BY c.closesAt",
          [{ name: '@after', value: after.toISOString() }],
        );
        return docs.map((d) => callSchema.parse({ ...d, id: d.callId }));
      }),

    getContribution: (groupId, id) =>
      storeCall(async () => {
        const { resource } = await container.item(contributionDocId(id), groupId).read<Doc<Contribution, 'contribution'> & { contributionId: string }>();
        return resource?.type === 'contribution' ? toContribution(resource) : undefined;
      }),
    createContribution: (c) => createContribution(c.groupId, { ...c, type: 'contribution', id: contributionDocId(c.id), contributionId: c.id }),
    updateContribution: (groupId, id, change) =>
      storeCall(async () => {
        const saved = await readModifyWrite<ContributionDoc>(container, contributionDocId(id), groupId, (current) => {
          const next = change(current ? toContribution(current) : undefined);
          return next ? { ...next, type: 'contribution', id: contributionDocId(id), contributionId: id } : undefined;
        });
        return saved ? toContribution(saved) : undefined;
      }),
    deleteContribution: (groupId, id) =>
      storeCall(async () => {
        try {
          await container.item(contributionDocId(id), groupId).delete();
        } catch (error) {
          if (!isStatus(error, 404)) throw error;
        }
      }),
    listContributionsOf: (userId) =>
      storeCall(async () =>
        (
          await query<Doc<Contribution, 'contribution'> & { contributionId: string }>(
            "SELECT * FROM c WHERE c.type = 'contribution' AND c.authorId = @u",
            [{ name: '@u', value: userId }],
          )
        ).map(toContribution),
      ),
    listContributions: (groupId) =>
      storeCall(async () =>
        (
          await query<Doc<Contribution, 'contribution'> & { contributionId: string }>(
            `SELECT * ${inGroup('contribution')} ORDER BY c.createdAt DESC`,
            [g(groupId)],
            groupId,
          )
        ).map(toContribution),
      ),
    latestContributions: (groupId, limit) =>
      storeCall(async () =>
        (
          await query<Doc<Contribution, 'contribution'> & { contributionId: string }>(
            `SELECT TOP @limit * ${inGroup('contribution')} ORDER BY c.createdAt DESC`,
            [g(groupId), { name: '@limit', value: limit }],
            groupId,
          )
        ).map(toContribution),
      ),
    countByKind: (groupId) =>
      storeCall(async () => {
        // One single-partition query of conditional sums (the embedded server has no GROUP BY).
        const sums = CONTRIBUTION_KINDS.map((kind) => `SUM(c.kind = '${kind}' ? 1 : 0) AS ${kind}`).join(', ');
        const [row] = await query<Partial<Record<ContributionKind, number>>>(`SELECT ${sums} ${inGroup('contribution')}`, [g(groupId)], groupId);
        return Object.fromEntries(CONTRIBUTION_KINDS.map((kind) => [kind, row?.[kind] ?? 0])) as Record<ContributionKind, number>;
      }),
    contributorIds: (groupId) =>
      storeCall(async () => query<string>(`SELECT VALUE c.authorId ${inGroup('contribution')}`, [g(groupId)], groupId)),
  };
}
