import type { IndexEntry } from './sharing';

/**
 * The programme index: one entry per event, workshop, deadline and call, held in memory
 * and read again from the store when it may be out of date (`bot/data/programme-index.ts`).
 * A search never goes to the store for its matches, so typing stays fast as the
 * programme grows. The same array comes back until the index changes.
 */
export interface ProgrammeIndex {
  entries(): Promise<readonly IndexEntry[]>;
}
