import type { Container } from '@azure/cosmos';
import type { RetentionStore } from '../domain/privacy/ports';
import { CONTAINERS, type ContainerName } from './containers';
import { deleteIfPresent } from './cosmos/documents';
import { storeCall } from './cosmos/errors';
import { queryAll } from './cosmos/query';
import { isMain, RETENTION_RULES, ruleFor } from './retention-rules';

type Parameters = { name: string; value: string }[];

const select = <T>(container: Container, query: string, parameters: Parameters, partitionKey?: string): Promise<T[]> => queryAll<T>(container, query, parameters, partitionKey);

/** Deletes one document; one already gone counts for nothing (another run, or Cosmos TTL, got there first). */
const deleteOne = async (container: Container, id: string, partitionKey: string): Promise<number> => ((await deleteIfPresent(container, id, partitionKey)) ? 1 : 0);

/**
 * Deletes the documents of one partition that match `where`, one by one (the embedded
 * server has no delete-by-partition, and Azure's is a preview feature). The query is
 * sent for that partition alone; the key is in WHERE too (see cosmos/query.ts).
 */
async function deleteInPartition(container: Container, keyField: string, key: string, where: string, parameters: Parameters = []): Promise<number> {
  const ids = await select<string>(container, `SELECT VALUE c.id FROM c WHERE c.${keyField} = @key AND (${where})`, [{ name: '@key', value: key }, ...parameters], key);
  for (const id of ids) await deleteOne(container, id, key);
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

/** The parameters a rule's WHERE clause names: @before (RETENTION_DAYS ago) and @now. */
const clauseParameters = (clause: string, before: Date, now: Date): Parameters => [
  ...(clause.includes('@before') ? [{ name: '@before', value: before.toISOString() }] : []),
  ...(clause.includes('@now') ? [{ name: '@now', value: now.toISOString() }] : []),
];

export function createRetentionStore(containers: Record<ContainerName, Container>): RetentionStore {
  const { events, broadcasts, taskGroups, deadlines, reminders, conversations, rosters } = containers;
  /** What the reminder scheduler recorded about a subject (bot/data/reminder-store.ts): no personal data, but no use once it is gone. */
  const deleteReminderRecord = (subject: string): Promise<number> => deleteOne(reminders, subject, subject);
  /** `fields` of the main documents of one rule that are due. */
  const dueMain = <T>(container: ContainerName, type: string, fields: string, before: Date): Promise<T[]> => {
    const { due } = ruleFor(container, type);
    return select<T>(containers[container], `SELECT ${fields} FROM c WHERE c.type = '${type}' AND (${due})`, clauseParameters(due ?? '', before, before));
  };
  return {
    endedEvents: (before) => storeCall(() => dueMain<string>('events', 'event', 'VALUE c.eventId', before)),
    deleteEvent: (eventId) =>
      storeCall(async () => (await deleteReminderRecord(`event:${eventId}`)) + (await emptyPartition(events, 'eventId', eventId, 'event'))),
    oldBroadcasts: (before) => storeCall(() => dueMain<string>('broadcasts', 'broadcast', 'VALUE c.broadcastId', before)),
    deleteBroadcast: (broadcastId) => storeCall(() => emptyPartition(broadcasts, 'broadcastId', broadcastId, 'broadcast')),
    closedCalls: (before) => storeCall(() => dueMain<{ groupId: string; callId: string }>('taskGroups', 'call', 'c.groupId, c.callId', before)),
    deleteCall: (groupId, callId) =>
      storeCall(async () => {
        const call = [{ name: '@call', value: callId }];
        return (
          (await deleteInPartition(taskGroups, 'groupId', groupId, "c.type != 'call' AND c.callId = @call", call)) +
          (await deleteInPartition(taskGroups, 'groupId', groupId, "c.type = 'call' AND c.callId = @call", call))
        );
      }),
    closedDeadlines: (before) => storeCall(() => dueMain<string>('deadlines', 'deadline', 'VALUE c.deadlineId', before)),
    deleteDeadline: (deadlineId) =>
      storeCall(async () => (await deleteReminderRecord(`deadline:${deadlineId}`)) + (await emptyPartition(deadlines, 'deadlineId', deadlineId, 'deadline'))),
    removedRosters: (before) => storeCall(() => dueMain<string>('rosters', 'roster', 'VALUE c.rosterId', before)),
    deleteRoster: (rosterId) => storeCall(() => emptyPartition(rosters, 'rosterId', rosterId, 'roster')),

    gonePeople: (before) => storeCall(() => gonePeople(conversations, before)),
    removeDue: (before, now) => storeCall(() => removeDue(containers, before, now)),
  };
}

/** People whose personal chat with the bot was removed before `before` and who have none now. */
async function gonePeople(conversations: Container, before: Date): Promise<string[]> {
  const removed = await select<string>(
    conversations,
    "SELECT VALUE c.userAadObjectId FROM c WHERE c.type = 'conversation' AND c.scope = 'personal' AND c.active = false AND c.removedAt < @before",
    [{ name: '@before', value: before.toISOString() }],
  );
  const gone: string[] = [];
  for (const userId of new Set(removed.filter(Boolean))) {
    const active = await select<number>(
      conversations,
      "SELECT VALUE COUNT(1) FROM c WHERE c.type = 'conversation' AND c.scope = 'personal' AND c.active = true AND c.userAadObjectId = @user",
      [{ name: '@user', value: userId }],
    );
    if ((active[0] ?? 0) === 0) gone.push(userId);
  }
  return gone;
}

/**
 * Every document due by its own rule, main documents aside (they go with what belongs to
 * them). Each is found by its own fields, so it goes even when the document it belongs
 * with (an event Cosmos expired) is gone already.
 */
async function removeDue(containers: Record<ContainerName, Container>, before: Date, now: Date): Promise<number> {
  let removed = 0;
  for (const rule of RETENTION_RULES.filter((r) => r.due && !isMain(r))) {
    const container = containers[rule.container];
    const key = CONTAINERS[rule.container].partitionKey.slice(1);
    const due = rule.due ?? '';
    const docs = await select<{ id: string; pk: string }>(container, `SELECT c.id, c.${key} AS pk FROM c WHERE c.type = @type AND (${due})`, [
      { name: '@type', value: rule.type },
      ...clauseParameters(due, before, now),
    ]);
    for (const doc of docs) removed += await deleteOne(container, doc.id, doc.pk);
  }
  return removed;
}
