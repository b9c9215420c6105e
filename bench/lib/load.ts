import { performance } from 'node:perf_hooks';

export interface Outcome {
  ok: boolean;
  ms: number;
}

export interface LoadResult {
  perSecond: number;
  ok: number;
  failed: number;
  latencies: number[];
}

/**
 * Closed loop: `concurrency` workers, each sending its next request as soon as the last
 * one is answered, for `seconds`. `request(worker, i)` is the worker's i-th request.
 */
export async function closedLoop(concurrency: number, seconds: number, request: (worker: number, i: number) => Promise<Outcome>): Promise<LoadResult> {
  const end = performance.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  const latencies: number[] = [];
  const worker = async (_: unknown, w: number): Promise<void> => {
    for (let i = 0; performance.now() < end; i++) {
      const outcome = await request(w, i);
      latencies.push(outcome.ms);
      if (outcome.ok) ok++;
      else failed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { perSecond: ok / ((performance.now() - started) / 1000), ok, failed, latencies };
}
