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
import type { RosterStore } from '../domain/rosters/ports';
import { createRosterStore } from './roster-store';
import type { ProgrammeIndex } from '../domain/sharing/ports';
import { createProgrammeIndex } from './programme-index';

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
  /** Who is in the teams and group chats the bot is in. */
  rosters: RosterStore;
  /** Everything held about a person, across containers ("forget me"). */
  personalData: PersonalDataStore;
  retention: RetentionStore;
  /** What search matches against: every event, workshop, deadline and call, in memory (programme-index.ts). */
  programme: ProgrammeIndex;
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
  /** Told when the programme index could not be read in the background (the next search tries again). */
  onIndexError?: (error: unknown) => void;
}

export async function openStore(target: CosmosTarget, options: StoreOptions = {}): Promise<Store> {
  const cosmos = await openCosmos(target, options.onWarning);
  const programme = createProgrammeIndex(cosmos.containers, { onError: options.onIndexError });
  const ttl = { retentionDays: options.retentionDays };
  return {
    mode: cosmos.mode,
    cosmos,
    programme,
    // Their writes change what search finds: the index reads again before the next search.
    events: programme.watch(createEventStore(cosmos.containers.events, ttl), ['saveEvent', 'createEvent', 'updateEvent']),
    conversations: createConversationStore(cosmos.containers.conversations),
    taskGroups: programme.watch(createTaskGroupStore(cosmos.containers.taskGroups, ttl), ['saveCall', 'createCall', 'updateCall', 'saveGroup', 'createGroup', 'updateGroup']),
    workshops: createWorkshopStore(cosmos.containers.events, ttl),
    broadcasts: createBroadcastStore(cosmos.containers.broadcasts),
    personalData: createPersonalDataStore(cosmos.containers),
    retention: createRetentionStore(cosmos.containers),
    leases: createLeases(cosmos.containers.leases, options.clock ?? systemClock),
    deadlines: programme.watch(createDeadlineStore(cosmos.containers.deadlines), ['saveDeadline', 'createDeadline', 'updateDeadline']),
    reminders: createReminderStore(cosmos.containers.reminders),
    roles: createRoleStore(cosmos.containers.roles),
    rosters: createRosterStore(cosmos.containers.rosters),
    ping: () => cosmos.ping(),
    close: () => cosmos.close(),
  };
}

export { conversationDocId };
