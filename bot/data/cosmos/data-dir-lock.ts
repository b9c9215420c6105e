import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Another running bot holds the data folder: starting too would make each overwrite the other's snapshot. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, holder: LockHolder, lockFile: string) {
    super(
      `DATA_DIR ${dataDir} is in use by another NLC bot (process ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
        `Stop that bot first, or give this one another DATA_DIR. If no such bot is running, delete ${lockFile}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** Tells this process's lock from another's with the same pid (a recycled one). */
  token: string;
}

const LOCK_NAME = 'embedded-cosmos.lock';

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch (error) {
    // Gone meanwhile, or half-written by a process killed while writing it: nobody's lock.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Whether the holder may still be running. Another machine's process cannot be checked from here: assume it is. */
function stillRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes this process the only user of `dataDir` until `release()`. The lock file names
 * its process; a lock whose process is gone (killed with SIGKILL, a crash) is taken over
 * at once, so a restart never waits. Taking over is a rename of the stale file out of the
 * way, checked afterwards: if what was moved was not the stale lock (another starter got
 * there first), it is put back and this start is refused.
 */
export function lockDataDir(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, LOCK_NAME);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const mine = join(dataDir, `${LOCK_NAME}.${me.token}`);
  writeFileSync(mine, JSON.stringify(me), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        // link() creates the lock whole, or fails if one exists: no half-written lock to race on.
        linkSync(mine, file);
        return { release: () => releaseIfMine(file, me.token) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      if (holder && stillRunning(holder)) throw new DataDirInUseError(dataDir, holder, file);
      takeOverStale(file, holder);
    }
    throw new Error(`could not lock DATA_DIR ${dataDir}: other bots keep starting on it`);
  } finally {
    rmSync(mine, { force: true });
  }
}

function takeOverStale(file: string, stale: LockHolder | undefined): void {
  const aside = `${file}.stale.${randomBytes(8).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    // Someone else moved it first: the next attempt sees what they did.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved && stale && moved.token !== stale.token) {
    // A live lock, created after we looked: give it back; the next attempt refuses.
    linkSync(aside, file);
  }
  rmSync(aside, { force: true });
}

function releaseIfMine(file: string, token: string): void {
  if (readHolder(file)?.token === token) rmSync(file, { force: true });
}
