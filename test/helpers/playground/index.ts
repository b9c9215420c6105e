import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type WebSocket from 'ws';
import { freePort } from '../bot-process';
import { createDriver } from './driver';
import { connect, type ConversationEvent, Feed, type LogEvent, onConversationEvent, onLogEvent } from './feeds';
import { call, readContext } from './http';
import { launcher, readPort, stopChild } from './process';
import type { Playground, PlaygroundMessage, PlaygroundOptions, TrafficEntry } from './types';

export type * from './types';

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

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
