import type { Clock } from '../clock';
import { queueDueBroadcasts } from '../domain/broadcasts/sending-options';
import type { BroadcastStore } from '../domain/broadcasts/ports';
import type { Logger } from '../log';
import type { Job } from './runner';

/**
 * Broadcasts sent at a chosen time: every 30 seconds, queues the scheduled ones whose
 * time has come, for the broadcast job to send. Everything is read from Cosmos on each
 * run, so one due while the bot was down goes on the first run after it starts.
 */
export function scheduledBroadcastsJob(deps: { broadcasts: BroadcastStore; clock: Clock }, log: Logger): Job {
  return {
    name: 'scheduled-broadcasts',
    everyMs: 30_000,
    run: async () => {
      for (const broadcastId of await queueDueBroadcasts(deps)) log.info({ broadcastId }, 'scheduled broadcast queued');
    },
  };
}
