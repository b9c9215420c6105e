import type { Container, ItemDefinition } from '@azure/cosmos';
import { coalesce, READ_REUSE_MS } from './coalesce';
import { createOnce } from './create-once';
import { storeCall } from './errors';
import { readModifyWrite } from './etag';

/** How one kind of main document (an event, a deadline, a task group, a call) is stored. */
export interface DocumentKind<T, D extends ItemDefinition & { id: string }> {
  /** Where the document with this key lives. */
  locate(key: string): { id: string; partitionKey: string };
  keyOf(value: T): string;
  toDoc(value: T): D;
  /** The value a document holds, or undefined when it is not of this kind. */
  fromDoc(doc: D): T | undefined;
}

export interface CachedDocuments<T> {
  get: (key: string) => Promise<T | undefined>;
  /** Create or replace (demo data). */
  save: (value: T) => Promise<void>;
  /** Creates it unless its id is taken: true when this call created it (decided by the store, not by a read first). */
  create: (value: T) => Promise<boolean>;
  /** Etag-guarded read-modify-write; `change` may run again after a lost race, and returns undefined to leave it. */
  update: (key: string, change: (current: T | undefined) => T | undefined) => Promise<T | undefined>;
}

/**
 * Documents read often and changed rarely (an organiser's edit): every card view reads
 * its event, every contribution its group and call. Concurrent readers share one read,
 * and a read is reused for READ_REUSE_MS (seeing another instance's edit that much later
 * is harmless); this process's own writes forget it at once.
 */
export function cachedDocuments<T, D extends ItemDefinition & { id: string }>(container: Container, kind: DocumentKind<T, D>): CachedDocuments<T> {
  const get = coalesce(
    (key: string) =>
      storeCall(async () => {
        const { id, partitionKey } = kind.locate(key);
        const { resource } = await container.item(id, partitionKey).read<D>();
        return resource ? kind.fromDoc(resource) : undefined;
      }),
    { reuseForMs: READ_REUSE_MS },
  );
  const written = async <R>(key: string, write: () => Promise<R>): Promise<R> => {
    try {
      return await storeCall(write);
    } finally {
      get.forget(key);
    }
  };
  return {
    get,
    save: (value) =>
      written(kind.keyOf(value), async () => {
        await container.items.upsert(kind.toDoc(value));
      }),
    create: (value) => written(kind.keyOf(value), () => createOnce(container, kind.toDoc(value))),
    update: (key, change) =>
      written(key, async () => {
        const { id, partitionKey } = kind.locate(key);
        const saved = await readModifyWrite<D>(container, id, partitionKey, (doc) => {
          const next = change(doc ? kind.fromDoc(doc) : undefined);
          return next ? kind.toDoc(next) : undefined;
        });
        return saved ? kind.fromDoc(saved) : undefined;
      }),
  };
}
