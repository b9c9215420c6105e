import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { Semaphore } from '../../delivery/semaphore';
import { isAbort, napUnless } from '../../delivery/timer';
import type { Job } from '../runner';
import { type BroadcastJobDeps, DEFAULT_TIMING, type RunContext, stopping } from './context';
import { runBroadcast } from './run-broadcast';

/** Only the lease holder sends: Teams' rate limit is per app and tenant, not per process. */
export const BROADCAST_LEASE = 'broadcast-sender';

export interface BroadcastJob extends Job {
  /** This process's name in leases and claims. */
  owner: string;
}

/**
 * Broadcast delivery, off the request path. Each run takes the sender lease (so of
 * several bot processes sharing one Cosmos account one sends at a time, and if it dies
 * another takes over when the lease runs out), then works every confirmed broadcast
 * until nothing is due, picking up broadcasts confirmed while it runs.
 */
export function createBroadcastJob(deps: BroadcastJobDeps): BroadcastJob {
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const owner = deps.owner ?? `sender-${randomUUID()}`;
  return {
    name: 'broadcasts',
    everyMs: 1000,
    owner,
    run: async (signal?: AbortSignal) => {
      const stop = signal ?? new AbortController().signal;
      if (stop.aborted) return;
      // Every broadcast in the run, and every send waiting on the rate limiter, listens for
      // the stop: hundreds at once (200 reminders due together) is expected, not a leak.
      setMaxListeners(0, stop);
      // An idle bot asks one query a second, not for the lease as well.
      if ((await deps.broadcasts.listActive()).length === 0) return;
      const lease = await deps.leases.acquire(deps.leaseName ?? BROADCAST_LEASE, owner, timing.leaseTtlMs);
      if (!lease) return;
      const abandon = new AbortController();
      // Likewise every send in flight or waiting on the limiter (its request, its nap).
      setMaxListeners(0, abandon.signal);
      const over = new AbortController();
      const onStop = (): void => {
        deps.timer.sleep(timing.graceMs, over.signal).then(
          () => abandon.abort(),
          // The run ended within the grace period: nothing left to abandon.
          () => undefined,
        );
      };
      stop.addEventListener('abort', onStop, { once: true });
      const renewal = setInterval(() => {
        lease.renew().then(
          (held) => held || deps.log.warn({ owner }, 'broadcast sender lease lost; stopping'),
          (error: unknown) => deps.log.warn({ err: error, owner }, 'broadcast sender lease not renewed'),
        );
      }, timing.leaseTtlMs / 3);
      const run: RunContext = { deps, timing, owner, lease, pool: new Semaphore(deps.concurrency), stop, abandon: abandon.signal };
      try {
        await sendAll(run);
      } finally {
        clearInterval(renewal);
        over.abort();
        stop.removeEventListener('abort', onStop);
        await lease.release();
      }
    },
  };
}

/** Every active broadcast at once (sharing the pool and the rate limiter), new ones joining as they are confirmed. */
async function sendAll(run: RunContext): Promise<void> {
  const started = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  for (;;) {
    if (stopping(run)) break;
    let active: Awaited<ReturnType<typeof run.deps.broadcasts.listActive>> = [];
    try {
      active = await run.deps.broadcasts.listActive();
    } catch (error) {
      // With sends in flight, a failed rescan (a store timeout under load) must not end the
      // run and release the lease under them: they go on, and the next rescan tries again.
      if (running.size === 0) throw error;
      run.deps.log.warn({ err: error }, 'broadcast rescan failed; the sends in flight go on');
    }
    for (const broadcast of active) {
      if (started.has(broadcast.id)) continue;
      const work: Promise<void> = runBroadcast(run, broadcast)
        .catch((error: unknown) => run.deps.log.error({ err: error, broadcastId: broadcast.id }, 'broadcast run failed'))
        .finally(() => running.delete(work));
      started.set(broadcast.id, work);
      running.add(work);
    }
    if (running.size === 0) break;
    try {
      // Whichever comes first, the nap's timer is cleared: it must not keep the process alive.
      await napUnless(run.deps.timer, run.timing.rescanMs, Promise.race(running), run.stop);
    } catch (error) {
      if (!isAbort(error)) throw error;
    }
  }
  await Promise.all(running);
}
