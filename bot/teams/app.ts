import type { Request, Response, TurnContext } from 'botbuilder';
import { Application } from '@microsoft/teams-ai/lib/Application';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { BroadcastCatalogue } from '../domain/broadcasts/catalogue';
import type { BroadcastStore } from '../domain/broadcasts/ports';
import type { ConversationStore } from '../domain/conversations/ports';
import type { DeadlineStore } from '../domain/deadlines/ports';
import type { EventStore } from '../domain/events/ports';
import type { Messenger } from '../domain/messaging';
import type { Organisers } from '../domain/organisers';
import type { PersonalDataStore } from '../domain/privacy/ports';
import type { ReminderStore } from '../domain/reminders/ports';
import type { TaskGroupStore } from '../domain/task-groups/ports';
import type { DownloadLinks, WorkshopStore } from '../domain/workshops/ports';
import type { Logger } from '../log';
import { createAdapter, createConnectorTokens } from './adapter';
import { registerCardActions } from './card-actions';
import { registerCommands } from './commands';
import { createConnectorClient } from './connector-client';
import { featureRoutes } from './features';
import { registerLifecycle } from './lifecycle';
import { makeTurn } from './make-turn';
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
  /** Everything held about a person, for "forget me". */
  personalData: PersonalDataStore;
  clock: Clock;
  log: Logger;
}

export interface BotApp {
  /** Handles one POST /api/messages: authenticates, runs the turn, answers the request. */
  process(req: Request, res: Response): Promise<void>;
  adapter: TurnAdapter;
  /** Proactive sending with the bot's identity (jobs, notifications). */
  messenger: Messenger;
  /** The commands the help card lists (the Teams app manifest lists the same). */
  commands: readonly CommandRoute[];
  /** Every route registered, hidden commands included: what the fuzz test sends. */
  routes: { commands: readonly CommandRoute[]; actions: readonly ActionRoute[] };
  /** Closes the proactive connections. */
  close(): void;
}

/** Composition of the Teams side: the adapter, the proactive client, and every route registered on one teams-ai Application. */
export function createApp(deps: AppDeps): BotApp {
  const adapter = createAdapter(deps.bot, deps.log);
  const connector = createConnectorClient({
    token: createConnectorTokens(deps.bot),
    // With an app id every call carries the bot's token: Teams' own hosts only. Local mode
    // has no token to leak and talks to loopback stand-ins (the Agents Playground, tests).
    ...(deps.bot.appId ? { allowServiceUrl: isTeamsServiceUrl } : {}),
    onRefused: (host) => deps.log.warn({ host }, 'proactive call refused: the stored service URL is not a Teams connector address'),
  });
  const messenger = createMessenger(connector);
  const app = new Application({
    adapter,
    botAppId: deps.bot.appId ?? '',
    // Our handlers answer in milliseconds; a typing timer would only add connector calls.
    startTypingTimer: false,
    removeRecipientMention: true,
  });

  const routes = featureRoutes(deps, messenger);
  const turnOf = (context: TurnContext): Turn => makeTurn(context, { ...deps, messenger });
  registerLifecycle(app, routes.lifecycle, turnOf, deps.log);
  registerCardActions(app, routes.actions, turnOf, deps.log);
  registerCommands(app, routes.commands, turnOf, deps.log, routes.files);

  return {
    adapter,
    messenger,
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
