import { strict as assert } from 'node:assert';
import { createGraphInstaller } from '../../bot/graph/installer';
import { isDeliveryError } from '../../bot/domain/messaging';
import { startGraph, type StandInGraph } from '../helpers/graph';

const CATALOG = '6b1d7e3a-2f4c-4d9e-8a1b-3c5d7e9f0a2b';
const PERSON = '00000000-0000-4000-8000-0000000000f1';

/**
 * Installing the app for a person through Graph (bot/graph/installer.ts) against a
 * stand-in Graph: the three requests, a 409 taken as success, 429 and Retry-After
 * honoured through the one retry policy (bot/retry.ts), a refusal reported, not retried.
 */
describe('installing the app through Microsoft Graph', () => {
  let graph: StandInGraph;
  const waits: number[] = [];
  const installer = () =>
    createGraphInstaller({
      baseUrl: graph.url,
      catalogAppId: CATALOG,
      token: () => Promise.resolve('graph-token'),
      retry: {
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    });

  beforeEach(async () => {
    graph = await startGraph(CATALOG);
    waits.length = 0;
  });
  afterEach(() => graph.close());

  it('when the app is installed for someone, then Graph is asked to install it from the catalogue, then for the installation and its chat, with the bot\'s token', async () => {
    const { chatId } = await installer().install(PERSON);
    assert.equal(chatId, graph.chatOf(PERSON));
    assert.deepEqual(
      graph.calls.map((c) => `${c.method} ${c.status}`),
      ['POST 201', 'GET 200', 'GET 200'],
    );
    assert.deepEqual(graph.calls[0]!.body, { 'teamsApp@odata.bind': `${graph.url}/v1.0/appCatalogs/teamsApps/${CATALOG}` });
    assert.match(decodeURIComponent(graph.calls[1]!.path), new RegExp(`\\$filter=teamsApp/id eq '${CATALOG}'`));
    assert.ok(graph.calls.every((c) => c.authorization === 'Bearer graph-token'));
  });

  it('when Graph answers 409 (installed already), then that counts as success and the chat is found', async () => {
    graph.installed.add(PERSON);
    const { chatId } = await installer().install(PERSON);
    assert.equal(chatId, graph.chatOf(PERSON));
    assert.equal(graph.calls[0]!.status, 409);
  });

  it('when Graph answers 429 with Retry-After, then the request is made again after that long, not sooner', async () => {
    graph.throttleNext(2, 3);
    const { chatId } = await installer().install(PERSON);
    assert.equal(chatId, graph.chatOf(PERSON));
    assert.deepEqual(waits, [3000, 3000]);
    assert.deepEqual(graph.calls.map((c) => c.status).slice(0, 3), [429, 429, 201]);
  });

  it('when Graph keeps throttling, then the installer gives up after its attempts as "throttled", for the sender to try later', async () => {
    graph.throttleNext(100, 1);
    const error = await installer().install(PERSON).then(() => undefined, (e: unknown) => e);
    assert.ok(isDeliveryError(error) && error.failure === 'throttled' && error.status === 429, String(error));
    assert.equal(graph.calls.length, 5);
  });

  it('when Graph refuses (403: the permission is missing, or no Teams licence), then it fails at once as refused, not retried', async () => {
    graph.refused.add(PERSON);
    const error = await installer().install(PERSON).then(() => undefined, (e: unknown) => e);
    assert.ok(isDeliveryError(error) && error.failure === 'failed' && error.status === 403, String(error));
    assert.equal(graph.calls.length, 1);
    assert.deepEqual(waits, []);
  });
});
