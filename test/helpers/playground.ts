import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
// ws is here as a dependency of botframework-streaming: Node 20 has no WebSocket client
// without --experimental-websocket. Better as a direct devDependency (see the notes).
import WebSocket from 'ws';

/**
 * Drives Microsoft 365 Agents Playground (the local Teams-like client) over its own HTTP
 * and WebSocket API, the same calls its web page makes, so a test can act as a Teams user
 * against the real bot and see what the bot sends back. Shapes, ids and limits were
 * checked by running it: docs/playground-notes.md.
 *
 *   const bot = await startTestBot();
 *   const pg = await startPlayground({ botEndpoint: `${bot.url}/api/messages` });
 *   const chat = pg.context.personalChat.id;
 *   const mark = pg.messages().length;
 *   await pg.sendText(chat, 'events');
 *   const card = await pg.waitForMessage((m) => m.attachments.length > 0, { since: mark });
 *   const res = await pg.invoke({ conversationId: chat, replyToId: card.messageId, verb, data });
 *   await pg.stop();
 *
 * What the bot gets (no Authorization header, so only a bot without MicrosoftAppId
 * accepts it): channelId msteams, serviceUrl http://localhost:<port>/_connector,
 * conversation { id, conversationType: personal | groupChat | channel, tenantId, isGroup
 * outside personal }, from { id, name, aadObjectId } (no name on install events),
 * channelData.tenant.id, and in channels channelData.team / channel. A channel message
 * arrives in its post, conversation.id "<channel id>;messageid=<root id>". Invokes carry
 * replyToId = the card's message id and value { action: { type, verb, data }, trigger }.
 * Through serviceUrl the bot can send, reply, update (PUT), list and get members, page
 * members, create 1:1 and channel conversations, read team details and channels; DELETE
 * answers 501.
 */

interface Launcher {
  writePlaygroundConfig(dir: string): string;
  playgroundCommand(options: { botEndpoint: string; port: number; configPath: string; logPath: string }): {
    command: string;
    args: string[];
    env: NodeJS.ProcessEnv;
  };
}
// scripts/playground.js is plain JS so `npm run playground` needs no build; sharing it
// gives people and tests the same flags and the same Teams context.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require('../../scripts/playground.js') as Launcher;

export interface PlaygroundUser {
  /** Teams user id ("29:alex"): `activity.from.id`. */
  id: string;
  name: string;
  aadObjectId: string;
  /** Spelled this way by the playground. */
  userPrincipleName: string;
  givenName: string;
  surname: string;
  email: string;
}

/** GET /_internal/v1/testConfig: who and where the playground pretends to be. */
export interface PlaygroundContext {
  tenantId: string;
  bot: { id: string; name: string };
  /** The only user the web client (and sendText without `from`) speaks as. */
  currentUser: PlaygroundUser;
  /** Five more users, all in the group chat and the team. */
  users: PlaygroundUser[];
  /** The current user's 1:1 chat with the bot. */
  personalChat: { id: string; name: string };
  groupChats: { id: string; name: string; members: string[] }[];
  /** One team; its first channel is General, whose id is the team's id. */
  teams: {
    id: string;
    name: string;
    aadGroupId: string;
    channels: { id: string; name?: string; channelType: string }[];
    members: string[];
  }[];
}

/** A bot message as the playground shows it (from the conversation WebSocket). */
export interface PlaygroundMessage {
  /** updateMessage = the bot edited message `messageId` (PUT .../activities/{id}). */
  action: 'createMessage' | 'updateMessage';
  /**
   * Where it shows: the chat id; in a channel, the post's id "<channel>;messageid=<root>"
   * for a reply in a thread, or the channel id when the bot started a new post.
   */
  conversationId: string;
  /** Set when the bot started a new channel post: that post's conversation id. */
  postConversationId?: string;
  /** The id the bot got back; use it as `replyToId` to press a button on this card. */
  messageId: string;
  timestamp: number;
  /** The bot's id for bot messages. */
  fromId: string;
  text?: string;
  attachments: { contentType: string; content: unknown }[];
}

