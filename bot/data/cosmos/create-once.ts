import type { Container, ItemDefinition } from '@azure/cosmos';
import { isStatus } from './errors';

/**
 * Creates a document unless one with its id already exists in its partition: true when
 * this call created it. The store decides (a 409), not a read first, so two processes
 * creating the same document at once get one true and one false.
 */
export async function createOnce(container: Container, doc: ItemDefinition): Promise<boolean> {
  try {
    await container.items.create(doc);
    return true;
  } catch (error) {
    if (isStatus(error, 409)) return false;
    throw error;
  }
}
