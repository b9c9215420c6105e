import { z } from 'zod/v4';
import type { ConversationReferenceData, ConversationScope } from '../conversations/conversation';
import type { OpensChat, UnreachableReason } from '../conversations/reach';

/**
 * A broadcast: one card sent by an organiser to many conversations, with one delivery
 * record per recipient so that a restart continues where it stopped and later edits
 * reach every copy. Ids appear in card data, so they are short and checked.
 */
export const broadcastIdSchema = z.string().regex(/^b-[a-z0-9]{8,40}$/, 'not a broadcast id');

export type BroadcastStatus =
  /** Previewed, not confirmed: nothing will be sent. */
  | 'draft'
  /** Confirmed to go at `sendAt`: the scheduled-broadcasts job queues it then; Cancel stops it before. */
  | 'scheduled'
  /** Confirmed; the audience has not been read into delivery records yet. */
  | 'queued'
  /** Delivery records exist and some still have work: a first send or an update. */
  | 'sending'
  /** Nothing left to do (until an edit, a withdrawal or "resend to failed"). */
  | 'done';

/** What is sent, as stored: `kind` picks the content type (content-types.ts); the rest belongs to it. */
export interface ContentSpec {
  kind: string;
  [key: string]: unknown;
}

/** Who it goes to, as stored: `kind` picks the audience type (audience-types.ts). */
export interface AudienceSpec {
  kind: string;
  [key: string]: unknown;
}

/** The organiser's status card: edited in place as the send goes on. */
export interface StatusMessage {
  reference: ConversationReferenceData;
  messageId: string;
}

export interface Broadcast {
  id: string;
  status: BroadcastStatus;
  content: ContentSpec;
  audience: AudienceSpec;
  /** Names it on the organiser's cards: the event's or the announcement's title. */
  title: string;
  /** Who it goes to, in words, as the organiser confirmed it. */
  audienceText: string;
  /** The organiser's personal note, above the card in every copy. */
  note?: string;
  /** When to send it (UTC instant); absent = as soon as it is confirmed. */
  sendAt?: string;
  createdBy: { aadObjectId: string; name?: string };
  createdAt: string;
  queuedAt?: string;
  finishedAt?: string;
  /**
   * Bumped whenever every posted copy must be shown again (the event was edited or
   * cancelled, the broadcast was withdrawn). A copy showing an older revision is updated.
   */
  revision: number;
  /** The content's own version the latest revision needs (an event's sequence), so a stale read is not posted as current. */
  contentVersion: number;
  withdrawn: boolean;
  /** When every recipient had a delivery record. */
  expandedAt?: string;
  /** People the audience named whom the bot cannot message. */
  unreachable: number;
  /** Why, by reason (absent on broadcasts from before reasons were kept). */
  unreachableWhy?: Partial<Record<UnreachableReason, number>>;
  /** Recipients counted when the organiser previewed it. */
  previewCount: number;
  /** Of those, people the bot will open a personal chat with (it has none yet). */
  previewOpens?: number;
  statusMessage?: StatusMessage;
  /** The latest counts, saved as the send goes on (for lists; the records are the truth). */
  counts?: DeliveryCounts;
}

export type DeliveryState =
  | 'pending'
  | 'sent'
  /** Teams refused it, or it kept failing after every retry. "Resend to failed" tries again. */
  | 'failed'
  /** 403: the person blocked or removed the bot. Not retried; the conversation is marked inactive. */
  | 'blocked'
  /** 404: the conversation is gone. Not retried; marked inactive. */
  | 'not_found'
  /** The bot could not open a chat with the person (see `reason`). Not retried. */
  | 'unreachable';

/** One (broadcast, recipient) pair. Written before each send (the claim) and after it (the outcome). */
export interface Delivery {
  broadcastId: string;
  /** The record's id: stable for (broadcast, conversation), so reading an audience twice adds no one twice. */
  id: string;
  /** The installed conversation (what is marked inactive on 403/404). */
  conversationId: string;
  scope: ConversationScope;
  userAadObjectId?: string;
  /** Where the copy is posted. */
  reference: ConversationReferenceData;
  /** The person had no chat with the bot: it opens one before the first send (and the record then keeps its address). */
  opensChat?: OpensChat;
  state: DeliveryState;
  /** The id Teams gave the posted copy: what edits and withdrawals update. */
  messageId?: string;
  /** The broadcast revision the posted copy shows; -1 before it is posted. */
  revision: number;
  /** Failed attempts at the current operation (the first send, or an update). */
  attempts: number;
  reason?: string;
  /** Back-off: not tried again before this UTC instant; '' = any time. */
  notBefore: string;
  /** Who holds the claim to send it, and until when; '' = nobody. */
  claimOwner: string;
  claimUntil: string;
  /** An update of this copy to this revision failed for good: not tried again for it. */
  failedRevision: number;
  updatedAt: string;
  /** The store's version of this record; every write is conditional on it. */
  version?: string;
}

export interface DeliveryCounts {
  total: number;
  sent: number;
  pending: number;
  /** Of the pending, those that failed for a passing reason and wait for their back-off. */
  retrying: number;
  failed: number;
  blocked: number;
  notFound: number;
  /** People the bot could not open a chat with. */
  unreachable: number;
  /** Sent copies in a chat the bot opened for them (the rest of `sent` went where a chat or channel already was). */
  opened: number;
  /** Sent copies that show the latest revision. */
  current: number;
  /** Sent copies still to be updated to the latest revision. */
  updating: number;
  /** Sent copies whose update to the latest revision failed for good. */
  updateFailed: number;
}

export const emptyDeliveryCounts = (): DeliveryCounts => ({
  total: 0,
  sent: 0,
  pending: 0,
  retrying: 0,
  failed: 0,
  blocked: 0,
  notFound: 0,
  unreachable: 0,
  opened: 0,
  current: 0,
  updating: 0,
  updateFailed: 0,
});

/** Work left: first sends and updates, whether due now or waiting for a back-off. */
export const workLeft = (counts: DeliveryCounts): number => counts.pending + counts.updating;

/** A conversation an audience names, and where a copy goes in it. */
export interface Recipient {
  conversationId: string;
  scope: ConversationScope;
  reference: ConversationReferenceData;
  userAadObjectId?: string;
  /** A person with no chat with the bot: `reference` says where to open one (its conversation id is empty). */
  opensChat?: OpensChat;
}

/** Why copies failed, for the report: the most common reasons first. */
export interface FailureReason {
  state: Exclude<DeliveryState, 'pending' | 'sent'> | 'update_failed';
  reason: string;
  count: number;
}
