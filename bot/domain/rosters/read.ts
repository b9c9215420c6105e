import type { Clock } from '../../clock';
import { type Backoff, backoffMs } from '../../retry';
import { isDeliveryError } from '../messaging';
import type { RosterReader, RosterStore } from './ports';
import { MAX_ROSTER_ATTEMPTS, type Roster } from './roster';
import { memberOf } from './service';

export interface RosterReadDeps {
  rosters: RosterStore;
  reader: RosterReader;
  clock: Clock;
}

/** A read that failed in passing is tried again 2, 4, 8... seconds later (bot/retry.ts). */
const READ_BACKOFF: Backoff = { baseDelayMs: 2000, maxDelayMs: 5 * 60_000 };

/** Members deleted per request when a roster is emptied or its leavers are removed. */
const REMOVE_CHUNK = 500;

export type ReadOutcome = 'done' | 'stopped' | 'later';

/**
 * Reads one roster from where its last saved page ended: each page's members are saved
 * (in batches), then the roster's continuation token, guarded by its etag. A crash
 * between the two re-reads one page (upserts: nothing twice); a new read queued meanwhile
 * (the bot added again) or a removal wins the guard, and this read stops. When the last
 * page is in, members this read did not see (they left while nobody listened) are removed.
 */
export async function readRoster(deps: RosterReadDeps, start: Roster, keepGoing: () => boolean, signal?: AbortSignal): Promise<ReadOutcome> {
  let roster = start;
  while (keepGoing()) {
    let page;
    try {
      page = await deps.reader.page(roster, roster.continuationToken, signal);
    } catch (error) {
      if (signal?.aborted) return 'stopped';
      return failed(deps, roster, error);
    }
    const now = deps.clock.now().toISOString();
    const members = page.members.filter((m) => m.userAadObjectId && m.teamsUserId).map((m) => memberOf(roster, m, now));
    await deps.rosters.saveMembers(roster.rosterId, members);
    const next = await advance(deps, roster, (current) => ({
      ...current,
      continuationToken: page.continuationToken,
      pages: current.pages + 1,
      members: current.members + members.length,
      attempts: 0,
      notBefore: '',
      reason: undefined,
      updatedAt: now,
    }));
    if (!next) return 'stopped';
    roster = next;
    if (!page.continuationToken) return finish(deps, roster, keepGoing);
  }
  return 'stopped';
}

/** Writes `change(current)` if the roster is still the read we are doing; undefined when it is not. */
async function advance(deps: RosterReadDeps, read: Roster, change: (current: Roster) => Roster): Promise<Roster | undefined> {
  let applied = false;
  const saved = await deps.rosters.updateRoster(read.rosterId, (current) => {
    const same = current?.status === 'reading' && current.generation === read.generation && current.continuationToken === read.continuationToken;
    if (!same) return undefined;
    applied = true;
    return change(current);
  });
  return applied ? saved : undefined;
}

async function finish(deps: RosterReadDeps, roster: Roster, keepGoing: () => boolean): Promise<ReadOutcome> {
  while (keepGoing()) {
    if ((await deps.rosters.removeStale(roster.rosterId, roster.generation, REMOVE_CHUNK)) === 0) {
      const now = deps.clock.now().toISOString();
      await advance(deps, roster, (current) => ({ ...current, status: 'done', finishedAt: now, updatedAt: now }));
      return 'done';
    }
  }
  return 'stopped';
}

/**
 * A page Teams would not give. A continuation token it no longer takes starts the read
 * again from the top (the upserts make that safe); anything else waits a back-off, and
 * after MAX_ROSTER_ATTEMPTS the read is recorded as failed with the reason.
 */
async function failed(deps: RosterReadDeps, roster: Roster, error: unknown): Promise<ReadOutcome> {
  if (!isDeliveryError(error)) throw error;
  const attempts = roster.attempts + 1;
  const now = deps.clock.now();
  const refused = error.failure === 'blocked' || error.failure === 'not_found' || error.failure === 'failed' || error.failure === 'refused';
  const reason = `Teams did not give the member list (${error.failure}${error.status ? `, HTTP ${error.status}` : ''})`;
  await advance(deps, roster, (current) => {
    const base = { ...current, attempts, reason, updatedAt: now.toISOString() };
    if (attempts >= MAX_ROSTER_ATTEMPTS) return { ...base, status: 'failed', finishedAt: now.toISOString() };
    if (refused && current.continuationToken) return { ...base, continuationToken: undefined, notBefore: '' };
    return { ...base, notBefore: new Date(now.getTime() + backoffMs(attempts, READ_BACKOFF)).toISOString() };
  });
  return 'later';
}

/** The bot left a team or chat: its members' records go, a chunk at a time, then the roster itself. */
export async function emptyRoster(deps: Pick<RosterReadDeps, 'rosters'>, roster: Roster, keepGoing: () => boolean): Promise<ReadOutcome> {
  while (keepGoing()) {
    // Added back while we were deleting: its new read keeps the roster and its members.
    if ((await deps.rosters.getRoster(roster.rosterId))?.status !== 'removing') return 'done';
    if ((await deps.rosters.removeStale(roster.rosterId, undefined, REMOVE_CHUNK)) === 0) {
      await deps.rosters.deleteRoster(roster.rosterId);
      return 'done';
    }
  }
  return 'stopped';
}
