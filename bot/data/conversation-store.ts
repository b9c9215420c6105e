import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { InstalledConversation } from '../domain/conversations/conversation';
import type { ConversationStore } from '../domain/conversations/ports';
import { storeCall } from './errors';
import { readModifyWrite } from './etag';

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
  return Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('_'))) as unknown as InstalledConversation;
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
        const { resources } = await container.items
          .query<ConversationDoc>({
            query:
              "SELECT * FROM c WHERE c.type = 'conversation' AND c.scope = 'personal' AND c.active = true AND c.userAadObjectId = @user",
            parameters: [{ name: '@user', value: aadObjectId.toLowerCase() }],
          })
          .fetchAll();
        // Several personal chats for one person cannot happen in Teams; if data says so, the latest wins.
        const latest = resources.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
        return latest ? toConversation(latest) : undefined;
      }),

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
