import type { Container } from '@azure/cosmos';
import type { RetentionStore } from '../domain/privacy/retention';
import type { ContainerName } from './containers';
import { isStatus, storeCall } from './errors';

type Parameters = { name: string; value: string }[];

async function select<T>(container: Container, query: string, parameters: Parameters): Promise<T[]> {
  const { resources } = await container.items.query<T>({ query, parameters }).fetchAll();
  return resources;
}

/**
 * Deletes the documents of one partition that match `where`, one by one (the embedded
 * server has no delete-by-partition, and Azure's is a preview feature). The partition
 * key is repeated in WHERE because the embedded server does not scope by the option.
 */
async function deleteInPartition(container: Container, keyField: string, key: string, where: string, parameters: Parameters = []): Promise<number> {
  const ids = await select<string>(container, `SELECT VALUE c.id FROM c WHERE c.${keyField} = @key AND (${where})`, [{ name: '@key', value: key }, ...parameters]);
  for (const id of ids) {
    try {
      await container.item(id, key).delete();
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
  return ids.length;
}

/**
 * Empties one partition, its main document (`type = mainType`) last: if a run stops
 * part-way, the main document is still found by the next run, which removes the rest.
 */
async function emptyPartition(container: Container, keyField: string, key: string, mainType: string): Promise<number> {
  const main = [{ name: '@main', value: mainType }];
  return (await deleteInPartition(container, keyField, key, 'c.type != @main', main)) + (await deleteInPartition(container, keyField, key, 'true'));
}

export function createRetentionStore(containers: Record<ContainerName, Container>): RetentionStore {
  const { events, broadcasts, taskGroups, deadlines, reminders } = containers;
  /** What the reminder scheduler recorded about a subject (bot/data/reminder-store.ts): no personal data, but no use once it is gone. */
  const deleteReminderRecord = async (subject: string): Promise<number> => {
    try {
      await reminders.item(subject, subject).delete();
      return 1;
    } catch (error) {
      if (isStatus(error, 404)) return 0;
      throw error;
    }
  };
  const at = (before: Date): Parameters => [{ name: '@before', value: before.toISOString() }];
  return {
    endedEvents: (before) => storeCall(() => select<string>(events, "SELECT VALUE c.eventId FROM c WHERE c.type = 'event' AND c.endsAt < @before", at(before))),
    deleteEvent: (eventId) =>
      storeCall(async () => (await deleteReminderRecord(`event:${eventId}`)) + (await emptyPartition(events, 'eventId', eventId, 'event'))),
    oldBroadcasts: (before) =>
      storeCall(() =>
        select<string>(
          broadcasts,
          "SELECT VALUE c.broadcastId FROM c WHERE c.type = 'broadcast' AND c.createdAt < @before AND c.status != 'sending' AND c.status != 'queued'",
          at(before),
        ),
      ),
    deleteBroadcast: (broadcastId) => storeCall(() => emptyPartition(broadcasts, 'broadcastId', broadcastId, 'broadcast')),
    closedCalls: (before) =>
      storeCall(() => select<{ groupId: string; callId: string }>(taskGroups, "SELECT c.groupId, c.callId FROM c WHERE c.type = 'call' AND c.closesAt < @before", at(before))),
    deleteCall: (groupId, callId) =>
      storeCall(async () => {
        const call = [{ name: '@call', value: callId }];
        return (
          (await deleteInPartition(taskGroups, 'groupId', groupId, "c.type != 'call' AND c.callId = @call", call)) +
          (await deleteInPartition(taskGroups, 'groupId', groupId, "c.type = 'call' AND c.callId = @call", call))
        );
      }),
    closedDeadlines: (before) => storeCall(() => select<string>(deadlines, "SELECT VALUE c.deadlineId FROM c WHERE c.type = 'deadline' AND c.closesAt < @before", at(before))),
    deleteDeadline: (deadlineId) =>
      storeCall(async () => (await deleteReminderRecord(`deadline:${deadlineId}`)) + (await emptyPartition(deadlines, 'deadlineId', deadlineId, 'deadline'))),
  };
}
