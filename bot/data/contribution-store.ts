import type { Container } from '@azure/cosmos';
import { CONTRIBUTION_KINDS, type ContributionKind } from '../domain/task-groups/contribution-kinds';
import type { TaskGroupStore } from '../domain/task-groups/ports';
import type { Contribution } from '../domain/task-groups/task-group';
import { batchedWriter } from './cosmos/batch';
import { deleteIfPresent, withoutSystemFields } from './cosmos/documents';
import { storeCall } from './cosmos/errors';
import { readModifyWrite } from './cosmos/etag';
import type { Doc, GroupQueries } from './task-group-docs';

/** Contributions, in their group's partition (task-group-docs.ts). */
type ContributionDoc = Doc<Contribution, 'contribution'> & { contributionId: string };

const contributionDocId = (id: string) => `contribution:${id}`;
const toDoc = (contribution: Contribution): ContributionDoc => ({ ...contribution, type: 'contribution', id: contributionDocId(contribution.id), contributionId: contribution.id });

function toContribution(doc: ContributionDoc): Contribution {
  const { type: _type, contributionId, ...rest } = withoutSystemFields(doc);
  return { ...rest, id: contributionId };
}

type ContributionMethods = Pick<
  TaskGroupStore,
  'getContribution' | 'createContribution' | 'updateContribution' | 'deleteContribution' | 'listContributionsOf' | 'listContributions' | 'latestContributions' | 'countByKind' | 'contributorIds'
>;

export function createContributionStore(container: Container, queries: GroupQueries): ContributionMethods {
  // Contributions to one group arriving together are batched (see cosmos/group-commit.ts).
  const createContribution = batchedWriter<ContributionDoc>(container, 'Create');
  const newestFirst = 'ORDER BY c.createdAt DESC';
  return {
    getContribution: (groupId, id) =>
      storeCall(async () => {
        const { resource } = await container.item(contributionDocId(id), groupId).read<ContributionDoc>();
        return resource?.type === 'contribution' ? toContribution(resource) : undefined;
      }),
    createContribution: (c) => createContribution(c.groupId, toDoc(c)),
    updateContribution: (groupId, id, change) =>
      storeCall(async () => {
        const saved = await readModifyWrite<ContributionDoc>(container, contributionDocId(id), groupId, (current) => {
          const next = change(current ? toContribution(current) : undefined);
          return next ? toDoc({ ...next, id }) : undefined;
        });
        return saved ? toContribution(saved) : undefined;
      }),
    deleteContribution: (groupId, id) =>
      storeCall(async () => {
        await deleteIfPresent(container, contributionDocId(id), groupId);
      }),
    listContributionsOf: (userId) =>
      storeCall(async () =>
        (await queries.all<ContributionDoc>("SELECT * FROM c WHERE c.type = 'contribution' AND c.authorId = @u", [{ name: '@u', value: userId }])).map(toContribution),
      ),
    listContributions: (groupId) => storeCall(async () => (await queries.inGroup<ContributionDoc>(groupId, '*', 'contribution', newestFirst)).map(toContribution)),
    latestContributions: (groupId, limit) =>
      storeCall(async () =>
        (await queries.inGroup<ContributionDoc>(groupId, 'TOP @limit *', 'contribution', newestFirst, [{ name: '@limit', value: limit }])).map(toContribution),
      ),
    countByKind: (groupId) =>
      storeCall(async () => {
        // One single-partition query of conditional sums (the embedded server has no GROUP BY).
        const sums = CONTRIBUTION_KINDS.map((kind) => `SUM(c.kind = '${kind}' ? 1 : 0) AS ${kind}`).join(', ');
        const [row] = await queries.inGroup<Partial<Record<ContributionKind, number>>>(groupId, sums, 'contribution');
        return Object.fromEntries(CONTRIBUTION_KINDS.map((kind) => [kind, row?.[kind] ?? 0])) as Record<ContributionKind, number>;
      }),
    contributorIds: (groupId) => storeCall(() => queries.inGroup<string>(groupId, 'VALUE c.authorId', 'contribution')),
  };
}
