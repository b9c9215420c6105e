import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { InstalledConversation } from '../domain/conversations/conversation';
import type { ConversationStore } from '../domain/conversations/ports';
import type { UnreachableMark } from '../domain/conversations/reach';
import { createOnce } from './cosmos/create-once';
import { deleteIfPresent, withoutSystemFields } from './cosmos/documents';
import { storeCall } from './cosmos/errors';
import { readModifyWrite } from './cosmos/etag';
import { queryAll, queryIn } from './cosmos/query';

/**
 * Conversations container (partition key /id). Teams conversation ids carry characters
 * (";", "@", ":") that are awkward in Cosmos ids and URLs, so the document id is a hash
 * of the conversation id and the id itself is kept as a field.
 */
type ConversationDoc = InstalledConversation & { id: string; type: 'conversation' };

/**
 * Why a person is not messaged (bot/domain/conversations/reach.ts), one per person:
 *   { type: "reach", id: <hash of "reach:" + their Entra id>, ...mark }
 */
type MarkDoc = UnreachableMark & { id: string; type: 'reach' };
const markDocId = (aadObjectId: string): string => conversationDocId(`reach:${aadObjectId.toLowerCase()}`);

export const conversationDocId = (conversationId: string): string =>
  createHash('sha256').update(conversationId).digest('base64url');

function toConversation(doc: ConversationDoc): InstalledConversation {
  const { id: _id, type: _type, ...rest } = doc;
  return withoutSystemFields(rest);
}

const ACTIVE_PERSONAL = "SELECT * FROM c WHERE c.type = 'conversation' AND c.scope = 'personal' AND c.active = true";

/** Active personal chats of these people, one each (the latest, should the data hold several). */
async function findPersonalMany(container: Container, aadObjectIds: readonly string[]): Promise<InstalledConversation[]> {
  const ids = [...new Set(aadObjectIds.map((id) => id.toLowerCase()))];
  const found = new Map<string, ConversationDoc>();
  for (const doc of await queryIn<ConversationDoc>(container, ids, (list) => `${ACTIVE_PERSONAL} AND c.userAadObjectId IN (${list})`)) {
    const user = doc.userAadObjectId ?? '';
    const known = found.get(user);
    if (!known || known.updatedAt < doc.updatedAt) found.set(user, doc);
  }
  return [...found.values()].map(toConversation);
}

/** The parts of the store about reaching people: chats the bot opened, any address, and the marks of who not to try. */
function reachMethods(container: Container): Pick<ConversationStore, 'createOpened' | 'anyReference' | 'markUnreachable' | 'clearUnreachable' | 'unreachableMarks'> {
  return {
    createOpened: (conversation) =>
      storeCall(async () => {
        const id = conversationDocId(conversation.conversationId);
        if (await createOnce(container, { ...conversation, id, type: 'conversation' })) return conversation;
        const { resource } = await container.item(id, id).read<ConversationDoc>();
        return resource ? toConversation(resource) : conversation;
      }),
    anyReference: () =>
      storeCall(async () => {
        const [doc] = await queryAll<ConversationDoc>(container, "SELECT TOP 1 * FROM c WHERE c.type = 'conversation' AND c.active = true ORDER BY c.updatedAt DESC");
        return doc?.reference;
      }),
    markUnreachable: (mark) =>
      storeCall(async () => {
        const id = markDocId(mark.userAadObjectId);
        await container.items.upsert<MarkDoc>({ ...mark, userAadObjectId: mark.userAadObjectId.toLowerCase(), id, type: 'reach' });
      }),
    clearUnreachable: (aadObjectId) =>
      storeCall(async () => {
        const id = markDocId(aadObjectId);
        await deleteIfPresent(container, id, id);
      }),
    unreachableMarks: (aadObjectIds) =>
      storeCall(async () => {
        const ids = [...new Set(aadObjectIds.map((id) => id.toLowerCase()))];
        const docs = await queryIn<MarkDoc>(container, ids, (list) => `SELECT * FROM c WHERE c.type = 'reach' AND c.userAadObjectId IN (${list})`);
        return docs.map(({ id: _id, type: _type, ...mark }) => withoutSystemFields(mark));
      }),
  };
}

export function createConversationStore(container: Container): ConversationStore {
  return {
    ...reachMethods(container),
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
