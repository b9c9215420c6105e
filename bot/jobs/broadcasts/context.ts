import type { Clock } from '../../clock';
import type { AudienceDeps, AudienceType } from '../../domain/broadcasts/audience-types';
import type { Kinds } from '../../domain/broadcasts/compose';
import type { ContentDeps, ContentType } from '../../domain/broadcasts/content-types';
import type { BroadcastStore } from '../../domain/broadcasts/ports';
import type { BroadcastReport } from '../../domain/broadcasts/service';
import type { PersonalChats } from '../../domain/conversations/personal-chats';
import type { ConversationStore } from '../../domain/conversations/ports';
import type { PacedSender } from '../../delivery/sender';
import type { Semaphore } from '../../delivery/semaphore';
import type { Timer } from '../../delivery/timer';
import type { EventStore } from '../../domain/events/ports';
import type { Lease, Leases } from '../../domain/leases';
import type { OutgoingMessage } from '../../domain/messaging';
import type { Logger } from '../../log';

export interface BroadcastJobDeps extends AudienceDeps, ContentDeps {
  broadcasts: BroadcastStore;
  conversations: ConversationStore;
  events: EventStore;
  leases: Leases;
  audiences: Kinds<AudienceType>;
  contents: Kinds<ContentType>;
  /** Paced by the process's one rate limiter (BROADCAST_MAX_RPS and Teams' per-conversation limits). */
  sender: PacedSender;
  /** Where a person's chat comes from when they have none (opened through the same limiter). */
  chats: PersonalChats;
  /** Business time: claims, leases, back-offs. */
  clock: Clock;
  /** Pacing time: status updates, rescans. */
  timer: Timer;
  log: Logger;
  /** The organiser's status card for a report. */
  renderStatus(report: BroadcastReport): OutgoingMessage;
  /** Sends in flight at once (BROADCAST_CONCURRENCY): also the most a crash can repeat. */
  concurrency: number;
  /** Names this process in leases and claims (default: random). */
  owner?: string;
  /** One sender per lease name (default BROADCAST_LEASE): Teams' rate limit is per app and tenant. */
  leaseName?: string;
  timing?: Partial<BroadcastTiming>;
}

export interface BroadcastTiming {
  /**
   * The sender lease lives this long unless renewed (every third of it): also how long a
   * dead sender's successor waits before it takes over. Short, because a restart after a
   * crash should send again within seconds; a renewal is one small write a second, made
   * only while there is something to send.
   */
  leaseTtlMs: number;
  /** A claim on one record lives this long; renewed before a send that might outlast it. */
  claimTtlMs: number;
  /** The connector client's timeout: a claim must outlive a send. */
  sendTimeoutMs: number;
  /** How often the organiser's status card is updated while a broadcast runs. */
  statusEveryMs: number;
  /** Records read per query. */
  pageSize: number;
  /** After a stop, sends in flight get this long to finish and be recorded before they are abandoned. */
  graceMs: number;
  /** How often a running job looks for newly confirmed broadcasts. */
  rescanMs: number;
}

export const DEFAULT_TIMING: BroadcastTiming = {
  leaseTtlMs: 3000,
  claimTtlMs: 60_000,
  sendTimeoutMs: 15_000,
  statusEveryMs: 3000,
  pageSize: 200,
  graceMs: 10_000,
  rescanMs: 2000,
};

/** One job run's shared state. */
export interface RunContext {
  deps: BroadcastJobDeps;
  timing: BroadcastTiming;
  owner: string;
  lease: Lease;
  /** BROADCAST_CONCURRENCY permits, shared by every broadcast in the run. */
  pool: Semaphore;
  /** Aborted when the job is told to stop: no new claims. */
  stop: AbortSignal;
  /** Aborted `graceMs` after a stop: requests still in flight are abandoned. */
  abandon: AbortSignal;
}

/** True once this run must not start anything new. */
export const stopping = (run: RunContext): boolean => run.stop.aborted || !run.lease.held();
