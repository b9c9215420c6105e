import { strict as assert } from 'node:assert';
import { TENANT, testUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { startEntraStandIn, type EntraStandIn } from '../helpers/entra-tokens';
import { newSigningKey } from '../helpers/bot-framework-tokens';

const TAB_APP_ID = '9b6d1f3e-2a4c-4e8b-9c1d-7f2e3a4b5c6d';
const HOST = 'nlc.example.org';
const organiser = testUser(1);
const member = testUser(2);
const WORKSHOP_PEOPLE = '/api/tab/events/ap-framework-workshop-2024/people';

/**
 * The tab's API with single sign-on as in Teams: tokens signed by a local key set that
 * stands in for the tenant's published keys (TAB_KEYS_URL). Every request is checked:
 * signature, issuer, audience, expiry, tenant; then who may see what.
 */
describe('tab API: single sign-on and who may see what', () => {
  let entra: EntraStandIn;
  let bot: TestBot;
  const ask = async (path: string, token?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: { code?: string; message?: string } }> => {
    const response = await fetch(`${bot.url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
    return { status: response.status, body: (await response.json()) as { code?: string } };
  };
  const claims = (user = organiser, extra: Partial<Parameters<EntraStandIn['token']>[0]> = {}) => ({ oid: user.aadObjectId ?? '', tid: TENANT, aud: `api://${HOST}/${TAB_APP_ID}`, name: user.name, ...extra });

  before(async () => {
    entra = await startEntraStandIn();
    bot = await startTestBot({
      env: { TAB_APP_ID, PUBLIC_URL: `https://${HOST}`, ALLOWED_TENANT_IDS: TENANT, TAB_KEYS_URL: entra.keysUrl, ORGANISER_AAD_IDS: organiser.aadObjectId ?? '' },
    });
  });
  after(async () => {
    await bot.close();
    await entra.close();
  });

  it('when no token comes with the request, then it is refused with 401 and nothing is shown', async () => {
    const answer = await ask(WORKSHOP_PEOPLE);
    assert.equal(answer.status, 401);
    assert.equal(answer.body.code, 'no_identity');
  });

  it('when the token is signed with a key the tenant did not publish (forged), then 401', async () => {
    assert.equal((await ask(WORKSHOP_PEOPLE, entra.token(claims(), { key: newSigningKey() }))).status, 401);
  });

  it('when the token has expired, then 401', async () => {
    assert.equal((await ask(WORKSHOP_PEOPLE, entra.token(claims(), { expiresIn: -600 }))).status, 401);
  });

  it('when the token is for another app (wrong audience), then 401', async () => {
    assert.equal((await ask(WORKSHOP_PEOPLE, entra.token(claims(organiser, { aud: `api://${HOST}/00000000-1111-2222-3333-444444444444` })))).status, 401);
  });

  it('when the token comes from a tenant not in ALLOWED_TENANT_IDS, then 401', async () => {
    const other = '99999999-8888-7777-6666-555555555555';
    const answer = await ask(WORKSHOP_PEOPLE, entra.token(claims(organiser, { tid: other, iss: `https://login.microsoftonline.com/${other}/v2.0` })));
    assert.equal(answer.status, 401);
  });

  it('when the issuer is not the tenant\'s own, then 401', async () => {
    assert.equal((await ask(WORKSHOP_PEOPLE, entra.token(claims(organiser, { iss: 'https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555/v2.0' })))).status, 401);
  });

  it('when the token lacks the access_as_user scope, then 401', async () => {
    assert.equal((await ask(WORKSHOP_PEOPLE, entra.token(claims(organiser, { scp: 'User.Read' })))).status, 401);
  });

  it('when local mode\'s person header comes to a server with an app id, then it is ignored and the request refused', async () => {
    assert.equal((await ask(WORKSHOP_PEOPLE, undefined, { 'x-nlc-local-user': organiser.aadObjectId ?? '' })).status, 401);
    assert.equal((await ask('/api/tab/local/people')).status, 404);
  });

  it('when a member asks for an attendee list, then 403 with the bot\'s own refusal, and no name comes back', async () => {
    const answer = await ask(WORKSHOP_PEOPLE, entra.token(claims(member)));
    assert.equal(answer.status, 403);
    assert.equal(answer.body.code, 'forbidden');
    assert.match(answer.body.message ?? '', /Only NLC organisers/);
  });

  it('when an organiser asks with a valid token (either audience form, v1 or v2 issuer), then 200 with the list', async () => {
    const v2 = await ask(WORKSHOP_PEOPLE, entra.token(claims()));
    assert.equal(v2.status, 200);
    assert.ok(Array.isArray((v2.body as { attendees?: unknown[] }).attendees));
    const v1 = await ask(WORKSHOP_PEOPLE, entra.token(claims(organiser, { aud: TAB_APP_ID, iss: `https://sts.windows.net/${TENANT}/` })));
    assert.equal(v1.status, 200);
  });

  it('when the person is read from the token, then it is its oid (the organiser is named as in the token)', async () => {
    const me = await ask('/api/tab/me', entra.token(claims()));
    assert.equal(me.status, 200);
    assert.deepEqual([(me.body as { organiser?: boolean }).organiser, (me.body as { name?: string }).name], [true, organiser.name]);
    const other = await ask('/api/tab/me', entra.token(claims(member)));
    assert.equal((other.body as { organiser?: boolean }).organiser, false);
  });
});
