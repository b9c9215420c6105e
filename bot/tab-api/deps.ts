import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { AuthoringDeps } from '../domain/authoring/ports';
import { type BroadcastCatalogue, newBroadcastId } from '../domain/broadcasts/catalogue';
import { broadcastFollowUps, deadlineFollowUps } from '../domain/broadcasts/corrections';
import type { BroadcastStore } from '../domain/broadcasts/ports';
import type { BroadcastDeps } from '../domain/broadcasts/service';
import type { ConversationStore } from '../domain/conversations/ports';
import type { DeadlineStore } from '../domain/deadlines/ports';
import type { EventStore } from '../domain/events/ports';
import type { Messenger } from '../domain/messaging';
import type { Organisers } from '../domain/organisers';
import type { ReminderStore } from '../domain/reminders/ports';
import type { RosterStore } from '../domain/rosters/ports';
import type { TaskGroupsDeps } from '../domain/task-groups/service';
import type { TaskGroupStore } from '../domain/task-groups/ports';
import type { PromotionDeps } from '../domain/workshops/promotions';
import type { DownloadLinks, WorkshopStore } from '../domain/workshops/ports';
import type { Logger } from '../log';
import type { TabHttpDeps } from './http';

/** What the tab's API is given by the composition root (bot/start.ts): the same stores and services the bot's routes use. */
export interface TabApiDeps extends TabHttpDeps {
  events: EventStore;
  workshops: WorkshopStore;
  deadlines: DeadlineStore;
  taskGroups: TaskGroupStore;
  broadcasts: BroadcastStore;
  conversations: ConversationStore;
  reminders: ReminderStore;
  /** Who is in the teams the bot is in: a team audience's reach. */
  rosters: RosterStore;
  catalogue: BroadcastCatalogue;
  organisers: Organisers;
  clock: Clock;
  links: DownloadLinks;
  messenger: Messenger;
  /** Telling people moved up from a waiting list (the bot's own promotion message). */
  promotions: PromotionDeps;
  reminderTime: string;
  log: Logger;
}

/** The feature services' dependencies, put together as bot/teams/features.ts puts them together for the cards. */
export function serviceDeps(deps: TabApiDeps): { broadcasting: BroadcastDeps; authoring: AuthoringDeps; taskGroups: TaskGroupsDeps } {
  const broadcasting: BroadcastDeps = { ...deps, ...deps.catalogue, newId: newBroadcastId };
  return {
    broadcasting,
    authoring: { ...deps, followUps: broadcastFollowUps(broadcasting), deadlineFollowUps: deadlineFollowUps(broadcasting) },
    taskGroups: { ...deps, newId: () => randomBytes(12).toString('base64url') },
  };
}
