import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  TeamsInfo,
  type Activity,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import { renderNoticeCard } from '../../cards/notice';
import type { AdaptiveCardJson } from '../../cards/template';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { BroadcastStore } from '../domain/broadcasts/ports';
import { type BroadcastCatalogue, newBroadcastId } from '../domain/broadcasts/catalogue';
import { broadcastFollowUps, deadlineFollowUps } from '../domain/broadcasts/corrections';
import type { DeadlineStore } from '../domain/deadlines/ports';
import type { ReminderStore } from '../domain/reminders/ports';
import type { ConversationStore } from '../domain/conversations/ports';
import type { EventStore } from '../domain/events/ports';
import type { TaskGroupStore } from '../domain/task-groups/ports';
import type { Messenger } from '../domain/messaging';
import type { Organisers } from '../domain/organisers';
import type { PersonalDataStore } from '../domain/privacy/ports';
import type { DownloadLinks, WorkshopStore } from '../domain/workshops/ports';
import type { Logger } from '../log';
import { createAdapter, createConnectorTokens } from './adapter';
import { registerCardActions } from './card-actions';
import { registerCommands } from './commands';
import { createConnectorClient } from './connector-client';
import { createMessenger } from './proactive';
import { type PrivateReplyDeps, sendPrivately } from './private-reply';
import { contributionRoutes } from './routes/contributions';
import { eventRoutes } from './routes/events';
import { taskGroupRoutes } from './routes/task-groups';
import { broadcastRoutes } from './routes/broadcasts';
import { authoringRoutes } from './routes/authoring';
import { deadlineRoutes } from './routes/deadlines';
import { programmeImportRoutes } from './routes/programme-import';
import { weekRoutes } from './routes/week';
import type { ActionRoute, CommandRoute, Turn } from './routes/route';
import { privacyRoutes } from './routes/privacy';
import { welcomeRoutes } from './routes/welcome';
import { workshopOrganiserRoutes } from './routes/workshop-organisers';
import { workshopRoutes } from './routes/workshops';
import { isTeamsServiceUrl } from './service-urls';
import { refusedTenant, refuseTenant } from './tenants';
import { actorOf, isGroupScope, routeOf } from './turn';

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
  adapter: TeamsAdapter;
  /** Proactive sending with the bot's identity (jobs, notifications). */
  messenger: Messenger;
  /** The commands the help card lists (the Teams app manifest lists the same). */
  commands: readonly CommandRoute[];
  /** Every route registered, hidden commands included: what the fuzz test sends. */
  routes: { commands: readonly CommandRoute[]; actions: readonly ActionRoute[] };
  /** Closes the proactive connections. */
  close(): void;
}

/** Composition of the Teams side: every route the bot has is registered here. */
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


  const workshops = workshopRoutes({ ...deps, messenger });
  const workshopOrganisers = workshopOrganiserRoutes({ ...deps, messenger });
  const events = eventRoutes(deps, workshops.workshopCard);
  const broadcastDeps = { ...deps, ...deps.catalogue, newId: newBroadcastId };
  const taskGroupDeps = { ...deps, newId: () => randomBytes(12).toString('base64url'), broadcasting: broadcastDeps };
  const broadcasts = broadcastRoutes(broadcastDeps);
  const authoringDeps = { ...deps, messenger, followUps: broadcastFollowUps(broadcastDeps), deadlineFollowUps: deadlineFollowUps(broadcastDeps) };
  const authoring = authoringRoutes(authoringDeps);
  // Loopback file links only in local mode (tests, Agents Playground), see files.ts.
  const programmeImport = programmeImportRoutes({ ...authoringDeps, fileDownloads: { allowLoopback: !deps.bot.appId } });
  const commands: CommandRoute[] = [];
  const welcome = welcomeRoutes(deps, () => commands.filter((c) => !c.hidden), () => commands.filter((c) => c.hidden));
  const features = [
    events,
    weekRoutes(deps),
    deadlineRoutes(deps),
    workshops,
    workshopOrganisers,
    taskGroupRoutes(taskGroupDeps),
    contributionRoutes(taskGroupDeps),
    broadcasts,
    authoring,
    programmeImport,
    privacyRoutes({ ...deps, messenger }),
  ];
  commands.push(...(welcome.commands ?? []), ...features.flatMap((f) => f.commands ?? []));
  const actions: ActionRoute[] = features.flatMap((f) => f.actions ?? []);

  const makeTurn = (context: TurnContext): Turn => createTurn(context, { ...deps, messenger });
  registerLifecycle(app, welcome, makeTurn, deps.log);
  registerCardActions(app, actions, makeTurn, deps.log);
  registerCommands(app, commands, makeTurn, deps.log, programmeImport.files);

  return {
    adapter,
    messenger,
    commands: commands.filter((c) => !c.hidden),
    routes: { commands, actions },
    process: (req, res) =>
      adapter.process(req, res, (context) => {
        const refused = refusedTenant(context.activity, deps.allowedTenantIds);
        return refused ? refuseTenant(context, refused, deps.log) : runTurn(app, context, deps.log);
      }),
    close: () => connector.close(),
  };
}

