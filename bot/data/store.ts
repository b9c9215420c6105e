import type { ConversationStore } from '../domain/conversations/ports';
import type { EventStore } from '../domain/events/ports';
import type { TaskGroupStore } from '../domain/task-groups/ports';
import { conversationDocId, createConversationStore } from './conversation-store';
import { type CosmosHandle, type CosmosTarget, openCosmos } from './cosmos';
import { createEventStore } from './event-store';
import { createTaskGroupStore } from './task-group-store';
import type { WorkshopStore } from '../domain/workshops/ports';
import { createWorkshopStore } from './workshop-store';

/** Every store the bot uses, over one Cosmos connection. */
export interface Store {
  mode: CosmosHandle['mode'];
  events: EventStore;
  conversations: ConversationStore;
  taskGroups: TaskGroupStore;
  workshops: WorkshopStore;
  /** The raw containers, for tests and benchmarks that count documents. */
  cosmos: CosmosHandle;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openStore(target: CosmosTarget, onWarning?: (message: string) => void): Promise<Store> {
  const cosmos = await openCosmos(target, onWarning);
  return {
    mode: cosmos.mode,
    cosmos,
    events: createEventStore(cosmos.containers.events),
    conversations: createConversationStore(cosmos.containers.conversations),
    taskGroups: createTaskGroupStore(cosmos.containers.taskGroups),
    workshops: createWorkshopStore(cosmos.containers.events),
    ping: () => cosmos.ping(),
    close: () => cosmos.close(),
  };
}

export { conversationDocId };
