import { type Clock, systemClock } from '../clock';
import type { BroadcastStore } from '../domain/broadcasts/ports';
import type { ConversationStore } from '../domain/conversations/ports';
import type { EventStore } from '../domain/events/ports';
import type { TaskGroupStore } from '../domain/task-groups/ports';
import { conversationDocId, createConversationStore } from './conversation-store';
import { type CosmosHandle, type CosmosTarget, openCosmos } from './cosmos/client';
import { createEventStore } from './event-store';
import { createTaskGroupStore } from './task-group-store';
import type { WorkshopStore } from '../domain/workshops/ports';
import { createWorkshopStore } from './workshop-store';
import type { Leases } from '../domain/leases';
import { createBroadcastStore } from './broadcast-store';
import { createLeases } from './cosmos/lease-store';
import type { DeadlineStore } from '../domain/deadlines/ports';
import type { ReminderStore } from '../domain/reminders/ports';
import { createDeadlineStore } from './deadline-store';
import { createReminderStore } from './reminder-store';
import type { PersonalDataStore, RetentionStore } from '../domain/privacy/ports';
import { createPersonalDataStore } from './personal-data-store';
import { createRetentionStore } from './retention-store';
import type { RoleStore } from '../domain/roles/ports';
import { createRoleStore } from './role-store';

/** Every store the bot uses, over one Cosmos connection. */
export interface Store {
  mode: CosmosHandle['mode'];
  events: EventStore;
  conversations: ConversationStore;
  taskGroups: TaskGroupStore;
  workshops: WorkshopStore;
  broadcasts: BroadcastStore;
  leases: Leases;
  deadlines: DeadlineStore;
  reminders: ReminderStore;
  /** Organisers added through the bot. */
  roles: RoleStore;
  /** Everything held about a person, across containers ("forget me"). */
  personalData: PersonalDataStore;
  retention: RetentionStore;
  /** The raw containers, for tests and benchmarks that count documents. */
  cosmos: CosmosHandle;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Judges lease expiry (tests pass their ManualClock). */
  clock?: Clock;
  /** Told about problems the embedded store survives (e.g. a snapshot that could not be written). */
  onWarning?: (message: string) => void;
  /** Days records are kept after their event ends: stamped as Cosmos TTL where a document's end is known. */
  retentionDays?: number;
}

export async function openStore(target: CosmosTarget, options: StoreOptions = {}): Promise<Store> {
  const cosmos = await openCosmos(target, options.onWarning);
  return {
    mode: cosmos.mode,
    cosmos,
    events: createEventStore(cosmos.containers.events, { retentionDays: options.retentionDays }),
    conversations: createConversationStore(cosmos.containers.conversations),
    taskGroups: createTaskGroupStore(cosmos.containers.taskGroups, { retentionDays: options.retentionDays }),
    workshops: createWorkshopStore(cosmos.containers.events, { retentionDays: options.retentionDays }),
    broadcasts: createBroadcastStore(cosmos.containers.broadcasts),
    personalData: createPersonalDataStore(cosmos.containers),
    retention: createRetentionStore(cosmos.containers),
    leases: createLeases(cosmos.containers.leases, options.clock ?? systemClock),
    deadlines: createDeadlineStore(cosmos.containers.deadlines),
    reminders: createReminderStore(cosmos.containers.reminders),
    roles: createRoleStore(cosmos.containers.roles),
    ping: () => cosmos.ping(),
    close: () => cosmos.close(),
  };
}

export { conversationDocId };
