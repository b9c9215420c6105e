import type { Logger } from '../log';

/**
 * Scheduled work (broadcast delivery, reminders, retention). Each job reads what is due
 * from the store on every run, so nothing is lost with the process: the runner only
 * decides when to look. Runs of one job never overlap; a failed run is logged and the
 * next one tries again. Tests call `run()` directly with a moved clock instead.
 */
export interface Job {
  name: string;
  /** Pause between the end of one run and the start of the next. */
  everyMs: number;
  /** `signal` aborts when the runner stops: long runs should wind down then. */
  run(signal?: AbortSignal): Promise<void>;
}

export interface JobRunner {
  stop(): Promise<void>;
}

export function startJobs(jobs: readonly Job[], log: Logger): JobRunner {
  let stopped = false;
  const stopping = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const schedule = (job: Job, delayMs: number): void => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = job
        .run(stopping.signal)
        .catch((error: unknown) => log.error({ err: error, job: job.name }, 'job run failed'))
        .finally(() => {
          running.delete(run);
          schedule(job, job.everyMs);
        });
      running.add(run);
    }, delayMs);
    timers.add(timer);
  };

  jobs.forEach((job) => schedule(job, 0));
  return {
    stop: async () => {
      stopped = true;
      stopping.abort();
      timers.forEach((t) => clearTimeout(t));
      timers.clear();
      await Promise.all(running);
    },
  };
}
