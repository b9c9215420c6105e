import type { Logger } from '../log';
import { planReminders, type PlannerDeps } from '../domain/reminders/planner';
import type { Job } from './runner';

/**
 * The reminder scheduler: every minute, queues the reminders that have fallen due (the
 * broadcast job sends them) and drops, with a log line, those that are no use any more.
 * It reads everything from Cosmos on each run, so a restart loses nothing, and runs
 * safely on several processes at once (see planner.ts).
 */
export function reminderJob(deps: PlannerDeps, log: Logger): Job {
  return {
    name: 'reminders',
    everyMs: 60_000,
    run: async () => {
      const report = await planReminders(deps);
      for (const queued of report.queued) log.info({ subject: queued.subject, slot: queued.slot, broadcastId: queued.broadcastId }, 'reminder queued');
      for (const dropped of report.dropped) log.info({ subject: dropped.subject, slot: dropped.slot, reason: dropped.reason }, `reminder dropped: ${dropped.reason}`);
      if (report.waiting > 0) log.debug({ waiting: report.waiting }, 'reminders due outside the civil hours wait for the morning');
    },
  };
}
