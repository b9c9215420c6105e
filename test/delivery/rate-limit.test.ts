import { strict as assert } from 'node:assert';
import { getEventListeners, setMaxListeners } from 'node:events';
import { RateLimiter } from '../../bot/delivery/rate-limit';
import { maxInWindow } from '../helpers/teams-limits';
import { VirtualTimer } from '../helpers/virtual-timer';

/** Grants the limiter hands out, on a virtual timer: the limits are checked over the grant times. */
async function grants(limiter: RateLimiter, timer: VirtualTimer, conversations: string[]): Promise<Map<string, number[]>> {
  const at = new Map<string, number[]>();
  await Promise.all(
    conversations.map(async (id) => {
      const settle = await limiter.acquire(id);
      at.set(id, [...(at.get(id) ?? []), timer.now()]);
      // Answered at once (a round trip of zero).
      settle();
    }),
  );
  return at;
}

const all = (at: Map<string, number[]>): number[] => [...at.values()].flat().sort((a, b) => a - b);

describe('rate limiter (Teams limits, virtual time)', () => {
  it('when 1,000 requests to different conversations ask at once, then no 1 s window has more than the tenant rate, and the rate is nearly reached', async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perSecond: 50, timer });
    const times = all(await grants(limiter, timer, Array.from({ length: 1000 }, (_, i) => `a:${i}`)));
    assert.equal(times.length, 1000);
    assert.equal(maxInWindow(times, 1000), 50);
    const perSecond = (times.length - 50) / ((times.at(-1)! - times[0]!) / 1000);
    assert.ok(perSecond >= 0.95 * 50 && perSecond <= 50, `achieved ${perSecond}/s`);
  });

  it('when one conversation gets many requests, then it stays within 7 a second, 8 in 2 s and 60 in 30 s', async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perSecond: 50, timer });
    const times = (await grants(limiter, timer, Array.from({ length: 130 }, () => 'a:busy'))).get('a:busy')!;
    assert.equal(times.length, 130);
    assert.ok(maxInWindow(times, 1000) <= 7, `1 s: ${maxInWindow(times, 1000)}`);
    assert.ok(maxInWindow(times, 2000) <= 8, `2 s: ${maxInWindow(times, 2000)}`);
    assert.ok(maxInWindow(times, 30_000) <= 60, `30 s: ${maxInWindow(times, 30_000)}`);
    // Not slower than it must be: 60 in the first 30 s, 60 in the next, then 10 more
    // at 8 per 2 s: a little over 62 s (each window also has a 25 ms margin).
    assert.ok(times.at(-1)! - times[0]! < 63_000, `took ${times.at(-1)! - times[0]!} ms`);
  });

  it('when one conversation is held back by its own limit, then requests to other conversations still go', async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perSecond: 50, timer });
    const at = await grants(limiter, timer, [...Array.from({ length: 20 }, () => 'a:busy'), 'a:other-1', 'a:other-2']);
    assert.ok(at.get('a:other-1')![0]! < 100 && at.get('a:other-2')![0]! < 100, 'others are not queued behind the busy one');
    assert.ok(at.get('a:busy')!.at(-1)! > 2000);
  });

  it('when paused for a Retry-After, then nothing is granted to anyone until it has passed', async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perSecond: 50, timer });
    (await limiter.acquire('a:1'))();
    limiter.pause(3000);
    assert.ok(limiter.pausedFor() > 2900);
    const at = all(await grants(limiter, timer, ['a:2', 'a:3', 'a:4']));
    assert.ok(at.every((t) => t >= 3000), `granted at ${at.join(', ')}`);
  });

  it('when a wait is aborted, then the waiter gets an AbortError and later requests are not held up', async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perSecond: 1, timer });
    (await limiter.acquire('a:1'))();
    const stop = new AbortController();
    const waiting = limiter.acquire('a:2', stop.signal);
    stop.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    await limiter.acquire('a:3');
    assert.ok(timer.now() >= 1000);
  });

  it('when a request is still unanswered, then it counts against the window until a second after its answer', async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perSecond: 2, timer });
    const first = await limiter.acquire('a:1');
    const second = await limiter.acquire('a:2');
    let third = -1;
    const waiting = limiter.acquire('a:3').then((settle) => {
      third = timer.now();
      settle();
    });
    await timer.sleep(5000);
    assert.equal(third, -1, 'nothing goes while the window is full, however long the first takes');
    first();
    await waiting;
    second();
    assert.equal(third, 6000, 'a second after the slow answer, not a second after it was sent');
  });
});

describe('rate limiter waits (what they leave behind)', () => {
  /** Signals Node 20 keeps hold of for a composite signal made from this one (AbortSignal.any), if any. */
  const dependants = (signal: AbortSignal): number => {
    const key = Object.getOwnPropertySymbols(signal).find((s) => s.description === 'kDependantSignals');
    return key ? ((signal as unknown as Record<symbol, Set<unknown>>)[key]?.size ?? 0) : 0;
  };

  it('when 200 requests wait on the limiter under one long-lived stop signal, then once all are granted the signal holds no listener and no dependant signal', async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perSecond: 50, timer });
    const stop = new AbortController();
    setMaxListeners(0, stop.signal);
    const settles = await Promise.all(Array.from({ length: 200 }, (_, i) => limiter.acquire(`w:${i}`, stop.signal).then((settle) => (settle(), timer.now()))));
    assert.ok(Math.max(...settles) >= 3000, 'the requests did wait (200 at 50 a second)');
    assert.equal(getEventListeners(stop.signal, 'abort').length, 0);
    assert.equal(dependants(stop.signal), 0);
  });
});
