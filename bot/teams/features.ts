import { randomBytes } from 'node:crypto';
import { newBroadcastId } from '../domain/broadcasts/catalogue';
import { broadcastFollowUps, deadlineFollowUps } from '../domain/broadcasts/corrections';
import type { PersonalChats } from '../domain/conversations/personal-chats';
import type { Messenger } from '../domain/messaging';
import type { AppDeps } from './app';
import { authoringRoutes } from './routes/authoring';
import { broadcastRoutes } from './routes/broadcasts';
import { contributionRoutes } from './routes/contributions';
import { deadlineRoutes } from './routes/deadlines';
import { eventRoutes } from './routes/events';
import { findRoutes, type SearchRoutes } from './routes/find';
import { privacyRoutes } from './routes/privacy';
import { rosterRoutes } from './routes/rosters';
import { programmeImportRoutes } from './routes/programme-import';
import type { ActionRoute, CommandRoute, FileRoute } from './routes/route';
import { taskGroupLeadRoutes } from './routes/task-group-leads';
import { roleRoutes } from './routes/roles';
import { eventOrganiserRoutes } from './routes/event-organisers';
import { workshopColleagueRoutes } from './routes/workshop-colleagues';
import { taskGroupRoutes } from './routes/task-groups';
import { weekRoutes } from './routes/week';
import { type LifecycleRoutes, welcomeRoutes } from './routes/welcome';
import { workshopOrganiserRoutes } from './routes/workshop-organisers';
import { workshopRoutes } from './routes/workshops';

/** Every route the bot has, each feature's module given what it needs. */
export interface FeatureRoutes {
  /** Every command, hidden ones included, the help commands first. */
  commands: readonly CommandRoute[];
  actions: readonly ActionRoute[];
  /** A file sent to the bot (the programme import). */
  files?: FileRoute;
  /** Installs, removals, people joining and leaving: each hears every event, in order. */
  lifecycle: readonly LifecycleRoutes[];
  /** The compose-box search and link unfurling (the message extension). */
  search: SearchRoutes;
}

/** How routes reach people outside the turn: sending, and the one place personal chats come from. */
export interface Sending {
  messenger: Messenger;
  chats: PersonalChats;
}

export function featureRoutes(deps: AppDeps, { messenger, chats }: Sending): FeatureRoutes {
  const workshops = workshopRoutes({ ...deps, messenger, chats });
  const broadcastDeps = { ...deps, ...deps.catalogue, newId: newBroadcastId };
  const taskGroupDeps = { ...deps, newId: () => randomBytes(12).toString('base64url'), broadcasting: broadcastDeps };
  const authoringDeps = { ...deps, messenger, chats, followUps: broadcastFollowUps(broadcastDeps), deadlineFollowUps: deadlineFollowUps(broadcastDeps) };
  // Loopback file links only in local mode (tests, Agents Playground), see files.ts.
  const programmeImport = programmeImportRoutes({ ...authoringDeps, fileDownloads: { allowLoopback: !deps.bot.appId } });
  const features = [
    eventRoutes(deps, workshops.workshopCard),
    weekRoutes(deps),
    deadlineRoutes(deps),
    workshops,
    workshopColleagueRoutes({ ...deps, messenger, chats }),
    workshopOrganiserRoutes({ ...deps, messenger, chats }),
    taskGroupRoutes(taskGroupDeps),
    contributionRoutes(taskGroupDeps),
    taskGroupLeadRoutes(taskGroupDeps),
    broadcastRoutes(broadcastDeps),
    authoringRoutes(authoringDeps),
    programmeImport,
    privacyRoutes({ ...deps, messenger, chats }),
    roleRoutes(deps),
    eventOrganiserRoutes({ ...broadcastDeps, exportGrants: deps.workshops }),
  ];
  const welcome = welcomeRoutes(deps, features.flatMap((f) => f.commands ?? []));
  return {
    commands: welcome.commands,
    actions: features.flatMap((f) => f.actions ?? []),
    files: programmeImport.files,
    lifecycle: [welcome, rosterRoutes(deps)],
    search: findRoutes(deps),
  };
}
