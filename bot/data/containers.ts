/**
 * Every Cosmos container and its partition key, declared once. The store code, the
 * embedded server set-up and the Bicep in infra/ all follow this list (a test keeps
 * infra/ in step with it).
 */
export interface ContainerSpec {
  readonly id: string;
  readonly partitionKey: string;
}

export const CONTAINERS = {
  /** One partition per event: the event document, its RSVPs (and, for workshops, the booking ledger and export grants). */
  events: { id: 'events', partitionKey: '/eventId' },
  /** Where the bot is installed: one document per Teams conversation. */
  conversations: { id: 'conversations', partitionKey: '/id' },
  /** One partition per task group: the group, its members, calls and contributions. */
  taskGroups: { id: 'taskGroups', partitionKey: '/groupId' },
  /** One partition per broadcast: the broadcast document and one delivery record per recipient. */
  broadcasts: { id: 'broadcasts', partitionKey: '/broadcastId' },
  /** Named, expiring leases (bot/data/cosmos/lease-store.ts): which process does a piece of scheduled work. */
  leases: { id: 'leases', partitionKey: '/id' },
  /** One partition per consultation deadline: the deadline and each person's Remind me / I've responded. */
  deadlines: { id: 'deadlines', partitionKey: '/deadlineId' },
  /** One small document per event or deadline whose reminders fell due: what became of each (bot/data/reminder-store.ts). */
  reminders: { id: 'reminders', partitionKey: '/id' },
  /** Organisers added through the bot (bot/data/role-store.ts): one small document per person, with who added them and when. */
  roles: { id: 'roles', partitionKey: '/id' },
  /** One partition per team or group chat the bot is in: how far its member list was read, and its members (ids only). */
  rosters: { id: 'rosters', partitionKey: '/rosterId' },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof CONTAINERS;

export const containerSpecs = (): ContainerSpec[] => Object.values(CONTAINERS);
