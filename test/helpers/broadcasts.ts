import { EMBEDDED_KEY } from '../../bot/data/cosmos/client';
import { recordInstalled } from '../../bot/domain/conversations/service';
import type { BroadcastTiming } from '../../bot/jobs/broadcasts/context';
import type { BroadcastJob } from '../../bot/jobs/broadcasts/job';
import { broadcastJobFrom } from '../../bot/jobs/broadcasts/wiring';
import { RateLimiter, type Settle } from '../../bot/delivery/rate-limit';
import { realTimer } from '../../bot/delivery/timer';
import { silentLogger } from '../../bot/log';
import { channelThread, createTestInvoke, createTestMessage, personalChat, TENANT, type TestUser, testUser } from './activities';
import { invokeCard, type TestBot } from './bot';
import { cardsIn, cardText, type StandInConnector } from './connector';

/** The organiser of every broadcast test (ORGANISER_AAD_IDS). */
export const ORGANISER = testUser(900);
export const organiserEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  ORGANISER_AAD_IDS: ORGANISER.aadObjectId ?? '',
  BROADCAST_MAX_RPS: '1000',
  ...extra,
});

/** Recipient n of a test audience: users from 1000 up, so they never meet the other tests' users. */
export const recipient = (n: number): TestUser => testUser(1000 + n);

/**
 * Stores `count` personal chats as installing the bot would (through the same domain
 * call the install route makes), pointing at the stand-in connector. Faster than
 * posting one install activity each, and the records are the same.
 */
export async function installPersonalChats(bot: TestBot, connector: StandInConnector, from: number, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = from; n < from + count; n++) {
    const user = recipient(n);
    const chat = personalChat(user);
    await recordInstalled(
      { conversations: bot.store.conversations, clock: bot.clock },
      {
        scope: 'personal',
        tenantId: TENANT,
        userAadObjectId: user.aadObjectId,
        reference: {
          bot: { id: '28:nlc-bot', name: 'NLC' },
          channelId: 'msteams',
          conversation: { id: chat.id, conversationType: 'personal', tenantId: TENANT, isGroup: false },
          serviceUrl: connector.serviceUrl,
          user: { id: user.id, aadObjectId: user.aadObjectId },
        },
      },
    );
    ids.push(chat.id);
  }
  return ids;
}

export async function installChannel(bot: TestBot, connector: StandInConnector, teamId: string, teamName: string): Promise<string> {
  const thread = channelThread(teamId);
  await recordInstalled(
    { conversations: bot.store.conversations, clock: bot.clock },
    {
      scope: 'channel',
      tenantId: TENANT,
      teamId,
      channelId: teamId,
      teamName,
      reference: {
        bot: { id: '28:nlc-bot', name: 'NLC' },
        channelId: 'msteams',
        conversation: { id: thread.id, conversationType: 'channel', tenantId: TENANT, isGroup: true },
        serviceUrl: connector.serviceUrl,
      },
    },
  );
  return thread.id;
}

/** The organiser clicking a button on a card in their personal chat; the card that comes back. */
export async function click(bot: TestBot, connector: StandInConnector, verb: string, data: unknown, options: { user?: TestUser; replyToId?: string } = {}) {
  const user = options.user ?? ORGANISER;
  const response = await bot.post(createTestInvoke(connector.serviceUrl, personalChat(user), user, verb, data, { replyToId: options.replyToId ?? 'organiser-card-1' }));
  return invokeCard(response.body);
}

/** The organiser typing a command; the card the bot replied with. */
export async function command(bot: TestBot, connector: StandInConnector, text: string, user: TestUser = ORGANISER) {
  const chat = personalChat(user);
  const before = connector.sentTo(chat.id).length;
  await bot.post(createTestMessage(connector.serviceUrl, chat, user, text));
  // A slow answer is preceded by a typing indicator: the reply is the first message.
  const reply = connector.sentTo(chat.id).slice(before).find((s) => s.activity.type !== 'typing');
  if (!reply) throw new Error(`no reply to "${text}"`);
  return cardsIn(reply)[0] ?? { text: reply.activity.text };
}

/** The data of the action with this verb on a card. */
export function actionData(card: Record<string, unknown>, verb: string): Record<string, unknown> {
  const action = ((card.actions ?? []) as { verb?: string; data?: Record<string, unknown> }[]).find((a) => a.verb === verb);
  if (!action?.data) throw new Error(`no ${verb} action on the card:\n${cardText(card)}`);
  return action.data;
}

/** Preview then confirm, as the organiser would; returns the broadcast id and the status card. */
export async function sendBroadcast(bot: TestBot, connector: StandInConnector, form: Record<string, string>, replyToId = 'organiser-card-1') {
  const preview = await click(bot, connector, 'broadcast.preview', form);
  const { broadcastId } = actionData(preview, 'broadcast.send') as { broadcastId: string };
  const status = await click(bot, connector, 'broadcast.send', { broadcastId }, { replyToId });
  return { broadcastId, preview, status };
}

export interface JobOptions {
  owner?: string;
  concurrency?: number;
  maxRps?: number;
  timing?: Partial<BroadcastTiming>;
  limiter?: RateLimiter;
  leaseName?: string;
}

/** A broadcast job over the bot's store and messenger, with test settings; run it with `run()`. */
export function broadcastJob(bot: TestBot, options: JobOptions = {}): BroadcastJob {
  return broadcastJobFrom({
    store: bot.store,
    messenger: bot.messenger,
    ...bot.people,
    catalogue: bot.catalogue,
    links: bot.links,
    settings: { maxRps: options.maxRps ?? 1000, concurrency: options.concurrency ?? 8 },
    clock: bot.clock,
    log: silentLogger,
    ...(options.owner ? { owner: options.owner } : {}),
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.leaseName ? { leaseName: options.leaseName } : {}),
    timing: { graceMs: 0, statusEveryMs: 60_000, ...options.timing },
  });
}

/** What a second bot needs to share this bot's embedded Cosmos server. */
export const sharedCosmos = (bot: TestBot) => ({ mode: 'azure' as const, endpoint: bot.store.cosmos.endpoint, key: EMBEDDED_KEY, database: 'nlc' });

/** Accepted new messages per conversation, for "everyone once" checks. */
export function postsPer(connector: StandInConnector, conversationIds: readonly string[]): number[] {
  const posts = connector.stats().postsByConversation;
  return conversationIds.map((id) => posts.get(id) ?? 0);
}

/**
 * The real limiter, noting on its own clock when it let each request go and each pause
 * it was told of: a test checks the pacing by counting over these, not against the wall
 * clock (which a busy machine stretches).
 */
export class RecordingLimiter extends RateLimiter {
  readonly granted: number[] = [];
  readonly paused: { at: number; ms: number }[] = [];

  constructor(perSecond: number) {
    super({ perSecond, timer: realTimer });
  }

  override async acquire(conversationId: string, signal?: AbortSignal): Promise<Settle> {
    const settle = await super.acquire(conversationId, signal);
    this.granted.push(realTimer.now());
    return settle;
  }

  override pause(ms: number): void {
    this.paused.push({ at: realTimer.now(), ms });
    super.pause(ms);
  }
}
