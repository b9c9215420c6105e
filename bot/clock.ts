/**
 * The one source of "now". Passed in everywhere so deadlines, reminders and
 * "upcoming" can be tested by moving time instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs forward in real time. The demo programme is
 * dated 2024; this keeps it "upcoming" when the bot runs on the embedded store.
 */
export function offsetClock(start: Date, real: Clock = systemClock): Clock {
  const offsetMs = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offsetMs) };
}

/** A clock for tests: stands still until told to move. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
