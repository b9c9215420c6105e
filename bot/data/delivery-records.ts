import { createHash } from 'node:crypto';
import type { Container, JSONObject } from '@azure/cosmos';
import type { Delivery, Recipient } from '../domain/broadcasts/broadcast';
import { withoutSystemFields } from './cosmos/documents';
import { isStatus } from './cosmos/errors';

/**
 * Delivery records in the broadcasts container, and writing many of them at once.
 *   { type: "delivery", id: "d:<hash of the person's Entra id, or of the conversation id>", broadcastId, ...delivery }
 * The id is derived from (broadcast, person) for a personal chat and (broadcast,
 * conversation) for a channel or group chat, so reading the audience again after a crash
 * adds nobody twice, even when the person's chat was opened in between; the record's etag
 * is its `version`, and every write is conditional on it.
 */
export type DeliveryDoc = Omit<Delivery, 'version'> & { type: 'delivery'; _etag?: string };

const hashed = (key: string): string => `d:${createHash('sha256').update(key).digest('base64url')}`;

export const deliveryId = (recipient: Pick<Recipient, 'conversationId' | 'scope' | 'userAadObjectId'>): string =>
  recipient.scope === 'personal' && recipient.userAadObjectId ? hashed(`person:${recipient.userAadObjectId.toLowerCase()}`) : hashed(recipient.conversationId);

export function toDelivery(doc: DeliveryDoc & { _etag?: string }): Delivery {
  const { type: _type, ...rest } = withoutSystemFields(doc);
  return { ...rest, version: doc._etag };
}

export function toDeliveryDoc(delivery: Delivery): DeliveryDoc {
  const { version: _version, ...rest } = delivery;
  return { ...rest, type: 'delivery' };
}

/** Cosmos' bulk API takes at most this many operations per call. */
export const BULK_CHUNK = 100;

export interface Replacement {
  current: Delivery;
  next: Delivery;
}

/**
 * Conditional replaces, each in its own broadcast's partition: a plain replace when alone,
 * else one bulk request (not a transactional batch: one record changed by someone else
 * must not fail the others; and a bulk request may span partitions, so the copies of
 * many broadcasts sent at once, such as the reminders of 200 events, share it).
 * Undefined for a record whose etag no longer matches.
 */
export async function replaceAll(container: Container, replacements: Replacement[]): Promise<(Delivery | undefined)[]> {
  if (replacements.length === 1) {
    const { current, next } = replacements[0]!;
    try {
      const { etag } = await container
        .item(current.id, current.broadcastId)
        .replace(toDeliveryDoc(next), { accessCondition: { type: 'IfMatch', condition: current.version ?? '' } });
      return [{ ...next, version: etag }];
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 404)) return [undefined];
      throw error;
    }
  }
  const results = await container.items.bulk(
    replacements.map(({ current, next }) => ({
      operationType: 'Replace' as const,
      id: current.id,
      partitionKey: current.broadcastId,
      ifMatch: current.version,
      resourceBody: toDeliveryDoc(next) as unknown as JSONObject,
    })),
    { continueOnError: true },
  );
  return replacements.map(({ next }, i) => {
    const result = results[i];
    const status = result?.statusCode ?? 0;
    if (status >= 200 && status < 300) return { ...next, version: result?.eTag };
    if (status === 412 || status === 404) return undefined;
    throw Object.assign(new Error('could not write delivery records'), { code: status });
  });
}

export function newDelivery(broadcastId: string, recipient: Recipient, at: string): Delivery {
  return {
    broadcastId,
    id: deliveryId(recipient),
    conversationId: recipient.conversationId,
    scope: recipient.scope,
    ...(recipient.userAadObjectId ? { userAadObjectId: recipient.userAadObjectId } : {}),
    reference: recipient.reference,
    ...(recipient.opensChat ? { opensChat: recipient.opensChat } : {}),
    state: 'pending',
    revision: -1,
    attempts: 0,
    notBefore: '',
    claimOwner: '',
    claimUntil: '',
    failedRevision: -1,
    updatedAt: at,
  };
}
