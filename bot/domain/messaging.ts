import type { ConversationReferenceData } from './conversations/conversation';

/**
 * Sending to a conversation outside a turn (proactive messages): promotions from a
 * waitlist, reminders, broadcasts. `bot/teams/proactive.ts` implements it on the Bot
 * Connector; domain code only sees this port.
 */
/**
 * An Adaptive Card as plain JSON. Cards are drawn in cards/, whose render functions reach
 * the domain passed in (ports such as `ContentCards`); the domain only carries them.
 */
export interface CardJson {
  body?: unknown[];
  [key: string]: unknown;
}

export interface OutgoingMessage {
  /** Adaptive Cards; several are sent as one carousel. */
  cards?: CardJson[];
  text?: string;
}

export interface SendOptions {
  /** Abandons the request (a stopping sender); the outcome is then unknown. */
  signal?: AbortSignal;
}

export interface Messenger {
  /** Sends a new message; resolves with the id Teams gave it (for later edits). */
  send(conversation: ConversationReferenceData, message: OutgoingMessage, options?: SendOptions): Promise<{ id: string }>;
  /** Replaces a message the bot sent earlier. */
  update(conversation: ConversationReferenceData, messageId: string, message: OutgoingMessage, options?: SendOptions): Promise<void>;
  delete(conversation: ConversationReferenceData, messageId: string, options?: SendOptions): Promise<void>;
}

/** Why a send failed, in the terms the senders act on. */
export type DeliveryFailure =
  /** 403: the person blocked or removed the bot; stop sending to this conversation. */
  | 'blocked'
  /** 404: the conversation no longer exists. */
  | 'not_found'
  /** 429: Teams is throttling; wait `retryAfterMs` if given. */
  | 'throttled'
  /** 412, 5xx, network: worth retrying after a back-off. */
  | 'transient'
  /** Anything else (400, 401...): retrying will not help. */
  | 'failed'
  /** Not sent at all: the conversation's stored address is not a Teams service (see bot/teams/service-urls.ts). */
  | 'refused';

export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    readonly status: number | undefined,
    readonly retryAfterMs?: number,
    message = `delivery ${failure}${status ? ` (${status})` : ''}`,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export const isDeliveryError = (error: unknown): error is DeliveryError => error instanceof DeliveryError;
