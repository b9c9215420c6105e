/**
 * Teams counts a request when it arrives; we only know when we sent it and when the
 * answer came. Arrival lies between the two, and the gap varies (a new connection, a
 * busy event loop: 80 ms was seen on this machine). So a request counts against a
 * window from the moment it is granted until `ms` after its answer: then no window of
 * Teams' can hold more than `limit`, whatever the jitter, at the cost of one round trip
 * per window (about 1% at loopback latencies).
 */
export class SlidingWindow {
  private answered: number[] = [];
  private start = 0;
  private inFlight = 0;

  constructor(
    readonly limit: number,
    readonly ms: number,
  ) {}

  /** The earliest instant, not before `now`, at which one more request fits; Infinity until an answer comes. */
  nextAt(now: number): number {
    this.prune(now - this.ms);
    const held = this.answered.length - this.start + this.inFlight;
    if (held < this.limit) return now;
    const mustExpire = held - this.limit + 1;
    if (mustExpire > this.answered.length - this.start) return Infinity;
    return Math.max(now, this.answered[this.start + mustExpire - 1]! + this.ms);
  }

  take(): void {
    this.inFlight++;
  }

  /** The request was answered (or failed) at `at`. */
  settle(at: number): void {
    this.inFlight--;
    this.answered.push(at);
  }

  idleSince(now: number): boolean {
    this.prune(now - this.ms);
    return this.inFlight === 0 && this.answered.length === this.start;
  }

  private prune(before: number): void {
    while (this.start < this.answered.length && this.answered[this.start]! <= before) this.start++;
    // Compact now and then so the array does not grow for ever.
    if (this.start > 1024 && this.start * 2 > this.answered.length) {
      this.answered = this.answered.slice(this.start);
      this.start = 0;
    }
  }
}
