import type { Activity } from 'botbuilder';
import { ManualClock } from '../../bot/clock';
import { loadConfig } from '../../bot/config';
import type { CosmosTarget } from '../../bot/data/cosmos/client';
import { createPersonalChats, type PersonalChats } from '../../bot/domain/conversations/personal-chats';
import { silentLogger, type Logger } from '../../bot/log';
import { type RunningBot, startBot } from '../../bot/start';
import { startConnector, type StandInConnector } from './connector';

/** 23 April 2024, 09:00 London: the date of the NLC letter, before every demo event. */
export const DEMO_NOW = '2024-04-23T08:00:00Z';

export interface TestBot extends RunningBot {
  clock: ManualClock;
  /** POSTs one activity to /api/messages as the Bot Connector would (with extra headers, e.g. Authorization). */
  post(activity: Partial<Activity>, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
}

export interface TestBotOptions {
  env?: Record<string, string>;
  now?: string;
  cosmos?: CosmosTarget;
  demoData?: boolean;
  log?: Logger;
  /** The built organiser tab to serve (test/helpers/tab.ts builds one). */
  tabDirectory?: string;
}

/** The real bot (real server, real Teams app, real embedded Cosmos) on a free loopback port. */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const clock = new ManualClock(options.now ?? DEMO_NOW);
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...options.env });
  const bot = await startBot(config, {
    log: options.log ?? silentLogger,
    clock,
    // In memory unless a test asks otherwise: tests never write to the repository's .data/.
    cosmos: options.cosmos ?? { mode: 'embedded', database: 'nlc' },
    demoData: options.demoData,
    jobs: false,
    tabDirectory: options.tabDirectory,
  });
  return {
    ...bot,
    clock,
    post: async (activity, headers = {}) => {
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
  };
}

/** The card inside an Action.Execute invoke response body. */
export function invokeCard(body: unknown): Record<string, unknown> {
  const response = body as { statusCode?: number; type?: string; value?: Record<string, unknown> };
  if (response?.type !== 'application/vnd.microsoft.card.adaptive' || !response.value) {
    throw new Error(`not an Adaptive Card invoke response: ${JSON.stringify(body)}`);
  }
  return response.value;
}

/** The one place personal chats come from, over this bot's store and connector (unpaced): for tests that call the domain directly. */
export const chatsOf = (bot: RunningBot & { clock: ManualClock }): PersonalChats => createPersonalChats({ ...bot.store, ...bot.people, clock: bot.clock });

/**
 * A fresh stand-in connector and bot for every test of the enclosing `describe` (each test
 * stands alone), closed after it: `given` receives them for the test's own variables.
 * `options` is called per test, so it may read what an outer `before` set up.
 */
export function botPerTest(options: () => TestBotOptions, given: (bot: TestBot, connector: StandInConnector) => void): void {
  let started: { bot: TestBot; connector: StandInConnector } | undefined;
  beforeEach(async () => {
    const connector = await startConnector();
    started = { connector, bot: await startTestBot(options()) };
    given(started.bot, connector);
  });
  afterEach(async () => {
    await started?.bot.close();
    await started?.connector.close();
    started = undefined;
  });
}
