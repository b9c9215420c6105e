import { type Clock, offsetClock, systemClock } from './clock';
import type { Config } from './config';
import { cosmosTargetFrom, type CosmosTarget } from './data/cosmos';
import { loadDemoProgramme } from './data/demo-programme';
import { openStore, type Store } from './data/store';
import type { Logger } from './log';
import { type BroadcastCatalogue, defaultCatalogue } from './domain/broadcasts/catalogue';
import type { Messenger } from './domain/messaging';
import { organisersFrom } from './domain/organisers';
import { RateLimiter } from './domain/delivery/rate-limit';
import { realTimer } from './domain/delivery/timer';
import { broadcastJobFrom } from './jobs/broadcasts/wiring';
import { type Job, startJobs } from './jobs/runner';
import { createServer, listen } from './server';
import { createApp } from './teams/app';

export interface RunningBot {
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  store: Store;
  clock: Clock;
  messenger: Messenger;
  /** Every scheduled job, also when not started (tests run them by hand with `run()`). */
  jobs: Job[];
  catalogue: BroadcastCatalogue;
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
}

interface JobParts {
  config: Config;
  store: Store;
  messenger: Messenger;
  catalogue: BroadcastCatalogue;
  clock: Clock;
  log: Logger;
}

/** Every scheduled job; features add theirs here. */
function createJobs(parts: JobParts): Job[] {
  // One limiter for every paced proactive sender of this process (broadcasts now,
  // reminders later): Teams counts the app's requests together.
  const limiter = new RateLimiter({ perSecond: parts.config.broadcast.maxRps, timer: realTimer });
  return [broadcastJobFrom({ ...parts, settings: parts.config.broadcast, limiter })];
}

/** The composition root: config -> store -> Teams app -> HTTP server. */
export async function startBot(config: Config, options: StartOptions): Promise<RunningBot> {
  const { log } = options;
  const clock = options.clock ?? (config.clockStart ? offsetClock(config.clockStart) : systemClock);
  const store = await openStore(options.cosmos ?? cosmosTargetFrom(config), { clock });
  try {
    if (store.mode === 'embedded' && options.demoData !== false) {
      const count = await loadDemoProgramme(store.events);
      log.warn(
        { events: count, clock: clock.now().toISOString() },
        'running on a local in-memory Cosmos DB (no COSMOS_ENDPOINT): demo programme loaded, data is not kept when the bot stops',
      );
    }
    const organisers = organisersFrom(config.organiserAadIds);
    const catalogue = defaultCatalogue();
    const { events, conversations, broadcasts } = store;
    const bot = createApp({ bot: config.bot, events, conversations, broadcasts, catalogue, organisers, clock, log });
    const allJobs = createJobs({ config, store, messenger: bot.messenger, catalogue, clock, log });
    const jobs = startJobs(options.jobs === false ? [] : allJobs, log);
    const server = createServer({ messages: bot, ready: () => store.ping(), log });
    await listen(server, config.port, config.host);
    const { port } = server.address();
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
      store,
      clock,
      messenger: bot.messenger,
      jobs: allJobs,
      catalogue,
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