/** One structured line per turn: what kind of activity, which route, how long. Never content. */
async function runTurn(app: Application, context: TurnContext, log: Logger): Promise<void> {
  const started = performance.now();
  const activity = context.activity;
  let outcome = 'ok';
  try {
    const handled = await app.run(context);
    if (!handled) outcome = 'unhandled';
  } catch (error) {
    outcome = 'error';
    throw error;
  } finally {
    log.info(
      {
        activityType: activity.type,
        name: activity.name,
        verb: verbOf(activity),
        route: routeOf(context),
        conversationType: activity.conversation?.conversationType,
        activityId: activity.id,
        outcome,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'turn',
    );
  }
}

function verbOf(activity: Activity): string | undefined {
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' ? verb.slice(0, 60) : undefined;
}

function createTurn(context: TurnContext, deps: PrivateReplyDeps): Turn {
  const inGroup = isGroupScope(context.activity);
  const { log } = deps;
  return {
    context,
    log,
    inGroup,
    actor: () => actorOf(context.activity),
    refreshUserIds: () => refreshUserIds(context, inGroup, log),
    reply: async (content) => {
      await context.sendActivity(toActivity(content));
    },
    sendPrivately: (content) => sendPrivately(deps, actorOf(context.activity), context.activity.recipient?.name || 'NLC', content),
  };
}

function toActivity(content: string | AdaptiveCardJson | AdaptiveCardJson[]): Partial<Activity> {
  if (typeof content === 'string') return MessageFactory.text(content);
  const cards = Array.isArray(content) ? content : [content];
  const attachments = cards.map((card) => CardFactory.adaptiveCard(card));
  // Several cards go as one carousel message: one connector call, and Teams' per-
  // conversation rate limit (7 messages a second) is never at risk from one command.
  return attachments.length === 1 ? MessageFactory.attachment(attachments[0]!) : MessageFactory.carousel(attachments);
}

/**
 * Whose clients refresh a posted card to their own view. A personal chat has one
 * person; in a group chat or channel we ask Teams for the first page of members (Teams
 * personalises at most 60). If that fails the card still works: anyone who clicks gets
 * their own view in the answer.
 */
async function refreshUserIds(context: TurnContext, inGroup: boolean, log: Logger): Promise<string[]> {
  const self = context.activity.from?.id ? [context.activity.from.id] : [];
  if (!inGroup) return self;
  try {
    const page = await TeamsInfo.getPagedMembers(context, 60);
    return [...self, ...page.members.map((m) => m.id)];
  } catch (error) {
    log.warn({ err: error, conversationType: context.activity.conversation.conversationType }, 'member list unavailable; refresh limited to the sender');
    return self;
  }
}

function registerLifecycle(
  app: Application,
  welcome: ReturnType<typeof welcomeRoutes>,
  makeTurn: (context: TurnContext) => Turn,
  log: Logger,
): void {
  const botIn = (members: { id: string }[] | undefined, activity: Activity): boolean =>
    (members ?? []).some((m) => m.id === activity.recipient?.id);

  // Teams sends both installationUpdate and conversationUpdate on install; both record
  // (idempotently) and only the conversationUpdate greets, so the welcome comes once.
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = (context.activity as { action?: unknown }).action;
    const verb = typeof action === 'string' ? action : '';
    await safely(context, log, async () => {
      if (verb.startsWith('add')) await welcome.installed(makeTurn(context), { greet: false });
      else if (verb.startsWith('remove')) await welcome.removed(makeTurn(context));
    });
  });
  app.activity(ActivityTypes.ConversationUpdate, async (context) => {
    const activity = context.activity;
    await safely(context, log, async () => {
      if (botIn(activity.membersAdded, activity)) await welcome.installed(makeTurn(context), { greet: true });
      else if (botIn(activity.membersRemoved, activity)) await welcome.removed(makeTurn(context));
    });
  });
}

/**
 * Lifecycle events have no one to show an error card to reliably (the bot may just have
 * been removed), so failures are logged and the turn ends normally.
 */
async function safely(context: TurnContext, log: Logger, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.error({ err: error, activityType: context.activity.type, activityId: context.activity.id }, 'lifecycle event failed');
    if (context.activity.conversation?.conversationType === 'personal' && context.activity.type === String(ActivityTypes.ConversationUpdate)) {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(renderNoticeCard({
        title: 'Hello! Something went wrong setting me up',
        message: 'I could not save this chat, so reminders may not reach you.',
        hint: 'If reminders do not reach you, remove the app and add it again.',
        tone: 'warning',
      }))));
    }
  }
}