/** One request between bot and playground, either way (from the log WebSocket). */
export interface TrafficEntry {
  /** "User Application" (the bot) or "Microsoft 365 Agents Playground". */
  from: string;
  to: string;
  /** Activity type for messages sent either way, else the connector operation: getConversationMembers, createConversation, ... */
  activityName: string;
  /** Read from the activity's `conversation`: absent for lookups and for bodies without one. */
  conversationId?: string;
  messageId?: string;
  request?: { body?: unknown };
  response?: { statusCode: number; body?: unknown };
  timestamp: number;
}

export interface InvokeRequest {
  conversationId: string;
  /** The card's message id (PlaygroundMessage.messageId); must exist in that conversation. */
  replyToId: string;
  verb: string;
  data?: Record<string, unknown>;
  /** A user id from the context; default the current user. Only the current user is in the personal chat. */
  from?: string;
}

export interface InvokeResult {
  /** 200 when the bot answered 2xx; 502 when it answered an error status; 400 for a bad request. */
  status: number;
  /**
   * 200: the bot's body minus `statusCode` (the playground drops it), e.g.
   * `{ type: 'application/vnd.microsoft.card.adaptive', value: card }`; `{}` for no body.
   * 502: `{ code: 'UserBotError', message, innerHttpError: { statusCode, body } }`.
   */
  body: unknown;
  /** Teams gives up on an invoke after a few seconds; the playground waits for ever. */
  elapsedMs: number;
}

export interface SendTextOptions {
  /**
   * A user id from the context. Anyone but the current user is sent as a custom activity
   * built here (the playground's message API always speaks as the current user); such a
   * message does not appear in the playground's web page.
   */
  from?: string;
  /**
   * Prefix "<at>Bot</at> " and add the mention. In group chats and channels the bot only
   * hears messages that mention it, as in Teams. Default: true outside the personal chat.
   */
  mentionBot?: boolean;
}

export interface SentText {
  /** For the current user, the playground's id of the message; else the custom activity's id. */
  messageId: string;
  /** In a channel the message starts a new post: its conversation id "<channel>;messageid=<id>". */
  postConversationId?: string;
}

export interface WaitOptions {
  /** Default 5000. */
  timeoutMs?: number;
  /** Only look at entries from this index on: take `messages().length` before acting. */
  since?: number;
}

export interface Playground {
  /** http://127.0.0.1:<port>; the web client is at `${url}/`. */
  url: string;
  port: number;
  /** The serviceUrl in every activity: http://localhost:<port>/_connector. */
  serviceUrl: string;
  /** The context as read at start. */
  context: PlaygroundContext;
  /** Reads the context again (cheap; does not wait for the bot, unlike /_internal/v1/config). */
  config(): Promise<PlaygroundContext>;
  /** Installs the bot in a chat or channel: the bot gets installationUpdate and conversationUpdate (membersAdded), unordered. */
  install(conversationId: string): Promise<void>;
  /** Sends a user message. Returns at once: the bot gets it afterwards, and its errors are not reported here. */
  sendText(conversationId: string, text: string, options?: SendTextOptions): Promise<SentText>;
  /** Sends any activity to the bot as is (fire and forget), e.g. from customActivityTemplate. */
  sendActivity(activity: Record<string, unknown>): Promise<void>;
  /** A starting activity for `type` (install, uninstall, userAdded, botRemoved, teamRenamed, ...), or a bare one. */
  customActivityTemplate(conversationId: string, type?: string): Promise<Record<string, unknown>>;
  /** Presses an Action.Execute button: POST /_conversation/v1/invoke, answered with the bot's invoke response. */
  invoke(request: InvokeRequest): Promise<InvokeResult>;
  /** Bot messages and edits the web page would show, in arrival order (proactive ones too). */
  messages(): PlaygroundMessage[];
  waitForMessage(predicate: (message: PlaygroundMessage) => boolean, options?: WaitOptions): Promise<PlaygroundMessage>;
  /** Everything the bot sent or was sent, including what messages() cannot show (1:1 chats of other users, failed calls). */
  traffic(): TrafficEntry[];
  waitForTraffic(predicate: (entry: TrafficEntry) => boolean, options?: WaitOptions): Promise<TrafficEntry>;
  /** The CLI's stdout and stderr so far (last 20,000 characters). */
  output(): string;
  /** Stops the CLI (SIGTERM, SIGKILL after 5 s) and closes the sockets; safe to call twice. */
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** e.g. `${bot.url}/api/messages`. The bot must run without MicrosoftAppId: the playground sends no token. */
  botEndpoint: string;
  /** Default: a free port. If it is taken, the CLI quietly picks another; `port` tells which. */
  port?: number;
  /** Default 20000; it is usually ready in about a second. */
  startTimeoutMs?: number;
  /** Your own playground .yml instead of the shared one in scripts/playground.js. */
  configPath?: string;
}

