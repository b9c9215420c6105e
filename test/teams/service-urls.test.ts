import { strict as assert } from 'node:assert';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import sinon from 'sinon';
import { isTeamsServiceUrl } from '../../bot/teams/service-urls';
import { createTestInvoke, personalChat } from '../helpers/activities';
import { invokeCard, startTestBot, type TestBot } from '../helpers/bot';
import { startTokenService, type TokenService } from '../helpers/bot-framework-tokens';
import { actionData, broadcastJob, installPersonalChats, ORGANISER, organiserEnv } from '../helpers/broadcasts';
import { cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { collectingLogger } from '../helpers/logs';
import { countDocs } from '../helpers/store';

const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-123456789abc';

describe('service URLs the bot sends to with its token', () => {
  it('when a service URL is https on a host Microsoft documents for the Teams connector, then it is allowed; http, other hosts, look-alikes, ports and credentials are not', () => {
    for (const allowed of [
      'https://smba.trafficmanager.net/amer/',
      'https://smba.trafficmanager.net/emea',
      'https://smba.trafficmanager.net/teams/',
      'https://SMBA.trafficmanager.net/uk/',
      'https://smba.infra.gcc.teams.microsoft.com/gcc',
      'https://smba.infra.gov.teams.microsoft.us/gcch',
      'https://smba.infra.dod.teams.microsoft.us/teams',
    ]) {
      assert.ok(isTeamsServiceUrl(allowed), allowed);
    }
    for (const refused of [
      'http://smba.trafficmanager.net/amer/',
      'https://attacker.example/',
      'https://smba.trafficmanager.net.attacker.example/amer/',
      'https://attacker.example/smba.trafficmanager.net/',
      'https://evil-smba.trafficmanager.net/',
      'https://smba.trafficmanager.net:8443/amer/',
      'https://user:pass@smba.trafficmanager.net/amer/',
      'https://127.0.0.1/',
      'http://127.0.0.1:3978/',
      'not a url',
    ]) {
      assert.ok(!isTeamsServiceUrl(refused), refused);
    }
  });

  describe('with an app id', () => {
    let tokens: TokenService;
    let connector: StandInConnector;
    let bot: TestBot;
    const { log, lines } = collectingLogger();

    before(async () => {
      tokens = await startTokenService();
      connector = await startConnector();
      bot = await startTestBot({
        env: organiserEnv({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused-by-these-tests', BOT_OPENID_METADATA_URL: tokens.metadataUrl }),
        demoData: false,
        log,
      });
    });
    after(async () => {
      await bot?.close();
      await connector?.close();
      await tokens?.close();
    });
    beforeEach(() => {
      // The bot's own outgoing token, as Entra would issue it (no network here): what must
      // never reach a host that is not Teams'.
      sinon.stub(ConfigurationServiceClientCredentialFactory.prototype, 'createCredentials').resolves({ getToken: () => Promise.resolve('bot-token-for-teams-only') } as never);
    });
    afterEach(() => sinon.restore());

    /** The organiser's click, signed by the (stand-in) Bot Framework for the stand-in's address. */
    const click = async (verb: string, data: unknown): Promise<Record<string, unknown>> => {
      const response = await bot.post(createTestInvoke(connector.serviceUrl, personalChat(ORGANISER), ORGANISER, verb, data), {
        authorization: `Bearer ${tokens.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl })}`,
      });
      return invokeCard(response.body);
    };

    it('when stored conversations point at a host that is not the Teams connector, then a broadcast sends nothing there, records each delivery as failed with the reason, and logs the host', async function () {
      this.timeout(30_000);
      // Stored as an install would store them, with a plain-http address of our choosing.
      await installPersonalChats(bot, connector, 0, 3);
      const preview = await click('broadcast.preview', { content: 'announcement', title: 'Survey', text: 'Please reply by Friday.', audience: 'personal' });
      const { broadcastId } = actionData(preview, 'broadcast.send') as { broadcastId: string };
      await click('broadcast.send', { broadcastId });
      await broadcastJob(bot).run();

      assert.equal(connector.calls.length, 0, 'no request (and so no bearer token) went to that host');
      const failed = await countDocs(bot.store.cosmos.containers.broadcasts, "c.type = 'delivery' AND c.broadcastId = @b AND c.state = 'failed'", [{ name: '@b', value: broadcastId }]);
      assert.equal(failed, 3, 'each delivery is recorded as failed, not left to retry');
      const report = await click('broadcast.status', { broadcastId });
      assert.match(cardText(report), /3 not delivered: the chat's address is not a Teams service/);
      const host = new URL(connector.serviceUrl).host;
      const refusals = lines.filter((l) => l.includes('not a Teams connector address') && l.includes(host));
      assert.ok(refusals.length >= 3, `each refusal is logged with the host (${refusals.length})`);
    });
  });
});
