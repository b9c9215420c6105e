// Node 20 has no WebSocket client without --experimental-websocket.
import WebSocket from 'ws';
import type { PlaygroundMessage, TrafficEntry, WaitOptions } from './types';

/** What the playground streams: bot messages on the conversation socket, traffic on the log socket. */
export interface ConversationEvent {
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

export function onConversationEvent(event: ConversationEvent, feed: Feed<PlaygroundMessage>): void {
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

export interface LogEvent {
  logAction?: string;
  log?: TrafficEntry & { type?: string };
}

export function onLogEvent(event: LogEvent, feed: Feed<TrafficEntry>): void {
  // type 'text' entries are the CLI's own console lines ("Connected.", warnings).
  if (event.logAction !== 'appendLog' || event.log?.type !== 'bot') return;
  const { type: _type, ...entry } = event.log;
  feed.push(entry);
}

/** Items that arrive over time, and waiting for one that matches. */
export class Feed<T> {
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

export function connect<E>(url: string, onEvent: (event: E) => void): Promise<WebSocket> {
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