/** The first Adaptive Card in a message, if any. */
export function adaptiveCardOf(message: PlaygroundMessage): Record<string, unknown> | undefined {
  const attachment = message.attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as Record<string, unknown> | undefined;
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const dir = mkdtempSync(path.join(tmpdir(), 'playground-test-'));
  const configPath = options.configPath ?? launcher.writePlaygroundConfig(dir);
  const logPath = path.join(dir, 'playground.log');
  const requestedPort = options.port ?? (await freePort());
  const { command, args, env } = launcher.playgroundCommand({ botEndpoint: options.botEndpoint, port: requestedPort, configPath, logPath });

  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Also if the test run ends without stop(): 'exit' handlers may only do synchronous work.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let output = '';
  // Keep draining both pipes for the whole run: a full pipe would block the CLI.
  const record = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', record);
  child.stderr.on('data', record);

  const sockets: WebSocket[] = [];
  const cleanUp = async (): Promise<void> => {
    for (const socket of sockets) socket.terminate();
    await stopChild(child, 5000);
    process.off('exit', killOnExit);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const timeoutMs = options.startTimeoutMs ?? 20_000;
    const deadline = Date.now() + timeoutMs;
    const port = await readPort(child, () => output, timeoutMs);
    const url = `http://127.0.0.1:${port}`;
    // A bad config file leaves it "Listening" but mute, with the reason only in its log.
    while ((await call('GET', `${url}/_debug/ping`, undefined, 1000).catch(() => undefined))?.body !== 'pong') {
      if (Date.now() > deadline) throw new Error(`no answer on ${url}/_debug/ping`);
      if (existsSync(logPath) && readFileSync(logPath, 'utf8').includes('error Failed to start')) throw new Error('it logged a start error');
      await delay(100);
    }
    const context = await readContext(url);
    const messages = new Feed<PlaygroundMessage>((m) => `${m.action} ${m.conversationId}: ${m.text ?? '[card]'}`);
    const traffic = new Feed<TrafficEntry>((t) => `${t.activityName} ${t.from} -> ${t.to} ${t.response?.statusCode ?? ''}`);
    const wsUrl = `ws://127.0.0.1:${port}`;
    sockets.push(await connect<ConversationEvent>(`${wsUrl}/_ws_conversation/v1/conversations/stream`, (event) => onConversationEvent(event, messages)));
    sockets.push(await connect<LogEvent>(`${wsUrl}/_ws/log/stream`, (event) => onLogEvent(event, traffic)));
    return createDriver({ url, port, context, messages, traffic, output: () => output, stop: cleanUp });
  } catch (error) {
    const log = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '(none)';
    await cleanUp();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Agents Playground did not start (${reason}).\nIts output:\n${output || '(none)'}\nIts log:\n${log}`);
  }
}

interface DriverParts {
  url: string;
  port: number;
  context: PlaygroundContext;
  messages: Feed<PlaygroundMessage>;
  traffic: Feed<TrafficEntry>;
  output: () => string;
  stop: () => Promise<void>;
}

function createDriver({ url, port, context, messages, traffic, output, stop }: DriverParts): Playground {
  const ids = (id: string): string => encodeURIComponent(id);
  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    serviceUrl: `http://localhost:${port}/_connector`,
    context,
    config: () => readContext(url),
    install: async (conversationId) => {
      expectOk('install', await call('POST', `${url}/_debug/conversation/${ids(conversationId)}/installation`, {}));
    },
    sendText: async (conversationId, text, options = {}) => {
      const mention = options.mentionBot ?? conversationId !== context.personalChat.id;
      const from = options.from ?? context.currentUser.id;
      const mentionText = `<at>${context.bot.name}</at>`;
      const fullText = mention ? `${mentionText} ${text}` : text;
      if (from !== context.currentUser.id) {
        const activity = userMessage(context, url, conversationId, userById(context, from), fullText, mention ? mentionText : undefined);
        expectOk('send custom activity', await call('POST', `${url}/_internal/v1/customActivities`, activity));
        return { messageId: activity.id };
      }
      const body = {
        from: { id: from },
        text: fullText,
        textFormat: 'plain', // required: plain, markdown or xml
        ...(mention ? { mentions: [{ mentioned: { id: context.bot.id }, text: mentionText }] } : {}),
      };
      const res = expectOk('send message', await call('POST', `${url}/_conversation/v1/conversations/${ids(conversationId)}/messages`, body));
      return res.body as SentText;
    },
    sendActivity: async (activity) => {
      expectOk('send custom activity', await call('POST', `${url}/_internal/v1/customActivities`, activity));
    },
    customActivityTemplate: async (conversationId, type) => {
      const query = new URLSearchParams({ conversationId, ...(type ? { type } : {}) });
      const res = expectOk('custom activity template', await call('GET', `${url}/_internal/v1/customActivities/template?${query.toString()}`));
      return res.body as Record<string, unknown>;
    },
    invoke: async ({ conversationId, replyToId, verb, data = {}, from = context.currentUser.id }) => {
      const started = Date.now();
      const res = await call('POST', `${url}/_conversation/v1/invoke`, {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        from: { id: from },
        conversation: { id: conversationId },
        replyToId,
      });
      return { status: res.status, body: res.body, elapsedMs: Date.now() - started };
    },
    messages: () => [...messages.items],
    waitForMessage: (predicate, options) => messages.waitFor(predicate, options, 'bot message'),
    traffic: () => [...traffic.items],
    waitForTraffic: (predicate, options) => traffic.waitFor(predicate, options, 'bot traffic'),
    output,
    stop: () => (stopped ??= stop()),
  };
}

