import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { createTestInvoke, personalChat, testUser } from '../helpers/activities';
import { invokeCard, startTestBot, type TestBot } from '../helpers/bot';
import { newSigningKey, startTokenService, type TokenService } from '../helpers/bot-framework-tokens';
import { collectingLogger } from '../helpers/logs';
import { countDocs } from '../helpers/store';

const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-123456789abc';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';

/**
 * The bot with an app id, as in Azure: every POST /api/messages must carry a token the
 * Bot Framework signed for this bot. The signing service is a loopback stand-in (the
 * public one is not reachable from tests), trusted through BOT_OPENID_METADATA_URL.
 * Requests are RSVP clicks, so "no handler ran" is visible as "no RSVP was written" and
 * "no turn was logged".
 */
describe('endpoint authentication (app id set)', () => {
  let tokens: TokenService;
  let bot: TestBot;
  const { log, lines: logLines } = collectingLogger();
  const alice = testUser(1);
  const event = 'new-horizons-2024';

  before(async () => {
    tokens = await startTokenService();
    bot = await startTestBot({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused-by-these-tests', BOT_OPENID_METADATA_URL: tokens.metadataUrl },
      log,
    });
  });
  after(async () => {
    await bot?.close();
    await tokens?.close();
  });
  // botbuilder prints every refused token's error with console.error; keep test output readable.
  beforeEach(() => sinon.stub(console, 'error'));
  afterEach(() => sinon.restore());

  const click = (headers: Record<string, string>) =>
    bot.post(createTestInvoke(SERVICE_URL, personalChat(alice), alice, 'event.rsvp', { eventId: event, response: 'going' }), headers);
  const rsvps = (): Promise<number> => countDocs(bot.store.cosmos.containers.events, "c.type = 'rsvp'");
  const turnsLogged = (): number => logLines.filter((line) => line.includes('"msg":"turn"')).length;

  const assertRefused = async (headers: Record<string, string>): Promise<void> => {
    const turnsBefore = turnsLogged();
    const rsvpsBefore = await rsvps();
    const response = await click(headers);
    assert.equal(response.status, 401);
    assert.equal(await rsvps(), rsvpsBefore, 'no RSVP written');
    assert.equal(turnsLogged(), turnsBefore, 'no turn ran');
    assert.doesNotMatch(JSON.stringify(response.body ?? ''), /\bat .+\.js:\d+/, 'no stack trace in the answer');
  };

  it('when a request has no token, then it gets 401 and no handler runs', async () => {
    await assertRefused({});
  });

  it('when a request carries a garbage token, then it gets 401 and no handler runs', async () => {
    await assertRefused({ authorization: 'Bearer not-a-jwt' });
    await assertRefused({ authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl' });
  });

  it('when a token is signed by a key the bot does not trust, then it gets 401 and no handler runs', async () => {
    await assertRefused({ authorization: `Bearer ${tokens.channelToken({ appId: APP_ID, serviceUrl: SERVICE_URL, key: newSigningKey(), kid: 'unknown-key' })}` });
  });

  it('when a forged token names the trusted key id but is signed by another key, then it gets 401, not 500', async () => {
    await assertRefused({ authorization: `Bearer ${tokens.channelToken({ appId: APP_ID, serviceUrl: SERVICE_URL, key: newSigningKey() })}` });
  });

  it('when a trusted token is for another bot, another service URL, expired, or unsigned, then it gets 401', async () => {
    const otherBot = '00000000-0000-4000-8000-00000000b0b0';
    await assertRefused({ authorization: `Bearer ${tokens.channelToken({ appId: otherBot, serviceUrl: SERVICE_URL })}` });
    await assertRefused({ authorization: `Bearer ${tokens.channelToken({ appId: APP_ID, serviceUrl: 'https://attacker.example/' })}` });
    await assertRefused({ authorization: `Bearer ${tokens.channelToken({ appId: APP_ID, serviceUrl: SERVICE_URL, expiresIn: -3600 })}` });
    const payload = tokens.channelToken({ appId: APP_ID, serviceUrl: SERVICE_URL }).split('.')[1] ?? '';
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: tokens.kid })).toString('base64url');
    await assertRefused({ authorization: `Bearer ${none}.${payload}.` });
  });

  it('when the token is one the Bot Framework signed for this bot, then the click is recorded and answered', async () => {
    const before = await rsvps();
    const response = await click({ authorization: `Bearer ${tokens.channelToken({ appId: APP_ID, serviceUrl: SERVICE_URL })}` });
    assert.equal(response.status, 200);
    assert.ok(JSON.stringify(invokeCard(response.body)).includes("You're going"));
    assert.equal(await rsvps(), before + 1);
    assert.ok(tokens.fetches() >= 2, 'the keys came from the stand-in, not the public cloud');
  });
});

describe('endpoint authentication when the signing keys cannot be fetched', () => {
  it('when the key service is down, then the request fails closed: no handler runs and the answer holds no internals', async () => {
    const tokens = await startTokenService();
    const token = tokens.channelToken({ appId: APP_ID, serviceUrl: SERVICE_URL });
    const metadataUrl = tokens.metadataUrl;
    await tokens.close();
    const bot = await startTestBot({ env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused-by-these-tests', BOT_OPENID_METADATA_URL: metadataUrl } });
    const quiet = sinon.stub(console, 'error');
    try {
      const alice = testUser(2);
      const response = await bot.post(
        createTestInvoke(SERVICE_URL, personalChat(alice), alice, 'event.rsvp', { eventId: 'new-horizons-2024', response: 'going' }),
        { authorization: `Bearer ${token}` },
      );
      // Our side could not check the token: a server error, not the caller's fault.
      assert.equal(response.status, 500);
      assert.deepEqual(response.body, { code: 'InternalError', message: 'internal error' });
      assert.equal(await countDocs(bot.store.cosmos.containers.events, "c.type = 'rsvp'"), 0);
    } finally {
      quiet.restore();
      await bot.close();
    }
  });
});
