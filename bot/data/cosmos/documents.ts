import type { Container } from '@azure/cosmos';
import { isStatus } from './errors';

/** A document without the fields Cosmos adds to it (_rid, _self, _etag, _attachments, _ts). */
export const withoutSystemFields = <T extends object>(doc: T): T =>
  Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_'))) as T;

/**
 * Deletes one document: true when this call deleted it, false when it was gone already
 * (another run, a second "forget me", Cosmos TTL: the goal holds either way).
 */
export async function deleteIfPresent(container: Container, id: string, partitionKey: string): Promise<boolean> {
  try {
    await container.item(id, partitionKey).delete();
    return true;
  } catch (error) {
    if (isStatus(error, 404)) return false;
    throw error;
  }
}
