import type { Request, Response, TurnContext } from 'botbuilder';
import { Application } from '@microsoft/teams-ai/lib/Application';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { BroadcastCatalogue } from '../domain/broadcasts/catalogue';
import type { BroadcastStore } from '../domain/broadcasts/ports';
import { createPersonalChats, type PersonalChats } from '../domain/conversations/personal-chats';
import type { AppInstaller, ConversationStore, ReachParts } from '../domain/conversations/ports';
import type { RosterStore } from '../domain/rosters/ports';
import { DEFAULT_RETRY_POLICY } from '../delivery/failures';
import { pacedOpener } from '../delivery/paced';
import { RateLimiter } from '../delivery/rate-limit';
import { realTimer } from '../delivery/timer';
import { graphInstallerFrom } from '../graph/installer';
import type { DeadlineStore } from '../domain/deadlines/ports';
import type { EventStore } from '../domain/events/ports';
import type { Messenger } from '../domain/messaging';
import type { Organisers } from '../domain/organisers';
import type { RoleStore } from '../domain/roles/ports';
import type { PersonalDataStore } from '../domain/privacy/ports';
import type { ReminderStore } from '../domain/reminders/ports';
import type { ShareLinks } from '../domain/sharing/links';
import type { ProgrammeIndex } from '../domain/sharing/ports';
import type { TaskGroupStore } from '../domain/task-groups/ports';
import type { DownloadLinks, WorkshopStore } from '../domain/workshops/ports';
import type { Logger } from '../log';
import { createAdapter, createBotTokens } from './adapter';
import { registerCardActions } from './card-actions';
import { registerCommands } from './commands';
import { createConnectorClient } from './connector-client';
import { createChatOpener } from './open-chat';
import { createRosterReader } from './roster-reader';
import { featureRoutes } from './features';
import { registerLifecycle } from './lifecycle';
import { makeTurn } from './make-turn';
import { registerMessageExtensions } from './message-extensions';
import { createMessenger } from './proactive';
import type { ActionRoute, CommandRoute, Turn } from './routes/route';
import { isTeamsServiceUrl } from './service-urls';
import { refusedTenant, refuseTenant } from './tenants';
import type { TurnAdapter } from './turn-adapter';
import { runLoggedTurn } from './turn-log';

export interface AppDeps {
  bot: Config['bot'];
  /** Tenants whose activities are served (empty = any): see tenants.ts. */
  allowedTenantIds: ReadonlySet<string>;
  events: EventStore;
  conversations: ConversationStore;
  taskGroups: TaskGroupStore;
  workshops: WorkshopStore;
  /** Calendar and export links served by this bot's HTTP server. */
  links: DownloadLinks;
  broadcasts: BroadcastStore;
  deadlines: DeadlineStore;
  /** What became of each due reminder (the scheduler's records), for organisers' reminder lists. */
  reminders: ReminderStore;
  /** London "HH:MM" reminders fall due at (REMINDER_TIME). */
  reminderTime: string;
  /** What organisers can broadcast, and to whom. */
  catalogue: BroadcastCatalogue;
  organisers: Organisers;
  /** Organisers added through the bot (organisers above decides with them). */
  roles: RoleStore;
  /** Everything held about a person, for "forget me". */
  personalData: PersonalDataStore;
  /** Who is in the teams and group chats the bot is in. */
  rosters: RosterStore;
  /** Installing the app for people through Graph (GRAPH_INSTALL). */
  graph: Config['graph'];
  /** Requests a second to Teams for the whole process (BROADCAST_MAX_RPS): the one limiter is made here. */
  maxRps: number;
  /** Made from `graph` when on (createApp); given to the routes that plan who can be reached. */
  installer?: AppInstaller;
  /** What the compose-box search matches against. */
  programme: ProgrammeIndex;
  /** Public pages of events, deadlines and calls (PUBLIC_URL): the Share button, and pasted links to unfold. */
  share: ShareLinks;
  clock: Clock;
  log: Logger;
}

export interface BotApp {
  /** Handles one POST /api/messages: authenticates, runs the turn, answers the request. */
  process(req: Request, res: Response): Promise<void>;
  adapter: TurnAdapter;
  /** Proactive sending with the bot's identity (jobs, notifications). */
  messenger: Messenger;
  /** The process's one limiter for requests to Teams: sends, opened chats, roster pages. */
  limiter: RateLimiter;
  /** The one place personal chats come from (paced by `limiter`). */
  chats: PersonalChats;
  /** Opening a chat, reading a roster (and installing through Graph), unpaced: jobs pace them with their limiter. */
  people: ReachParts;
  /** The commands the help card lists (the Teams app manifest lists the same). */
  commands: readonly CommandRoute[];
  /** Every route registered, hidden commands included: what the fuzz test sends. */
  routes: { commands: readonly CommandRoute[]; actions: readonly ActionRoute[] };
  /** Closes the proactive connections. */
  close(): void;
}

/** Composition of the Teams side: the adapter, the proactive client, and every route registered on one teams-ai Application. */
export function createApp(given: AppDeps): BotApp {
  const installer = graphInstallerFrom(given.graph, createBotTokens(given.bot, given.graph.endpoint));
  const deps: AppDeps = { ...given, ...(installer ? { installer } : {}) };
  const limiter = new RateLimiter({ perSecond: deps.maxRps, timer: realTimer });
  const adapter = createAdapter(deps.bot, deps.log);
  const connector = createConnectorClient({
    token: createBotTokens(deps.bot),
    // With an app id every call carries the bot's token: Teams' own hosts only. Local mode
    // has no token to leak and talks to loopback stand-ins (the Agents Playground, tests).
    ...(deps.bot.appId ? { allowServiceUrl: isTeamsServiceUrl } : {}),
    onRefused: (host) => deps.log.warn({ host }, 'proactive call refused: the stored service URL is not a Teams connector address'),
  });
  const messenger = createMessenger(connector);
  const opener = createChatOpener(connector);
  const chats = createPersonalChats({ ...deps, opener: pacedOpener(opener, limiter, DEFAULT_RETRY_POLICY) });
  const app = new Application({
    adapter,
    botAppId: deps.bot.appId ?? '',
    // Our handlers answer in milliseconds; a typing timer would only add connector calls.
    startTypingTimer: false,
    removeRecipientMention: true,
  });

  const routes = featureRoutes(deps, { messenger, chats });
  const turnOf = (context: TurnContext): Turn => makeTurn(context, { ...deps, messenger, chats });
  registerLifecycle(app, routes.lifecycle, turnOf, deps.log);
  registerMessageExtensions(app, routes.search, turnOf, deps.log);
  registerCardActions(app, routes.actions, turnOf, deps.log);
  registerCommands(app, routes.commands, turnOf, deps.log, routes.files);

  return {
    adapter,
    messenger,
    limiter,
    chats,
    people: { opener, reader: createRosterReader(connector), ...(installer ? { installer } : {}) },
    commands: routes.commands.filter((c) => !c.hidden),
    routes: { commands: routes.commands, actions: routes.actions },
    process: (req, res) =>
      adapter.processTurn(req, res, (context) => {
        const refused = refusedTenant(context.activity, deps.allowedTenantIds);
        return refused ? refuseTenant(context, refused, deps.log) : runLoggedTurn(app, context, deps.log);
      }),
    close: () => connector.close(),
  };
}