/** A message activity shaped like the ones the playground itself sends (see the notes). */
function userMessage(
  context: PlaygroundContext,
  url: string,
  conversationId: string,
  user: PlaygroundUser,
  text: string,
  mentionText: string | undefined,
): Record<string, unknown> & { id: string } {
  const channelId = conversationId.split(';')[0] ?? conversationId;
  const team = context.teams.find((t) => t.channels.some((c) => c.id === channelId));
  const isGroup = context.groupChats.some((g) => g.id === conversationId);
  const conversationType = team ? 'channel' : isGroup ? 'groupChat' : 'personal';
  const tenant = { id: context.tenantId };
  return {
    type: 'message',
    id: `custom-${Date.now()}-${Math.random().toString(16).slice(2, 8)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${url.replace('127.0.0.1', 'localhost')}/_connector`,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: context.bot.id, name: context.bot.name },
    conversation: {
      id: conversationId,
      conversationType,
      tenantId: context.tenantId,
      ...(conversationType === 'personal' ? {} : { isGroup: true }),
    },
    text,
    textFormat: 'plain',
    locale: 'en-US',
    entities: mentionText
      ? [{ type: 'mention', mentioned: { id: context.bot.id, name: context.bot.name }, text: mentionText }]
      : [],
    channelData: team ? { tenant, team: { id: team.id }, channel: { id: channelId } } : { tenant },
  };
}

function userById(context: PlaygroundContext, id: string): PlaygroundUser {
  const user = [context.currentUser, ...context.users].find((u) => u.id === id);
  if (!user) throw new Error(`no playground user ${id}; users: ${[context.currentUser, ...context.users].map((u) => u.id).join(', ')}`);
  return user;
}

