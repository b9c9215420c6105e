import { strict as assert } from 'node:assert';
import { DEFAULT_RETRY_POLICY, decideAfterFailure } from '../../bot/delivery/failures';
import { DeliveryError } from '../../bot/domain/messaging';

const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0.5 };

describe('delivery failures in people\'s words', () => {
  it('when a person blocked the app or left, then the reason says so, with no HTTP code', () => {
    assert.deepEqual(decideAfterFailure(new DeliveryError('blocked', 403), 1, policy, 'personal'), { kind: 'blocked', reason: 'blocked the app' });
    assert.equal(decideAfterFailure(new DeliveryError('not_found', 404), 1, policy, 'personal').reason, 'left the team (their chat with the app is gone)');
  });

  it('when a channel refuses the app, then the reason speaks of the channel, not of a person', () => {
    assert.equal(decideAfterFailure(new DeliveryError('blocked', 403), 1, policy, 'channel').reason, 'the app was removed from the channel or chat');
    assert.equal(decideAfterFailure(new DeliveryError('not_found', 404), 1, policy, 'channel').reason, 'the channel or chat no longer exists');
  });

  it('when Teams is busy, then it is retried, and after the last attempt the reason says how often it was retried', () => {
    const busy = new DeliveryError('transient', 503);
    assert.equal(decideAfterFailure(busy, 1, policy).kind, 'retry');
    assert.deepEqual(decideAfterFailure(busy, 5, policy), { kind: 'failed', reason: 'Teams was busy, retried 4 times' });
    assert.equal(decideAfterFailure(busy, 2, { ...policy, maxAttempts: 2 }).reason, 'Teams was busy, retried 1 time');
  });

  it('when an unexpected error fails a send, then its message is not shown (it may hold anything)', () => {
    const decision = decideAfterFailure(new Error('socket hang up at 10.0.0.7'), 5, policy);
    assert.equal(decision.reason, 'an unexpected error, retried 4 times');
  });
});
