/** What the Agents Playground driver reads and takes (see index.ts for how to use it). */

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

/** A message extension invoke: a search (composeExtension/query) or a pasted link (composeExtension/queryLink). */
export interface ComposeInvokeRequest {
  conversationId: string;
  name: 'composeExtension/query' | 'composeExtension/queryLink';
  /** As Teams sends it: `{ commandId, parameters: [{ name, value }], queryOptions }` or `{ url }`. */
  value: unknown;
  /** A user id from the context; default the current user. */
  from?: string;
}

export interface ComposeInvokeResult {
  /** 200 when the bot answered 2xx; 502 when it answered an error status; 400 for a bad request. */
  status: number;
  /** The bot's answer as the playground passes it on: `{ composeExtension: { type, attachmentLayout, attachments } }`. */
  body: { composeExtension?: { type?: string; text?: string; attachments?: { contentType: string; content: unknown; preview?: { contentType: string; content: unknown } }[] } };
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
  /** Types in the message extension (a search) or pastes a link, as the compose box does: POST /_conversation/v1/invoke. */
  composeInvoke(request: ComposeInvokeRequest): Promise<ComposeInvokeResult>;
  /**
   * Sends a card as the current user (what choosing a search result, or sending an unfolded
   * link, does): POST .../messages with the attachment. The bot is not told; its buttons
   * then reach the bot through `invoke` with this message's id.
   */
  sendCard(conversationId: string, attachment: { contentType: string; content: unknown }): Promise<SentText>;
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
