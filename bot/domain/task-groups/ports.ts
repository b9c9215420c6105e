import type { Call, Contribution, Membership, TaskGroup } from './task-group';
import type { ExportGrantRecord } from '../downloads';
import type { ContributionKind } from './contribution-kinds';

/**
 * Storage for task groups. Everything about one group (the group, its members, calls
 * and contributions) lives in the group's partition, so every query here stays in one.
 */
export interface TaskGroupStore {
  listGroups(): Promise<TaskGroup[]>;
  getGroup(groupId: string): Promise<TaskGroup | undefined>;
  /** Create or replace (demo data). */
  saveGroup(group: TaskGroup): Promise<void>;
  /** Creates a new group; false when the id is taken (decided by the store, not by a read first). */
  createGroup(group: TaskGroup): Promise<boolean>;
  /** Etag-guarded read-modify-write of a group. */
  updateGroup(groupId: string, change: (current: TaskGroup | undefined) => TaskGroup | undefined): Promise<TaskGroup | undefined>;

  /** Idempotent: joining twice leaves one membership. */
  join(membership: Membership): Promise<void>;
  /** Idempotent: leaving when not a member changes nothing. */
  leave(groupId: string, userId: string): Promise<void>;
  isMember(groupId: string, userId: string): Promise<boolean>;
  countMembers(groupId: string): Promise<number>;
  listMembers(groupId: string): Promise<Membership[]>;
  /** Groups (ids) the person is a member of. */
  groupsOf(userId: string): Promise<string[]>;

  getCall(groupId: string, callId: string): Promise<Call | undefined>;
  saveCall(call: Call): Promise<void>;
  /** Creates a call unless one with its id exists in its group: true when this call created it (decided by the store). */
  createCall(call: Call): Promise<boolean>;
  /** Read-modify-write of a call, guarded by its etag (`change` may run more than once); the call as stored afterwards. */
  updateCall(groupId: string, callId: string, change: (current: Call | undefined) => Call | undefined): Promise<Call | undefined>;
  /** Every call of a group, open or closed. */
  listCalls(groupId: string): Promise<Call[]>;
  /** Export links: only the hash of each link's token is kept. */
  saveExportGrant(grant: ExportGrantRecord & { groupId: string }): Promise<void>;
  getExportGrant(groupId: string, tokenHash: string): Promise<ExportGrantRecord | undefined>;
  /** Calls that close after `after`, soonest closing first, across groups. */
  listOpenCalls(after: Date): Promise<Call[]>;

  getContribution(groupId: string, contributionId: string): Promise<Contribution | undefined>;
  /** Creates a new contribution (a 409 for an existing id is a bug, not a retry). */
  createContribution(contribution: Contribution): Promise<void>;
  /** Etag-guarded read-modify-write of one contribution; `change` returns undefined to leave it. */
  updateContribution(
    groupId: string,
    contributionId: string,
    change: (current: Contribution | undefined) => Contribution | undefined,
  ): Promise<Contribution | undefined>;
  /** Deletes the document: a withdrawn contribution's text is gone, not hidden. */
  deleteContribution(groupId: string, contributionId: string): Promise<void>;
  listContributionsOf(userId: string): Promise<Contribution[]>;
  /** Every contribution of a group, newest first (export). */
  listContributions(groupId: string): Promise<Contribution[]>;
  /** The `limit` newest contributions of a group. */
  latestContributions(groupId: string, limit: number): Promise<Contribution[]>;
  /** Counts by kind, computed by a query each time (no stored counter to drift). */
  countByKind(groupId: string): Promise<Record<ContributionKind, number>>;
  /** Who has contributed to a group (ids, possibly repeated). */
  contributorIds(groupId: string): Promise<string[]>;
}
