import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import sinon from 'sinon';
import { loadConfig } from '../../bot/config';
import { BOT, createTestConversationUpdate, createTestInvoke, createTestMessage, personalChat, TENANT, testUser, type TestConversation } from '../helpers/activities';
import { invokeCard, startTestBot, type TestBot } from '../helpers/bot';
import { startTokenService, type TokenService } from '../helpers/bot-framework-tokens';
import { startConnector, type StandInConnector } from '../helpers/connector';
import { collectingLogger } from '../helpers/logs';
import { changedDocs, storeFingerprint } from '../helpers/store';

const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
const EVENT = 'new-horizons-2024';

/** The same person and chat, as another organisation's Teams would send them. */
const inTenant = (conversation: TestConversation, tenantId: string | undefined): TestConversation => ({ ...conversation, tenantId });

/** Puts `tenantId` in one of the two places Teams carries it, leaving the other as it was. */
function withTenantIn(activity: Partial<Activity>, where: 'conversation' | 'channelData', tenantId: string | undefined): Partial<Activity> {
  if (where === 'conversation') return { ...activity, conversation: { ...activity.conversation!, tenantId } };
  return { ...activity, channelData: { ...(activity.channelData as object), tenant: tenantId ? { id: tenantId } : undefined } };
}

describe('allowed tenants (ALLOWED_TENANT_IDS)', () => {
  it('when MicrosoftAppTenantId is set and ALLOWED_TENANT_IDS is not, then only the app\'s own tenant is allowed; a list replaces it; none means any', () => {
    const tenant = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    assert.deepEqual([...loadConfig({ MicrosoftAppTenantId: tenant }).allowedTenantIds], [tenant]);
    assert.deepEqual([...loadConfig({ MicrosoftAppTenantId: tenant, ALLOWED_TENANT_IDS: `${TENANT.toUpperCase()}, ${OTHER_TENANT}` }).allowedTenantIds], [TENANT, OTHER_TENANT]);
    assert.equal(loadConfig({}).allowedTenantIds.size, 0);
    assert.throws(() => loadConfig({ ALLOWED_TENANT_IDS: 'contoso.onmicrosoft.com' }), /ALLOWED_TENANT_IDS/);
  });

  describe('in local mode, with ALLOWED_TENANT_IDS set', () => {
    let connector: StandInConnector;
    let bot: TestBot;
    const { log, lines } = collectingLogger();
    const alice = testUser(1);

    before(async () => {
      connector = await startConnector();
      bot = await startTestBot({ env: { ALLOWED_TENANT_IDS: TENANT }, log });
    });
    after(async () => {
      await bot.close();
      await connector.close();
    });
    beforeEach(() => connector.clear());

    const foreign = (): Partial<Activity>[] => {
      const chat = inTenant(personalChat(alice), OTHER_TENANT);
      return [
        createTestConversationUpdate(connector.serviceUrl, chat, alice, { membersAdded: [BOT] }),
        createTestMessage(connector.serviceUrl, chat, alice, 'help'),
        createTestMessage(connector.serviceUrl, chat, alice, 'forget me'),
        createTestInvoke(connector.serviceUrl, chat, alice, 'event.rsvp', { eventId: EVENT, response: 'going' }),
      ];
    };

    const assertIgnored = async (activities: Partial<Activity>[], tenantShown: string): Promise<void> => {
      const before = await storeFingerprint(bot.store);
      const linesBefore = lines.length;
      for (const activity of activities) {
        const response = await bot.post(activity);
        if (activity.type === 'invoke') assert.equal(response.status, 403, 'an invoke is answered 403');
        else assert.ok(response.status === 403 || (response.status >= 200 && response.status < 300 && !response.body), `${activity.type}: ${response.status}`);
      }
      assert.equal(connector.calls.length, 0, 'nothing was sent');
      assert.deepEqual(changedDocs(before, await storeFingerprint(bot.store)), [], 'nothing was written');
      const logged = lines.slice(linesBefore);
      assert.ok(!logged.some((l) => l.includes('"msg":"turn"')), 'no route ran');
      const refusals = logged.filter((l) => l.includes(tenantShown) && /tenant/.test(l));
      assert.equal(refusals.length, activities.length, 'each refusal is logged with the tenant id');
      for (const line of logged) {
        for (const personal of [alice.name!, alice.aadObjectId!, alice.id]) assert.ok(!line.includes(personal), `log line names the person: ${line}`);
      }
    };

    it('when activities come from another tenant, then none reaches a route: nothing is sent or written, and the tenant id is logged', async () => {
      await assertIgnored(foreign(), OTHER_TENANT);
    });

    for (const where of ['conversation', 'channelData'] as const) {
      it(`when only ${where === 'conversation' ? 'conversation.tenantId' : 'channelData.tenant.id'} names another tenant, then the activity is refused all the same`, async () => {
        const invoke = createTestInvoke(connector.serviceUrl, personalChat(alice), alice, 'event.rsvp', { eventId: EVENT, response: 'going' });
        await assertIgnored([withTenantIn(invoke, where, OTHER_TENANT)], OTHER_TENANT);
      });
    }

    it('when an activity carries no tenant at all, then it is refused', async () => {
      const invoke = createTestInvoke(connector.serviceUrl, inTenant(personalChat(alice), undefined), alice, 'event.rsvp', { eventId: EVENT, response: 'going' });
      await assertIgnored([withTenantIn(invoke, 'channelData', undefined)], '"tenantId":null');
    });

    it('when an activity names an allowed tenant but comes through another channel than Teams, then it is refused', async () => {
      const invoke = createTestInvoke(connector.serviceUrl, personalChat(alice), alice, 'event.rsvp', { eventId: EVENT, response: 'going' });
      await assertIgnored([{ ...invoke, channelId: 'webchat' }], TENANT);
    });

    it('when an activity comes from an allowed tenant, then it is answered as usual', async () => {
      const chat = personalChat(alice);
      await bot.post(createTestMessage(connector.serviceUrl, chat, alice, 'help'));
      assert.equal(connector.sentTo(chat.id).length, 1);
      const response = await bot.post(createTestInvoke(connector.serviceUrl, chat, alice, 'event.rsvp', { eventId: EVENT, response: 'going' }));
      assert.equal(response.status, 200);
      assert.match(JSON.stringify(invokeCard(response.body)), /You're going/);
    });
  });

  describe('with an app id, by default the app\'s own tenant (MicrosoftAppTenantId)', () => {
    const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-123456789abc';
    const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
    let tokens: TokenService;
    let bot: TestBot;
    const bob = testUser(2);

    before(async () => {
      tokens = await startTokenService();
      bot = await startTestBot({
        env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused-by-these-tests', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, BOT_OPENID_METADATA_URL: tokens.metadataUrl },
      });
    });
    after(async () => {
      await bot?.close();
      await tokens?.close();
    });
    beforeEach(() => sinon.stub(console, 'error'));
    afterEach(() => sinon.restore());

    const click = (tenantId: string) =>
      bot.post(createTestInvoke(SERVICE_URL, inTenant(personalChat(bob), tenantId), bob, 'event.rsvp', { eventId: EVENT, response: 'going' }), {
        authorization: `Bearer ${tokens.channelToken({ appId: APP_ID, serviceUrl: SERVICE_URL })}`,
      });

    it('when a signed request comes from another tenant, then it is refused with 403 and nothing is written; from the own tenant it is recorded', async () => {
      const before = await storeFingerprint(bot.store);
      assert.equal((await click(OTHER_TENANT)).status, 403);
      assert.deepEqual(changedDocs(before, await storeFingerprint(bot.store)), []);
      const own = await click(TENANT);
      assert.equal(own.status, 200);
      assert.equal(changedDocs(before, await storeFingerprint(bot.store)).length, 1, 'the RSVP');
    });
  });
});
