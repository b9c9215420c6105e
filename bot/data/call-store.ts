import type { Container } from '@azure/cosmos';
import type { ExportGrantRecord } from '../domain/downloads';
import type { TaskGroupStore } from '../domain/task-groups/ports';
import { callSchema, type Call } from '../domain/task-groups/task-group';
import { cachedDocuments } from './cosmos/cached-documents';
import { storeCall } from './cosmos/errors';
import { ttlAfter, type TtlOptions } from './cosmos/ttl';
import type { Doc, GroupQueries } from './task-group-docs';

/** Calls for contributions and contribution-export grants, in their group's partition (task-group-docs.ts). */
type CallDoc = Doc<Call, 'call'> & { callId: string };

const callDocId = (callId: string) => `call:${callId}`;
const toCall = (doc: CallDoc): Call => callSchema.parse({ ...doc, id: doc.callId });

type CallMethods = Pick<TaskGroupStore, 'getCall' | 'saveCall' | 'createCall' | 'updateCall' | 'listCalls' | 'listOpenCalls' | 'saveExportGrant' | 'getExportGrant'>;

export function createCallStore(container: Container, queries: GroupQueries, options: TtlOptions): CallMethods {
  // Every contribution needs its call, and calls change rarely (cosmos/cached-documents.ts).
  // Keyed by "<groupId>/<callId>" (slugs, so "/" cannot occur in either).
  const calls = cachedDocuments<Call, CallDoc>(container, {
    locate: (key) => {
      const [groupId = '', callId = ''] = key.split('/');
      return { id: callDocId(callId), partitionKey: groupId };
    },
    keyOf: (call) => `${call.groupId}/${call.id}`,
    toDoc: (call) => ({ ...callSchema.parse(call), type: 'call', id: callDocId(call.id), callId: call.id }),
    fromDoc: (doc) => (doc.type === 'call' ? toCall(doc) : undefined),
  });
  return {
    getCall: (groupId, callId) => calls.get(`${groupId}/${callId}`),
    saveCall: calls.save,
    createCall: calls.create,
    updateCall: (groupId, callId, change) => calls.update(`${groupId}/${callId}`, change),
    listCalls: (groupId) => storeCall(async () => (await queries.inGroup<CallDoc>(groupId, '*', 'call')).map(toCall)),
    listOpenCalls: (after) =>
      storeCall(async () =>
        (await queries.all<CallDoc>("SELECT * FROM c WHERE c.type = 'call' AND c.closesAt > @after ORDER BY c.closesAt", [{ name: '@after', value: after.toISOString() }])).map(
          toCall,
        ),
      ),
    saveExportGrant: ({ groupId, ...grant }) =>
      storeCall(async () => {
        // In Azure, Cosmos removes the grant itself once it has expired (the retention job does everywhere).
        await container.items.create({ ...grant, groupId, type: 'export', id: `export:${grant.tokenHash}`, ...ttlAfter(options, grant.expiresAt, 0) });
      }),
    getExportGrant: (groupId, tokenHash) =>
      storeCall(async () => {
        const { resource } = await container.item(`export:${tokenHash}`, groupId).read<Doc<ExportGrantRecord, 'export'>>();
        if (resource?.type !== 'export') return undefined;
        const { by, createdAt, expiresAt } = resource;
        return { tokenHash: resource.tokenHash, by, createdAt, expiresAt };
      }),
  };
}
