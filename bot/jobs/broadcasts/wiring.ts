import { renderStatusCard } from '../../../cards/broadcast-status';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { BroadcastCatalogue } from '../../domain/broadcasts/catalogue';
import type { BroadcastStore } from '../../domain/broadcasts/ports';
import { createPersonalChats } from '../../domain/conversations/personal-chats';
import type { AppInstaller, ChatOpener, ConversationStore } from '../../domain/conversations/ports';
import type { RosterStore } from '../../domain/rosters/ports';
import { pacedOpener } from '../../delivery/paced';
import { RateLimiter } from '../../delivery/rate-limit';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../delivery/failures';
import { createPacedSender } from '../../delivery/sender';
import { realTimer, type Timer } from '../../delivery/timer';
import type { DownloadLinks } from '../../domain/downloads';
import type { EventStore } from '../../domain/events/ports';
import type { TaskGroupStore } from '../../domain/task-groups/ports';
import type { WorkshopStore } from '../../domain/workshops/ports';
import type { Leases } from '../../domain/leases';
import type { Messenger } from '../../domain/messaging';
import type { Logger } from '../../log';
import type { BroadcastTiming } from './context';
import { type BroadcastJob, createBroadcastJob } from './job';

export interface BroadcastWiring {
  store: { broadcasts: BroadcastStore; conversations: ConversationStore; events: EventStore; workshops: WorkshopStore; taskGroups: TaskGroupStore; leases: Leases; rosters: RosterStore };
  messenger: Messenger;
  /** Opens chats with people who have none (unpaced: paced here by the limiter). */
  opener: ChatOpener;
  /** Installs the app through Graph for people in no team with the bot (GRAPH_INSTALL). */
  installer?: AppInstaller;
  /** Calendar links on workshop cards. */
  links: DownloadLinks;
  catalogue: BroadcastCatalogue;
  settings: Config['broadcast'];
  clock: Clock;
  log: Logger;
  /** The process's one limiter for proactive requests; made here from the settings when not given. */
  limiter?: RateLimiter;
  timer?: Timer;
  policy?: RetryPolicy;
  owner?: string;
  leaseName?: string;
  timing?: Partial<BroadcastTiming>;
}

/** The broadcast job from the bot's parts: start.ts uses it, and so do tests that run the job by hand. */
export function broadcastJobFrom(w: BroadcastWiring): BroadcastJob {
  const timer = w.timer ?? realTimer;
  const limiter = w.limiter ?? new RateLimiter({ perSecond: w.settings.maxRps, timer });
  const policy = w.policy ?? DEFAULT_RETRY_POLICY;
  const reach = { ...w.store, clock: w.clock, ...(w.installer ? { installer: w.installer } : {}) };
  return createBroadcastJob({
    ...reach,
    ...w.catalogue,
    links: w.links,
    sender: createPacedSender({ messenger: w.messenger, limiter, policy }),
    chats: createPersonalChats({ ...reach, opener: pacedOpener(w.opener, limiter, policy) }),
    clock: w.clock,
    timer,
    log: w.log,
    concurrency: w.settings.concurrency,
    renderStatus: (report) => ({
      cards: [
        renderStatusCard(report, {
          refreshUserIds: report.broadcast.statusMessage?.reference.user ? [report.broadcast.statusMessage.reference.user.id] : [],
          now: w.clock.now(),
        }),
      ],
    }),
    ...(w.owner ? { owner: w.owner } : {}),
    ...(w.leaseName ? { leaseName: w.leaseName } : {}),
    ...(w.timing ? { timing: w.timing } : {}),
  });
}
