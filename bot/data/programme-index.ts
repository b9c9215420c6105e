import type { Container } from '@azure/cosmos';
import { deadlineSchema } from '../domain/deadlines/deadline';
import { eventSchema } from '../domain/events/event';
import type { ProgrammeIndex } from '../domain/sharing/ports';
import { entryOfCall, entryOfDeadline, entryOfEvent, type IndexEntry } from '../domain/sharing/sharing';
import { callSchema, taskGroupSchema } from '../domain/task-groups/task-group';
import { storeCall } from './cosmos/errors';
import { queryAll } from './cosmos/query';

/**
 * The programme index (bot/domain/sharing/ports.ts): four projection queries (events,
 * deadlines, calls, task groups) read what search needs, about 200 bytes a thing, into
 * memory; every search then matches in memory, never one query per keystroke. It is read
 * again before the next search after this process changes an event, deadline, call or
 * group (`watch`), in the background once it is FRESH_MS old (other instances' changes),
 * and before answering once it is MAX_STALE_MS old (an idle index is not trusted).
 */
export const FRESH_MS = 10_000;
export const MAX_STALE_MS = 60_000;

export interface ProgrammeIndexStore extends ProgrammeIndex {
  /** Wraps a store so its writes make the index read again before the next search. */
  watch<T extends object>(store: T, writes: readonly (keyof T)[]): T;
}

export interface IndexContainers {
  events: Container;
  deadlines: Container;
  taskGroups: Container;
}

export interface IndexOptions {
  /** Milliseconds now (tests move it). */
  now?: () => number;
  /** A background read that failed; the next search tries again. */
  onError?: (error: unknown) => void;
}

const eventRow = eventSchema.pick({ id: true, kind: true, title: true, series: true, location: true, flourish: true, startsAt: true, endsAt: true, status: true });
const deadlineRow = deadlineSchema.pick({ id: true, title: true, from: true, closesAt: true, status: true });
const callRow = callSchema.pick({ id: true, groupId: true, title: true, closesAt: true });
const groupRow = taskGroupSchema.pick({ id: true, number: true, name: true });

/** Rows that do not parse (a hand-edited document) are left out rather than failing every search. */
function parsed<T>(rows: readonly unknown[], schema: { safeParse(row: unknown): { success: true; data: T } | { success: false } }): T[] {
  return rows.flatMap((row) => {
    const result = schema.safeParse(row);
    return result.success ? [result.data] : [];
  });
}

async function readEntries(containers: IndexContainers): Promise<IndexEntry[]> {
  const [events, deadlines, calls, groups] = await Promise.all([
    queryAll(containers.events, "SELECT c.id, c.kind, c.title, c.series, c.location, c.flourish, c.startsAt, c.endsAt, c.status FROM c WHERE c.type = 'event'"),
    // Deadlines are few, and FROM is a keyword: the whole documents.
    queryAll(containers.deadlines, "SELECT * FROM c WHERE c.type = 'deadline'"),
    queryAll(containers.taskGroups, "SELECT c.callId AS id, c.groupId, c.title, c.closesAt FROM c WHERE c.type = 'call'"),
    queryAll(containers.taskGroups, "SELECT c.id, c.number, c.name FROM c WHERE c.type = 'group'"),
  ]);
  const groupsById = new Map(parsed(groups, groupRow).map((g) => [g.id, g]));
  return [
    ...parsed(events, eventRow).map(entryOfEvent),
    ...parsed(deadlines, deadlineRow).map(entryOfDeadline),
    ...parsed(calls, callRow).map((call) => entryOfCall(call, groupsById.get(call.groupId))),
  ];
}

interface Snapshot {
  entries: readonly IndexEntry[];
  loadedAt: number;
  /** The change count it was read after. */
  version: number;
}

/** A store's writes, each followed by `onWrite` (failed ones too: a write that timed out may still have landed). */
function watching(onWrite: () => void): ProgrammeIndexStore['watch'] {
  return (store, writes) => {
    const watched = { ...store };
    for (const name of writes) {
      const write = store[name];
      if (typeof write !== 'function') continue;
      const counted = async (...args: unknown[]): Promise<unknown> => {
        try {
          return await (write as (...a: unknown[]) => Promise<unknown>).apply(store, args);
        } finally {
          onWrite();
        }
      };
      Object.assign(watched, { [name]: counted });
    }
    return watched;
  };
}

export function createProgrammeIndex(containers: IndexContainers, options: IndexOptions = {}): ProgrammeIndexStore {
  const now = options.now ?? Date.now;
  let version = 0;
  const watch = watching(() => {
    version++;
  });
  let snapshot: Snapshot | undefined;
  let reading: { version: number; done: Promise<Snapshot> } | undefined;
  // Concurrent searches share one read; a change made during a read needs a new one.
  const read = (): Promise<Snapshot> => {
    if (reading?.version === version) return reading.done;
    const at = version;
    const done = storeCall(() => readEntries(containers)).then((entries) => {
      const next = { entries, loadedAt: now(), version: at };
      if (!snapshot || snapshot.version <= at) snapshot = next;
      return next;
    });
    const current = { version: at, done };
    reading = current;
    const forget = (): void => {
      if (reading === current) reading = undefined;
    };
    void done.then(forget, forget);
    return done;
  };
  return {
    entries: async () => {
      const current = snapshot;
      const age = current ? now() - current.loadedAt : Infinity;
      if (!current || current.version < version || age > MAX_STALE_MS) return (await read()).entries;
      if (age > FRESH_MS) void read().catch((error: unknown) => options.onError?.(error));
      return current.entries;
    },
    watch,
  };
}
