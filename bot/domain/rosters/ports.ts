import type { MemberFacts, Roster, RosterMember } from './roster';

/** Rosters and their members in storage. `bot/data/roster-store.ts` implements it on Cosmos. */
export interface RosterStore {
  getRoster(rosterId: string): Promise<Roster | undefined>;
  /** Read-modify-write guarded by the document's etag; `change` returns undefined to leave it. */
  updateRoster(rosterId: string, change: (current: Roster | undefined) => Roster | undefined): Promise<Roster | undefined>;
  /** Rosters with work to do: reading, or removing. */
  pendingRosters(): Promise<Roster[]>;
  /** Upserts members of one roster, in batches (one request per hundred). */
  saveMembers(rosterId: string, members: readonly RosterMember[]): Promise<void>;
  /** Deletes these people's records in one roster (they left it); how many went. */
  removeMembers(rosterId: string, teamsUserIds: readonly string[]): Promise<number>;
  /** Deletes up to `limit` members of a roster not seen by `generation` (all when undefined); how many went. */
  removeStale(rosterId: string, generation: number | undefined, limit: number): Promise<number>;
  /** Deletes the roster document itself. */
  deleteRoster(rosterId: string): Promise<void>;
  /** Everyone recorded in one roster. */
  membersOf(rosterId: string): Promise<RosterMember[]>;
  /** One membership per person (the most recently seen), for those who have any. */
  membershipsOf(aadObjectIds: readonly string[]): Promise<RosterMember[]>;
}

/** One page of a team's or chat's members, as the Bot Connector gives it. */
export interface MemberPage {
  members: MemberFacts[];
  /** Undefined on the last page. */
  continuationToken?: string;
}

/**
 * Reading members from Teams (GET /v3/conversations/{id}/pagedmembers). `bot/teams/roster-reader.ts`
 * implements it; failures are DeliveryErrors, like a send's.
 */
export interface RosterReader {
  page(roster: Pick<Roster, 'rosterId' | 'serviceUrl'>, continuationToken: string | undefined, signal?: AbortSignal): Promise<MemberPage>;
}
