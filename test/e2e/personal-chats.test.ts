import { strict as assert } from 'node:assert';
import { notifyPerson } from '../../bot/domain/conversations/notify';
import { BOT, createTestConversationUpdate, createTestInstallationUpdate, personalChat, TENANT } from '../helpers/activities';
import { chatsOf, startTestBot, type TestBot } from '../helpers/bot';
import { sharedCosmos } from '../helpers/broadcasts';
import { createdChatId, startConnector, type StandInConnector } from '../helpers/connector';
import { countDocs } from '../helpers/store';
import { installInTeam, peopleFrom, rosterJob } from '../helpers/rosters';

/**
 * The one place personal chats come from (bot/domain/conversations/personal-chats.ts):
 * a person in a team the bot is in, with no chat with it, gets one the bot opens through
 * the Bot Connector (POST /v3/conversations), once, whichever process asks.
 */
describe('opening a personal chat with a team member', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const [member, stranger] = peopleFrom(300, 2);
  const opens = () => connector.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');
  const chatRecords = (aad: string) => countDocs(bot.store.cosmos.containers.conversations, "c.type = 'conversation' AND c.userAadObjectId = @u", [{ name: '@u', value: aad }]);

  beforeEach(async () => {
    connector = await startConnector();
    bot = await startTestBot({ demoData: false });
    await installInTeam(bot, connector, [member!]);
    await rosterJob(bot).run();
    connector.clear();
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
  });

  it('when the bot must tell a team member something and they have no chat with it, then it opens one at the team\'s service URL, stores it, and sends there; the next message needs no new chat', async () => {
    const first = await notifyPerson({ chats: chatsOf(bot), messenger: bot.messenger }, member!.aadObjectId!, { text: 'A place has opened' });
    assert.equal(first.sent, true);
    const [open] = opens();
    assert.deepEqual(open?.body, { isGroup: false, bot: { id: BOT.id }, members: [{ id: member!.id }], tenantId: TENANT, channelData: { tenant: { id: TENANT } } });
    assert.equal(connector.sentTo(createdChatId(member!.id)).length, 1);
    const stored = await bot.store.conversations.findPersonal(member!.aadObjectId!);
    assert.deepEqual({ id: stored?.conversationId, user: stored?.reference.user?.id, url: stored?.reference.serviceUrl }, { id: createdChatId(member!.id), user: member!.id, url: connector.serviceUrl });
    await notifyPerson({ chats: chatsOf(bot), messenger: bot.messenger }, member!.aadObjectId!, { text: 'A reminder' });
    assert.equal(opens().length, 1, 'the stored chat is used');
    assert.equal(connector.sentTo(createdChatId(member!.id)).length, 2);
  });

  it('when two bot processes open a chat with the same person at once, then one reference is stored, and both are given it', async () => {
    const second = await startTestBot({ demoData: false, cosmos: sharedCosmos(bot) });
    try {
      const outcomes = await Promise.all([chatsOf(bot).reach(member!.aadObjectId!), chatsOf(second).reach(member!.aadObjectId!)]);
      assert.deepEqual(outcomes.map((o) => o.kind === 'chat' && o.conversation.conversationId), [createdChatId(member!.id), createdChatId(member!.id)]);
      assert.equal(await chatRecords(member!.aadObjectId!), 1);
    } finally {
      await second.close();
    }
  });

  it('when Teams refuses to open the chat (403), then the person is recorded unreachable with the reason and not asked about again', async () => {
    connector.behave({ blockedUsers: new Set([member!.id]) });
    const outcome = await chatsOf(bot).reach(member!.aadObjectId!);
    assert.deepEqual(outcome, { kind: 'unreachable', reason: 'blocked', detail: 'Teams answered 403' });
    const [mark] = await bot.store.conversations.unreachableMarks([member!.aadObjectId!]);
    assert.deepEqual({ reason: mark?.reason, detail: mark?.detail }, { reason: 'blocked', detail: 'Teams answered 403' });
    await chatsOf(bot).reach(member!.aadObjectId!);
    assert.equal(opens().length, 1, 'not asked again');
    assert.equal(await chatRecords(member!.aadObjectId!), 0);
  });

  it('when the person removed the bot from their own chat, then no chat is opened through the team, until they add the bot again', async () => {
    await bot.post(createTestInstallationUpdate(connector.serviceUrl, personalChat(member!), member!, 'add'));
    await bot.post(createTestInstallationUpdate(connector.serviceUrl, personalChat(member!), member!, 'remove'));
    assert.deepEqual(await chatsOf(bot).reach(member!.aadObjectId!), { kind: 'unreachable', reason: 'removed_app' });
    assert.equal(opens().length, 0);
    await bot.post(createTestConversationUpdate(connector.serviceUrl, personalChat(member!), member!, { membersAdded: [BOT] }));
    const back = await chatsOf(bot).reach(member!.aadObjectId!);
    assert.equal(back.kind === 'chat' && back.conversation.conversationId, personalChat(member!).id);
    assert.equal(opens().length, 0, 'their own chat, not an opened one');
  });

  it('when the person is in no team or chat with the bot, then nothing is asked of Teams and the reason is given', async () => {
    assert.deepEqual(await chatsOf(bot).reach(stranger!.aadObjectId!), { kind: 'unreachable', reason: 'no_shared_team' });
    assert.equal(connector.calls.length, 0);
  });
});
