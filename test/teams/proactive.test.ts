import { strict as assert } from 'node:assert';
import { notifyPerson } from '../../bot/domain/conversations/notify';
import { DeliveryError } from '../../bot/domain/messaging';
import { BOT, createTestConversationUpdate, personalChat, testUser } from '../helpers/activities';
import { chatsOf, startTestBot, type TestBot } from '../helpers/bot';
import { startConnector, type StandInConnector } from '../helpers/connector';

describe('proactive messages through the Bot Connector', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const ann = testUser(41);
  const annChat = personalChat(ann);

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ demoData: false });
    await bot.post(createTestConversationUpdate(connector.serviceUrl, annChat, ann, { membersAdded: [BOT] }));
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });
  beforeEach(() => {
    connector.clear();
    connector.override(undefined);
  });

  const deps = () => ({ chats: chatsOf(bot), messenger: bot.messenger });

  it('when the person has the bot, then the message goes to their personal chat and its id comes back', async () => {
    const outcome = await notifyPerson(deps(), ann.aadObjectId ?? '', { text: 'A place has opened' });
    assert.equal(outcome.sent, true);
    const [sent] = connector.sentTo(annChat.id);
    assert.equal(sent?.activity.text, 'A place has opened');
    assert.equal(outcome.sent && outcome.messageId, sent?.id);
  });

  it('when the person never installed the bot, then nothing is sent and the caller is told why', async () => {
    const outcome = await notifyPerson(deps(), testUser(99).aadObjectId ?? '', { text: 'hello' });
    assert.deepEqual(outcome, { sent: false, reason: 'no_shared_team' });
    assert.equal(connector.calls.length, 0);
  });

  it('when a sent message is updated, then the connector gets a PUT for that message', async () => {
    const chat = await bot.store.conversations.get(annChat.id);
    await bot.messenger.update(chat!.reference, 'msg-7', { text: 'changed' });
    const put = connector.calls.find((c) => c.method === 'PUT');
    assert.equal(put?.activityId, 'msg-7');
  });

  const failures: [number, Record<string, string>, string, number | undefined][] = [
    [403, {}, 'blocked', undefined],
    [404, {}, 'not_found', undefined],
    [429, { 'retry-after': '2' }, 'throttled', 2000],
    [503, {}, 'transient', undefined],
    [412, {}, 'transient', undefined],
    [400, {}, 'failed', undefined],
  ];
  for (const [status, headers, failure, retryAfterMs] of failures) {
    it(`when the connector answers ${status}, then the send fails as "${failure}"`, async () => {
      connector.override(() => ({ status, headers, body: { error: { code: 'x', message: 'no' } } }));
      const chat = await bot.store.conversations.get(annChat.id);
      const before = connector.calls.length;
      await assert.rejects(bot.messenger.send(chat!.reference, { text: 'x' }), (error: unknown) => {
        assert.ok(error instanceof DeliveryError);
        assert.equal(error.failure, failure);
        assert.equal(error.status, status);
        assert.equal(error.retryAfterMs, retryAfterMs);
        return true;
      });
      assert.equal(connector.calls.length - before, 1, 'no hidden retries: the sender decides');
    });
  }
});
