import { abortReason, type Timer } from '../../bot/delivery/timer';

/**
 * Pacing time that never waits: when everything runnable has run (setImmediate), time
 * jumps to the earliest sleeper and wakes it. A limiter test over thousands of requests
 * and hours of windows takes milliseconds, and no test sleeps.
 */
export class VirtualTimer implements Timer {
  private current = 0;
  private readonly sleepers: { due: number; seq: number; wake: () => void }[] = [];
  private seq = 0;
  private scheduled = false;

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const sleeper = { due: this.current + Math.max(0, ms), seq: this.seq++, wake: resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          const at = this.sleepers.indexOf(sleeper);
          if (at >= 0) this.sleepers.splice(at, 1);
          reject(abortReason(signal));
        },
        { once: true },
      );
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.sleepers.length === 0) return;
      this.sleepers.sort((a, b) => a.due - b.due || a.seq - b.seq);
      const next = this.sleepers.shift()!;
      this.current = Math.max(this.current, next.due);
      next.wake();
      if (this.sleepers.length > 0) this.schedule();
    });
  }
}
