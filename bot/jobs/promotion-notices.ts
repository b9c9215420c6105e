import type { Logger } from '../log';
import { announcePendingPromotions, type PromotionDeps } from '../domain/workshops/promotions';
import type { Job } from './runner';

/**
 * Tells people promoted from a workshop waitlist whom no one has told yet: the send
 * right after a promotion was lost (the process stopped between the two writes) or hit
 * a passing failure. Reads what is due from the ledgers, so nothing is lost with a restart.
 */
export function promotionNoticesJob(deps: PromotionDeps, log: Logger): Job {
  return {
    name: 'promotion-notices',
    everyMs: 60_000,
    run: async () => {
      const announced = await announcePendingPromotions(deps);
      if (announced > 0) log.info({ announced }, 'late promotion notices attempted');
    },
  };
}
