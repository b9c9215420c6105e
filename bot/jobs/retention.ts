import { removeExpired, type RetentionDeps } from '../domain/privacy/retention';
import type { Logger } from '../log';
import type { Job } from './runner';

/**
 * Removes records past RETENTION_DAYS (see retention.ts). Twice a day is plenty for a
 * limit counted in days; the first run comes at start, so a bot that was off catches up.
 * Two instances may both run it: every removal is idempotent.
 */
export function retentionJob(deps: RetentionDeps, log: Logger): Job {
  return {
    name: 'retention',
    everyMs: 12 * 3_600_000,
    run: async () => {
      const report = await removeExpired(deps);
      if (report.documents > 0) log.info({ ...report, retentionDays: deps.retentionDays }, 'expired records removed');
    },
  };
}
