import { createHash } from 'node:crypto';
import type { Container, OperationInput } from '@azure/cosmos';
import type { RosterStore } from '../domain/rosters/ports';
import type { Roster, RosterMember } from '../domain/rosters/roster';
import { upsertAll } from './cosmos/batch';
import { withoutSystemFields } from './cosmos/documents';
import { isStatus, storeCall } from './cosmos/errors';
import { readModifyWrite } from './cosmos/etag';
import { queryAll, queryIn } from './cosmos/query';

/**
 * Rosters container (partition key /rosterId), one partition per team or group chat the
 * bot is in, so reading, listing and emptying one team are single-partition work:
 *   { type: "roster", id: "roster", rosterId, ...roster }   how far its read has got
 *   { type: "member", id: "m:<hash of Teams user id>", rosterId, ...member }   one per person (ids only)
 */
type RosterDoc = Roster & { id: 'roster'; type: 'roster' };
type MemberDoc = RosterMember & { id: string; type: 'member' };

const ROSTER_ID = 'roster';
const memberDocId = (teamsUserId: string): string => `m:${createHash('sha256').update(teamsUserId).digest('base64url')}`;

const strip = <T extends { id: string; type: string }>(doc: T): Omit<T, 'id' | 'type'> => {
  const { id: _id, type: _type, ...rest } = withoutSystemFields(doc);
  return rest;
};

/** Cosmos' bulk API takes at most this many operations per call. */
const BULK = 100;

async function deleteIds(container: Container, rosterId: string, ids: readonly string[]): Promise<number> {
  let removed = 0;
  for (let i = 0; i < ids.length; i += BULK) {
    const operations: OperationInput[] = ids.slice(i, i + BULK).map((id) => ({ operationType: 'Delete', id, partitionKey: rosterId }));
    for (const result of await container.items.bulk(operations, { continueOnError: true })) {
      if (result.statusCode >= 200 && result.statusCode < 300) removed++;
      // 404: gone already (a leaver removed by an event, another run).
      else if (result.statusCode !== 404) throw Object.assign(new Error('could not delete roster members'), { code: result.statusCode });
    }
  }
  return removed;
}

const inRoster = (rosterId: string) => [{ name: '@r', value: rosterId }];

/** Who is in a roster, and where people are: the reads audiences and reaching people make. */
function memberReads(container: Container): Pick<RosterStore, 'membersOf' | 'membershipsOf'> {
  return {
    membersOf: (rosterId) =>
      storeCall(async () =>
        (await queryAll<MemberDoc>(container, "SELECT * FROM c WHERE c.rosterId = @r AND c.type = 'member'", inRoster(rosterId), rosterId)).map(strip),
      ),
    membershipsOf: (aadObjectIds) =>
      storeCall(async () => {
        const ids = [...new Set(aadObjectIds.map((id) => id.toLowerCase()))];
        const latest = new Map<string, MemberDoc>();
        for (const doc of await queryIn<MemberDoc>(container, ids, (list) => `SELECT * FROM c WHERE c.type = 'member' AND c.userAadObjectId IN (${list})`)) {
          const known = latest.get(doc.userAadObjectId);
          if (!known || known.seenAt < doc.seenAt) latest.set(doc.userAadObjectId, doc);
        }
        return [...latest.values()].map(strip);
      }),
  };
}

export function createRosterStore(container: Container): RosterStore {
  return {
    getRoster: (rosterId) =>
      storeCall(async () => {
        const { resource } = await container.item(ROSTER_ID, rosterId).read<RosterDoc>();
        return resource ? strip(resource) : undefined;
      }),
    updateRoster: (rosterId, change) =>
      storeCall(async () => {
        const saved = await readModifyWrite<RosterDoc>(container, ROSTER_ID, rosterId, (current) => {
          const next = change(current ? strip(current) : undefined);
          return next ? { ...next, rosterId, id: ROSTER_ID, type: 'roster' } : undefined;
        });
        return saved ? strip(saved) : undefined;
      }),
    pendingRosters: () =>
      storeCall(async () =>
        (await queryAll<RosterDoc>(container, "SELECT * FROM c WHERE c.type = 'roster' AND (c.status = 'reading' OR c.status = 'removing')")).map(strip),
      ),
    saveMembers: (rosterId, members) =>
      storeCall(() => upsertAll(container, rosterId, members.map((m): MemberDoc => ({ ...m, rosterId, id: memberDocId(m.teamsUserId), type: 'member' })))),
    removeMembers: (rosterId, teamsUserIds) => storeCall(() => deleteIds(container, rosterId, teamsUserIds.map(memberDocId))),
    removeStale: (rosterId, generation, limit) =>
      storeCall(async () => {
        const older = generation === undefined ? '' : ' AND c.generation < @g';
        const ids = await queryAll<string>(
          container,
          `SELECT TOP @limit VALUE c.id FROM c WHERE c.rosterId = @r AND c.type = 'member'${older}`,
          [...inRoster(rosterId), { name: '@limit', value: limit }, ...(generation === undefined ? [] : [{ name: '@g', value: generation }])],
          rosterId,
        );
        return deleteIds(container, rosterId, ids);
      }),
    deleteRoster: (rosterId) =>
      storeCall(async () => {
        const { resource, etag } = await container.item(ROSTER_ID, rosterId).read<RosterDoc>();
        if (resource?.status !== 'removing' || !etag) return;
        try {
          // Only the removal we read: a read queued since (the bot added back) keeps its document.
          await container.item(ROSTER_ID, rosterId).delete({ accessCondition: { type: 'IfMatch', condition: etag } });
        } catch (error) {
          if (!isStatus(error, 412) && !isStatus(error, 404)) throw error;
        }
      }),
    ...memberReads(container),
  };
}
