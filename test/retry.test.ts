import assert from 'node:assert/strict';
import { backoffMs, withRetries } from '../bot/retry';

describe('the retry policy (bot/retry.ts)', () => {
  const base = { baseDelayMs: 100, maxDelayMs: 1000 };

  it('when the jitter is "equal", then the wait is half its doubling ceiling plus a random half, never more than the cap', () => {
    assert.equal(backoffMs(1, { ...base, random: () => 0 }), 50);
    assert.equal(backoffMs(1, { ...base, random: () => 1 }), 100);
    assert.equal(backoffMs(3, { ...base, random: () => 0.5 }), 300);
    assert.equal(backoffMs(10, { ...base, random: () => 1 }), 1000);
  });

  it('when the jitter is "full", then the wait is anywhere from nothing to the ceiling', () => {
    assert.equal(backoffMs(2, { ...base, jitter: 'full', random: () => 0 }), 0);
    assert.equal(backoffMs(2, { ...base, jitter: 'full', random: () => 0.25 }), 50);
  });

  it('when the jitter is "none", then the wait is the ceiling itself (1, 2, 4... times the base)', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => backoffMs(n, { ...base, jitter: 'none' })), [100, 200, 400, 800, 1000]);
  });

  it('when a retryable failure passes, then the work is tried again after the back-off and its result comes back', async () => {
    const waits: number[] = [];
    let tries = 0;
    const result = await withRetries(
      (attempt) => {
        tries++;
        return attempt < 3 ? Promise.reject(new Error('busy')) : Promise.resolve('done');
      },
      { ...base, jitter: 'none', attempts: 5, retryable: () => true, sleep: (ms) => Promise.resolve(void waits.push(ms)) },
    );
    assert.equal(result, 'done');
    assert.equal(tries, 3);
    assert.deepEqual(waits, [100, 200]);
  });

  it('when a failure is not retryable, then it is thrown at once, without waiting', async () => {
    let tries = 0;
    const refused = new Error('refused');
    await assert.rejects(
      withRetries(() => Promise.reject((tries++, refused)), { ...base, attempts: 5, retryable: (error) => error !== refused, sleep: () => assert.fail('no wait') }),
      refused,
    );
    assert.equal(tries, 1);
  });

  it('when every try fails in a retryable way, then after the last try its failure (or what `exhausted` makes of it) is thrown', async () => {
    let tries = 0;
    const options = { ...base, attempts: 3, retryable: () => true, sleep: () => Promise.resolve() };
    await assert.rejects(withRetries(() => Promise.reject(new Error(`try ${++tries}`)), options), /try 3/);
    assert.equal(tries, 3);
    await assert.rejects(withRetries(() => Promise.reject(new Error('busy')), { ...options, exhausted: () => new Error('gave up') }), /gave up/);
  });
});
