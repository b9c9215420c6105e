import type { Clock } from '../../clock';
import type { RosterStore } from './ports';
import type { MemberFacts, Roster, RosterMember, RosterScope } from './roster';

export interface RosterDeps {
  rosters: RosterStore;
  clock: Clock;
}

/** Where a team or group chat is, as an install or membership event tells it. */
export interface RosterFacts {
  rosterId: string;
  scope: RosterScope;
  tenantId?: string;
  serviceUrl: string;
  botId: string;
}

/**
 * The bot was added to a team or group chat (or added again): its members are read in
 * the background by the rosters job (bot/jobs/rosters.ts), so the install is answered at
 * once however big the team. One write here; a repeat (installationUpdate and
 * conversationUpdate both come) finds the read already queued and leaves it.
 */
export async function queueRosterRead(deps: RosterDeps, facts: RosterFacts): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.rosters.updateRoster(facts.rosterId, (current) => {
    if (current?.status === 'reading' && current.pages === 0) return undefined;
    return {
      ...facts,
      status: 'reading',
      generation: (current?.generation ?? 0) + 1,
      continuationToken: undefined,
      pages: 0,
      members: 0,
      attempts: 0,
      notBefore: '',
      queuedAt: now,
      updatedAt: now,
    };
  });
}

/** The bot was removed from a team or chat: its members' records go (in the background: a team may be large). */
export async function queueRosterRemoval(deps: RosterDeps, rosterId: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.rosters.updateRoster(rosterId, (current) =>
    current && current.status !== 'removing' ? { ...current, status: 'removing', removedAt: now, attempts: 0, notBefore: '', updatedAt: now } : undefined,
  );
}

export const memberOf = (roster: Pick<Roster, 'rosterId' | 'serviceUrl' | 'botId' | 'tenantId' | 'generation'>, facts: MemberFacts, seenAt: string): RosterMember => ({
  rosterId: roster.rosterId,
  userAadObjectId: facts.userAadObjectId.toLowerCase(),
  teamsUserId: facts.teamsUserId,
  ...((facts.tenantId ?? roster.tenantId) ? { tenantId: facts.tenantId ?? roster.tenantId } : {}),
  serviceUrl: roster.serviceUrl,
  botId: roster.botId,
  generation: roster.generation,
  seenAt,
});

/**
 * People joined a team or chat the bot is in (conversationUpdate, membersAdded): they are
 * recorded at once, stamped with the current read's generation so a read in progress does
 * not take them for leavers. A roster the bot never read is queued for a full read.
 */
export async function recordMembersAdded(deps: RosterDeps, facts: RosterFacts, added: readonly MemberFacts[]): Promise<void> {
  const roster = await deps.rosters.getRoster(facts.rosterId);
  if (!roster || roster.status === 'removing' || roster.status === 'failed') {
    await queueRosterRead(deps, facts);
    return;
  }
  const now = deps.clock.now().toISOString();
  await deps.rosters.saveMembers(facts.rosterId, added.map((m) => memberOf({ ...roster, serviceUrl: facts.serviceUrl, botId: facts.botId }, m, now)));
}

/** People left a team or chat (conversationUpdate, membersRemoved): their records there go. */
export async function recordMembersRemoved(deps: RosterDeps, rosterId: string, teamsUserIds: readonly string[]): Promise<void> {
  if (teamsUserIds.length > 0) await deps.rosters.removeMembers(rosterId, teamsUserIds);
}