// --- WebSocket events -------------------------------------------------------------------

interface ConversationEvent {
  action: 'createMessage' | 'updateMessage' | 'typing';
  actionConversationId: string;
  message?: {
    messageId: string;
    timestamp: number;
    from: { id: string };
    text?: string;
    attachments?: { contentType: string; content: unknown }[];
    postConversationId?: string;
  };
}

function onConversationEvent(event: ConversationEvent, feed: Feed<PlaygroundMessage>): void {
  // 'typing' carries no message; tests have no use for it.
  if (event.action === 'typing' || !event.message) return;
  const { message } = event;
  feed.push({
    action: event.action,
    conversationId: event.actionConversationId,
    postConversationId: message.postConversationId,
    messageId: message.messageId,
    timestamp: message.timestamp,
    fromId: message.from.id,
    text: message.text,
    attachments: message.attachments ?? [],
  });
}

interface LogEvent {
  logAction?: string;
  log?: TrafficEntry & { type?: string };
}

function onLogEvent(event: LogEvent, feed: Feed<TrafficEntry>): void {
  // type 'text' entries are the CLI's own console lines ("Connected.", warnings).
  if (event.logAction !== 'appendLog' || event.log?.type !== 'bot') return;
  const { type: _type, ...entry } = event.log;
  feed.push(entry);
}

/** Items that arrive over time, and waiting for one that matches. */
class Feed<T> {
  readonly items: T[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly describe: (item: T) => string) {}

  push(item: T): void {
    this.items.push(item);
    for (const listener of this.listeners) listener();
  }

  waitFor(predicate: (item: T) => boolean, { timeoutMs = 5000, since = 0 }: WaitOptions = {}, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      const timer = setTimeout(() => {
        finish();
        const seen = this.items.slice(since).slice(-10).map(this.describe);
        reject(new Error(`no matching ${what} within ${timeoutMs} ms; last seen:\n  ${seen.join('\n  ') || '(none)'}`));
      }, timeoutMs);
      const check = (): void => {
        const found = this.items.slice(since).find(predicate);
        if (found === undefined) return;
        finish();
        resolve(found);
      };
      this.listeners.add(check);
      check();
    });
  }
}

function connect<E>(url: string, onEvent: (event: E) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('message', (data: WebSocket.Data) => onEvent(JSON.parse(toText(data)) as E));
    socket.once('open', () => {
      // A socket error after start (e.g. the CLI stopped) must not crash the test process;
      // waits then time out with what was seen.
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

const toText = (data: WebSocket.Data): string => {
  if (typeof data === 'string') return data; // ws 7 gives text frames as strings
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (data instanceof ArrayBuffer ? Buffer.from(data) : data).toString('utf8');
};

// --- HTTP and process plumbing ----------------------------------------------------------

/** One HTTP call to the playground; `timeoutMs` is generous so slow invokes can be measured, not cut. */
async function call(method: string, url: string, body?: unknown, timeoutMs = 60_000): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  } catch {
    return { status: response.status, body: text }; // /_debug/ping answers plain "pong"
  }
}

function expectOk(what: string, res: { status: number; body: unknown }): { status: number; body: unknown } {
  if (res.status >= 200 && res.status < 300) return res;
  throw new Error(`playground ${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

async function readContext(url: string): Promise<PlaygroundContext> {
  const res = expectOk('read config', await call('GET', `${url}/_internal/v1/testConfig`));
  return (res.body as { config: PlaygroundContext }).config;
}

/** The port from "Listening on <port>": it differs from -p when that port was taken. */
function readPort(child: ChildProcess, output: () => string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`not listening after ${timeoutMs} ms`));
    }, timeoutMs);
    const check = (): void => {
      const match = /Listening on (\d+)/.exec(output());
      if (!match) return;
      finish();
      resolve(Number(match[1]));
    };
    const onExit = (code: number | null, signal: string | null): void => {
      finish();
      reject(new Error(`the CLI exited with ${code ?? signal}`));
    };
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    child.once('error', (error) => {
      finish();
      reject(error);
    });
  });
}

function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
