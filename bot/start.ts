import { type Clock, offsetClock, systemClock } from './clock';
import type { Config } from './config';
import { cosmosTargetFrom, type CosmosTarget } from './data/cosmos/client';
import { loadDemoDeadlines, loadDemoProgramme } from './data/demo/programme';
import { loadDemoTaskGroups } from './data/demo/task-groups';
import { openStore, type Store } from './data/store';
import type { Logger } from './log';
import { type BroadcastCatalogue, catalogueWith } from './domain/broadcasts/catalogue';
import { deadlineContent } from './domain/deadlines/broadcast-content';
import { reminderKinds } from './domain/reminders/broadcast-types';
import { reminderJob } from './jobs/reminders';
import { scheduledBroadcastsJob } from './jobs/scheduled-broadcasts';
import type { Messenger } from './domain/messaging';
import { organisersFrom } from './domain/organisers';
import { shareLinksFrom } from './domain/sharing/links';
import type { DownloadLinks } from './domain/workshops/ports';
import type { PromotionDeps } from './domain/workshops/promotions';
import { retentionJob } from './jobs/retention';
import { promotionNoticesJob } from './jobs/promotion-notices';
import type { RateLimiter } from './delivery/rate-limit';
import { broadcastJobFrom } from './jobs/broadcasts/wiring';
import { type Job, startJobs } from './jobs/runner';
import { listen } from './server';
import { downloadLinks, serverFor } from './serve';
import { type BotApp, createApp } from './teams/app';
import { registerTab } from './tab-api';
import type { ReachParts } from './domain/conversations/ports';
import { rosterJob } from './jobs/rosters';
import { contentCards } from '../cards/content-cards';
import { renderPromotionMessage } from '../cards/workshop';

export interface RunningBot {
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  store: Store;
  clock: Clock;
  messenger: Messenger;
  /** Every scheduled job, also when not started (tests run them by hand with `run()`). */
  jobs: Job[];
  catalogue: BroadcastCatalogue;
  /** Every command and card action the app registered. */
  routes: BotApp['routes'];
  /** Links to files this server serves (calendar, exports). */
  links: DownloadLinks;
  /** Opening chats, reading rosters, installing through Graph: unpaced (tests pace them with their own limiter). */
  people: ReachParts;
  close(): Promise<void>;
}

export interface StartOptions {
  log: Logger;
  /** Tests pass a ManualClock; otherwise the system clock (shifted by CLOCK_START if set). */
  clock?: Clock;
  /** Tests point several bots at one embedded server; otherwise from config. */
  cosmos?: CosmosTarget;
  /** Load the demo programme into an embedded store (default: yes). */
  demoData?: boolean;
  /** Run scheduled jobs on their timers (default: yes); tests run them by hand. */
  jobs?: boolean;
  /** The built tab (default: dist/tab, see bot/tab-api/static.ts). */
  tabDirectory?: string;
}

interface JobParts {
  config: Config;
  store: Store;
  messenger: Messenger;
  limiter: RateLimiter;
  people: ReachParts;
  catalogue: BroadcastCatalogue;
  promotions: PromotionDeps;
  links: DownloadLinks;
  clock: Clock;
  log: Logger;
}

/** Every scheduled job; features add theirs here. */
function createJobs(parts: JobParts): Job[] {
  const { limiter, people } = parts;
  return [
    promotionNoticesJob(parts.promotions, parts.log),
    broadcastJobFrom({ ...parts, ...people, settings: parts.config.broadcast, limiter }),
    rosterJob({ ...parts.store, reader: people.reader, limiter, clock: parts.clock, log: parts.log }),
    // Reminders are queued as broadcasts, so they share the limiter through the broadcast job.
    reminderJob({ ...parts.store, clock: parts.clock, reminderTime: parts.config.reminderTime }, parts.log),
    scheduledBroadcastsJob({ broadcasts: parts.store.broadcasts, clock: parts.clock }, parts.log),
    retentionJob({ retention: parts.store.retention, personalData: parts.store.personalData, clock: parts.clock, retentionDays: parts.config.retentionDays }, parts.log),
  ];
}

/**
 * Demo data, on a first start of the embedded store only: after a restart the kept data
 * (organisers' edits, people's answers) must not be overwritten.
 */
