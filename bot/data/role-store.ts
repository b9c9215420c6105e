import type { Container } from '@azure/cosmos';
import type { RoleStore } from '../domain/roles/ports';
import type { OrganiserGrant } from '../domain/roles/roles';
import { cachedDocuments } from './cosmos/cached-documents';
import { withoutSystemFields } from './cosmos/documents';
import { storeCall } from './cosmos/errors';
import { queryAll } from './cosmos/query';

/**
 * Roles container (partition key /id): one document per person organisers added through
 * the bot, { type: "organiser", id: "organiser:<Entra object id>", userId, active, addedBy,
 * addedAt, removedBy?, removedAt? }. Every organiser check of someone outside
 * ORGANISER_AAD_IDS is one point read of it (about 1 RU).
 */
type OrganiserDoc = OrganiserGrant & { id: string; type: 'organiser' };

const organiserId = (userId: string): string => `organiser:${userId.toLowerCase()}`;

function toGrant(doc: OrganiserDoc): OrganiserGrant {
  const { id: _id, type: _type, ...grant } = withoutSystemFields(doc);
  return grant;
}

export function createRoleStore(container: Container): RoleStore {
  const organisers = cachedDocuments<OrganiserGrant, OrganiserDoc>(container, {
    locate: (userId) => ({ id: organiserId(userId), partitionKey: organiserId(userId) }),
    keyOf: (grant) => grant.userId,
    toDoc: (grant) => ({ ...grant, id: organiserId(grant.userId), type: 'organiser' }),
    fromDoc: (doc) => (doc.type === 'organiser' ? toGrant(doc) : undefined),
  });
  return {
    // Read afresh every time: a removal (or "forget me") must count on the very next request.
    isOrganiser: (userId) =>
      storeCall(async () => {
        const id = organiserId(userId);
        const { resource } = await container.item(id, id).read<OrganiserDoc>();
        return resource?.type === 'organiser' && resource.active === true;
      }),
    listOrganisers: () =>
      storeCall(async () => (await queryAll<OrganiserDoc>(container, "SELECT * FROM c WHERE c.type = 'organiser'")).map(toGrant)),
    updateOrganiser: (userId, change) => organisers.update(userId.toLowerCase(), change),
  };
}
