import { strict as assert } from 'node:assert';
import { RateLimiter } from '../../bot/delivery/rate-limit';
import { DEFAULT_RETRY_POLICY } from '../../bot/delivery/failures';
import { createPacedSender } from '../../bot/delivery/sender';
import { createConnectorClient } from '../../bot/teams/connector-client';
import { createMessenger } from '../../bot/teams/proactive';
import { startConnector, type StandInConnector } from '../helpers/connector';
import { VirtualTimer } from '../helpers/virtual-timer';

/** The paced sender over the real messenger and the stand-in connector, paced on virtual time. */
describe('paced sender', () => {
  let connector: StandInConnector;
  let client: ReturnType<typeof createConnectorClient>;
  before(async () => {
    connector = await startConnector();
    client = createConnectorClient({ token: () => Promise.resolve(undefined) });
  });
  after(async () => {
    client.close();
    await connector.close();
  });
  beforeEach(() => {
    connector.clear();
    connector.behave({ throttleNext: undefined, failures: undefined });
    connector.override(undefined);
  });

  const setUp = () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perSecond: 50, timer });
    const sender = createPacedSender({ messenger: createMessenger(client), limiter, policy: { ...DEFAULT_RETRY_POLICY, random: () => 0.5 } });
    const conversation = { bot: { id: '28:bot' }, channelId: 'msteams', conversation: { id: 'a:chat-1' }, serviceUrl: connector.serviceUrl };
    return { timer, sender, conversation };
  };

  it('when Teams answers 429 twice with Retry-After 3, then the sender waits 3 s each time and the third try is sent', async () => {
    const { timer, sender, conversation } = setUp();
    connector.behave({ throttleNext: { count: 2, retryAfterSeconds: 3 } });
    const result = await sender.send({ conversation, message: { text: 'hello' }, attempt: 1 });
    assert.equal(result.kind, 'sent');
    assert.equal(connector.calls.length, 3);
    assert.ok(timer.now() >= 6000, `waited ${timer.now()} ms`);
  });

  it('when Teams keeps answering 429, then after ten pauses the request is handed back for a later retry', async () => {
    const { sender, conversation } = setUp();
    connector.override(() => ({ status: 429 }));
    const result = await sender.send({ conversation, message: { text: 'hello' }, attempt: 1 });
    assert.equal(result.kind, 'retry');
    assert.equal(connector.calls.length, 11);
  });

  it('when the caller gives up just before sending, then nothing is sent', async () => {
    const { sender, conversation } = setUp();
    const result = await sender.send({ conversation, message: { text: 'hello' }, attempt: 1, beforeSend: () => Promise.resolve(false) });
    assert.equal(result.kind, 'abandoned');
    assert.equal(connector.calls.length, 0);
  });

  it('when a transient failure happens on the last allowed attempt, then it is final', async () => {
    const { sender, conversation } = setUp();
    connector.override(() => ({ status: 503 }));
    const early = await sender.send({ conversation, message: { text: 'x' }, attempt: 1 });
    const last = await sender.send({ conversation, message: { text: 'x' }, attempt: DEFAULT_RETRY_POLICY.maxAttempts });
    assert.equal(early.kind, 'retry');
    assert.ok(early.kind === 'retry' && early.delayMs >= 500 && early.delayMs <= 1000);
    assert.equal(last.kind, 'failed');
  });
});