async function seedDemoData(store: Store, target: CosmosTarget, wanted: boolean, clock: Clock, log: Logger): Promise<void> {
  const seed = store.cosmos.restored === 0 && wanted;
  const events = seed ? await loadDemoProgramme(store.events) : 0;
  const groups = seed ? await loadDemoTaskGroups(store.taskGroups, clock.now()) : 0;
  const deadlines = seed ? await loadDemoDeadlines(store.deadlines) : 0;
  log.warn(
    { demoEvents: events, demoTaskGroups: groups, demoDeadlines: deadlines, restoredDocuments: store.cosmos.restored, dataDir: target.dataDir ?? null, clock: clock.now().toISOString() },
    target.dataDir
      ? `running on a local embedded Cosmos DB (no COSMOS_ENDPOINT): data is kept in ${target.dataDir}, saved every ${Math.round((target.saveIntervalMs ?? 5000) / 1000)} s and on shutdown`
      : 'running on a local in-memory Cosmos DB (no COSMOS_ENDPOINT, DATA_DIR=memory): data is not kept when the bot stops',
  );
}

/** e.g. http://127.0.0.1:3978; all interfaces are reached on loopback. */
function listeningUrl(port: number, configuredHost: string): string {
  const host = configuredHost.includes(':') ? `[${configuredHost}]` : configuredHost;
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
}

/** Settings that leave a feature off, or the bot open to anyone, said once at start. */
function warnAboutOpenings(config: Config, linkBase: string | undefined, log: Logger): void {
  if (!linkBase) log.warn('PUBLIC_URL is not set, so workshop cards offer no calendar or export links');
  if (config.bot.appId && config.allowedTenantIds.size === 0) {
    log.warn('neither ALLOWED_TENANT_IDS nor MicrosoftAppTenantId is set, so any organisation\'s Teams may use this bot');
  }
}

/** What organisers can broadcast, and the types reminders go out as. */
function catalogueFor(store: Store, clock: Clock, links: DownloadLinks, reminderTime: string): BroadcastCatalogue {
  // Cards reach the domain passed in, as the promotion message does (startBot).
  const cards = contentCards;
  const { events, workshops, deadlines, conversations } = store;
  const reminding = reminderKinds({ events, workshops, deadlines, conversations, clock, links, reminderTime, cards });
  return catalogueWith(cards, { audiences: reminding.audiences, contents: [...reminding.contents, deadlineContent({ deadlines, clock, cards })] });
}

/** The composition root: config -> store -> Teams app -> HTTP server. */
export async function startBot(config: Config, options: StartOptions): Promise<RunningBot> {
  const { log } = options;
  const clock = options.clock ?? (config.clockStart ? offsetClock(config.clockStart) : systemClock);
  const target = options.cosmos ?? cosmosTargetFrom(config);
  // Cosmos TTL only means something in Azure (the embedded server has none), and it runs
  // on real time, which the embedded demo clock is not.
  const retentionDays = target.mode === 'azure' ? config.retentionDays : undefined;
  const store = await openStore(target, {
    clock,
    retentionDays,
    onWarning: (message) => log.warn(message),
    onIndexError: (error) => log.warn({ err: error }, 'the programme index could not be read; the next search tries again'),
  });
  try {
    if (store.mode === 'embedded') await seedDemoData(store, target, options.demoData !== false, clock, log);
    // The permanent set from configuration, and those organisers added through the bot (Cosmos).
    const organisers = organisersFrom(config.organiserAadIds, store.roles);
    let linkBase = config.publicUrl;
    const links = downloadLinks(() => linkBase);
    const share = shareLinksFrom(() => linkBase);
    const catalogue = catalogueFor(store, clock, links, config.reminderTime);
    const { events, conversations, workshops, taskGroups, broadcasts, deadlines, reminders, personalData, programme, roles } = store;
    const bot = createApp({
      bot: config.bot, allowedTenantIds: config.allowedTenantIds, reminderTime: config.reminderTime,
      events, conversations, workshops, taskGroups, broadcasts, deadlines, reminders, personalData, programme, roles, rosters: store.rosters,
      catalogue, links, share, organisers, clock, log, graph: config.graph, maxRps: config.broadcast.maxRps,
    });
    const promotions = { events, workshops, chats: bot.chats, messenger: bot.messenger, clock, links, promotionMessage: renderPromotionMessage };
    const allJobs = createJobs({ config, store, messenger: bot.messenger, limiter: bot.limiter, people: bot.people, catalogue, promotions, links, clock, log });
    const jobs = startJobs(options.jobs === false ? [] : allJobs, log);
    const server = serverFor({ store, organisers, clock, links, messages: bot, botAppId: config.bot.appId, log });
    registerTab(server, { ...store, config, catalogue, organisers, clock, links, messenger: bot.messenger, promotions, log }, options.tabDirectory);
    await listen(server, config.port, config.host);
    const url = listeningUrl(server.address().port, config.host);
    if (!linkBase && !config.bot.appId) linkBase = url;
    warnAboutOpenings(config, linkBase, log);
    return {
      url,
      store,
      clock,
      messenger: bot.messenger,
      jobs: allJobs,
      catalogue,
      routes: bot.routes,
      links,
      people: bot.people,
      close: async () => {
        server.close();
        await jobs.stop();
        bot.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
