import { randomUUID } from 'node:crypto';
import type { Leases } from '../domain/leases';
import type { RosterReader } from '../domain/rosters/ports';
import { DEFAULT_RETRY_POLICY } from '../delivery/failures';
import { pacedReader } from '../delivery/paced';
import type { RateLimiter } from '../delivery/rate-limit';
import { emptyRoster, readRoster, type ReadOutcome, type RosterReadDeps } from '../domain/rosters/read';
import type { Logger } from '../log';
import type { Job } from './runner';

/** One reader at a time: Teams counts every page against the app's rate, whichever process asks. */
export const ROSTER_LEASE = 'roster-reader';

export interface RosterJobDeps extends Omit<RosterReadDeps, 'reader'> {
  /** The connector's member pages, unpaced: paced here by `limiter`. */
  reader: RosterReader;
  /** The process's one limiter: Teams counts roster pages with every other request. */
  limiter: RateLimiter;
  leases: Leases;
  log: Logger;
  /** Names this process in the lease (default: random). */
  owner?: string;
  leaseTtlMs?: number;
}

/**
 * Reads the members of the teams and group chats the bot was added to, and empties the
 * rosters of those it was removed from, in the background: an install is answered at
 * once however big the team. The holder of the `roster-reader` lease works every pending
 * roster page by page; each page's progress is saved, so after a crash (or a kill -9)
 * whoever takes the lease next goes on from the last page saved. Logs carry ids and
 * counts, never a member's name (none is read).
 */
export function rosterJob(deps: RosterJobDeps): Job {
  const owner = deps.owner ?? `rosters-${randomUUID()}`;
  const ttl = deps.leaseTtlMs ?? 30_000;
  const reading = { ...deps, reader: pacedReader(deps.reader, deps.limiter, DEFAULT_RETRY_POLICY) };
  return {
    name: 'rosters',
    everyMs: 1000,
    run: async (signal) => {
      const pending = await deps.rosters.pendingRosters();
      const now = deps.clock.now().toISOString();
      const due = pending.filter((r) => !r.notBefore || r.notBefore <= now);
      if (due.length === 0) return;
      const lease = await deps.leases.acquire(ROSTER_LEASE, owner, ttl);
      if (!lease) return;
      const renewal = setInterval(() => {
        lease.renew().catch((error: unknown) => deps.log.warn({ err: error, owner }, 'roster lease not renewed'));
      }, ttl / 3);
      const keepGoing = (): boolean => !signal?.aborted && lease.held();
      try {
        for (const roster of due) {
          if (!keepGoing()) break;
          const outcome: ReadOutcome = roster.status === 'removing' ? await emptyRoster(deps, roster, keepGoing) : await readRoster(reading, roster, keepGoing, signal);
          const after = await deps.rosters.getRoster(roster.rosterId);
          deps.log.info({ rosterId: roster.rosterId, status: after?.status ?? 'removed', outcome, pages: after?.pages, members: after?.members }, 'roster worked');
        }
      } finally {
        clearInterval(renewal);
        await lease.release();
      }
    },
  };
}
