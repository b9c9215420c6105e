import type { MemberFacts } from '../../domain/rosters/roster';
import { queueRosterRead, queueRosterRemoval, recordMembersAdded, recordMembersRemoved, type RosterDeps } from '../../domain/rosters/service';
import { rosterFactsOf } from '../turn';
import type { Turn } from './route';
import type { LifecycleRoutes } from './welcome';

/**
 * Who is in the teams and group chats the bot is in (bot/domain/rosters): on install a
 * background read of the members is queued (one write; the install is answered at once),
 * people joining or leaving are recorded as Teams says so, and on removal the roster is
 * emptied in the background. Ids only; no names.
 */
export function rosterRoutes(deps: RosterDeps): LifecycleRoutes {
  return {
    installed: async (turn) => {
      const facts = rosterFactsOf(turn.context.activity);
      if (facts) await queueRosterRead(deps, facts);
    },
    removed: async (turn) => {
      const facts = rosterFactsOf(turn.context.activity);
      if (facts) await queueRosterRemoval(deps, facts.rosterId);
    },
    membersChanged: async (turn: Turn, change: { added: MemberFacts[]; removed: string[] }) => {
      const facts = rosterFactsOf(turn.context.activity);
      if (!facts) return;
      if (change.added.length > 0) await recordMembersAdded(deps, facts, change.added);
      await recordMembersRemoved(deps, facts.rosterId, change.removed);
    },
  };
}


