import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { InstalledConversation } from '../domain/conversations/conversation';
import type { ConversationStore } from '../domain/conversations/ports';
import { withoutSystemFields } from './cosmos/documents';
import { storeCall } from './cosmos/errors';
import { readModifyWrite } from './cosmos/etag';
import { queryAll } from './cosmos/query';

/**
 * Conversations container (partition key /id). Teams conversation ids carry characters
 * (";", "@", ":") that are awkward in Cosmos ids and URLs, so the document id is a hash
 * of the conversation id and the id itself is kept as a field.
 */
type ConversationDoc = InstalledConversation & { id: string; type: 'conversation' };

export const conversationDocId = (conversationId: string): string =>
  createHash('sha256').update(conversationId).digest('base64url');

function toConversation(doc: ConversationDoc): InstalledConversation {
  const { id: _id, type: _type, ...rest } = doc;
  return withoutSystemFields(rest);
}

const IN_CHUNK = 200;
const ACTIVE_PERSONAL = "SELECT * FROM c WHERE c.type = 'conversation' AND c.scope = 'personal' AND c.active = true";

/** Active personal chats of these people, one each (the latest, should the data hold several). */
async function findPersonalMany(container: Container, aadObjectIds: readonly string[]): Promise<InstalledConversation[]> {
  const ids = [...new Set(aadObjectIds.map((id) => id.toLowerCase()))];
  const found = new Map<string, ConversationDoc>();
  // IN lists stay short: Cosmos caps a query's parameters and its text length.
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    const names = chunk.map((_, j) => `@u${j}`);
    const docs = await queryAll<ConversationDoc>(container, `${ACTIVE_PERSONAL} AND c.userAadObjectId IN (${names.join(', ')})`, chunk.map((value, j) => ({ name: names[j]!, value })));
    for (const doc of docs) {
      const user = doc.userAadObjectId ?? '';
      const known = found.get(user);
      if (!known || known.updatedAt < doc.updatedAt) found.set(user, doc);
    }
  }
  return [...found.values()].map(toConversation);
}

export function createConversationStore(container: Container): ConversationStore {
  return {
    get: (conversationId) =>
      storeCall(async () => {
        const id = conversationDocId(conversationId);
        const { resource } = await container.item(id, id).read<ConversationDoc>();
        return resource ? toConversation(resource) : undefined;
      }),
    findPersonal: (aadObjectId) =>
      storeCall(async () => {
        const docs = await queryAll<ConversationDoc>(container, `${ACTIVE_PERSONAL} AND c.userAadObjectId = @user`, [{ name: '@user', value: aadObjectId.toLowerCase() }]);
        // Several personal chats for one person cannot happen in Teams; if data says so, the latest wins.
        const latest = docs.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
        return latest ? toConversation(latest) : undefined;
      }),
    findPersonalByEmail: (email) =>
      storeCall(async () => {
        const docs = await queryAll<ConversationDoc>(container, `${ACTIVE_PERSONAL} AND c.userEmail = @email`, [{ name: '@email', value: email.toLowerCase() }]);
        const latest = docs.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
        return latest ? toConversation(latest) : undefined;
      }),
    findPersonalMany: (aadObjectIds) => storeCall(() => findPersonalMany(container, aadObjectIds)),
    listActive: (scope) =>
      storeCall(async () =>
        (await queryAll<ConversationDoc>(container, "SELECT * FROM c WHERE c.type = 'conversation' AND c.scope = @scope AND c.active = true", [{ name: '@scope', value: scope }])).map(
          toConversation,
        ),
      ),
    update: (conversationId, change) =>
      storeCall(async () => {
        const id = conversationDocId(conversationId);
        const saved = await readModifyWrite<ConversationDoc>(container, id, id, (current) => {
          const next = change(current ? toConversation(current) : undefined);
          return next ? { ...next, id, type: 'conversation' } : undefined;
        });
        return saved ? toConversation(saved) : undefined;
      }),
  };
}
