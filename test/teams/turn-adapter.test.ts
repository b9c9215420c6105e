import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import type { Request, Response, TurnContext } from 'botbuilder';
import { ConnectorFactoryImpl } from 'botframework-connector/lib/auth/connectorFactoryImpl';
import sinon from 'sinon';
import { createAdapter } from '../../bot/teams/adapter';
import { silentLogger } from '../../bot/log';
import { createTestInvoke, personalChat, testUser } from '../helpers/activities';
import { ROOT } from '../helpers/bot-process';

/** A restify-like response that remembers what the adapter answered. */
function recordingResponse(): Response & { answered: { status?: number; body?: unknown; ended: boolean; headers: Record<string, string> } } {
  const answered: { status?: number; body?: unknown; ended: boolean; headers: Record<string, string> } = { ended: false, headers: {} };
  return {
    answered,
    socket: undefined,
    status: (code: number) => void (answered.status = code),
    send: (body?: unknown) => void (answered.body = body),
    end: () => void (answered.ended = true),
    header: (name: string, value: unknown) => void (answered.headers[name] = String(value)),
  };
}

const invokeRequest = (n: number): Request =>
  ({ method: 'POST', headers: {}, body: createTestInvoke('http://127.0.0.1:9/amer/', personalChat(testUser(n)), testUser(n), 'event.rsvp', { n }) });

/**
 * bot/teams/turn-adapter.ts relies on how botbuilder's CloudAdapter runs a turn
 * (processActivity asks the authentication's ConnectorFactory and createUserTokenClient
 * for the turn's clients, and puts them in the turn state). If an upgrade changes that,
 * these fail instead of the bot quietly going back to building them per turn.
 */
describe('the Bot Framework adapter, with its per-turn clients built once', () => {
  const adapter = createAdapter({ appType: 'MultiTenant' }, silentLogger);
  const seen: { connector: unknown; tokens: unknown }[] = [];
  const logic = async (context: TurnContext): Promise<void> => {
    seen.push({ connector: context.turnState.get(adapter.ConnectorClientKey), tokens: context.turnState.get(adapter.UserTokenClientKey) });
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { ok: true } } } });
  };

  it('when three turns come from one service URL, then they share one connector client and one token client, and each is answered', async () => {
    const create = sinon.spy(ConnectorFactoryImpl.prototype, 'create');
    seen.length = 0;
    const responses = [recordingResponse(), recordingResponse(), recordingResponse()];
    try {
      for (const [i, res] of responses.entries()) await adapter.processTurn(invokeRequest(i + 1), res, logic);
    } finally {
      create.restore();
    }
    assert.equal(create.callCount, 1, "botbuilder's connector factory asked once");
    assert.equal(seen.length, 3);
    assert.ok(seen[0]!.connector, 'the turn has a connector client');
    assert.ok(seen[0]!.tokens, 'the turn has a user token client');
    assert.ok(seen.every((s) => s.connector === seen[0]!.connector), 'one connector client for every turn');
    assert.ok(seen.every((s) => s.tokens === seen[0]!.tokens), 'one user token client for every turn');
    for (const res of responses) {
      assert.equal(res.answered.status, 200);
      assert.deepEqual(res.answered.body, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { ok: true } });
      assert.equal(res.answered.ended, true);
      assert.match(res.answered.headers['User-Agent'] ?? '', /teamsai-js/);
    }
  });

  it('when a turn comes from another service URL, then it gets a connector client of its own', async () => {
    seen.length = 0;
    await adapter.processTurn(invokeRequest(1), recordingResponse(), logic);
    const other = invokeRequest(2);
    (other.body as { serviceUrl: string }).serviceUrl = 'http://127.0.0.1:9/emea/';
    await adapter.processTurn(other, recordingResponse(), logic);
    assert.notEqual(seen[0]!.connector, seen[1]!.connector);
    assert.equal((seen[1]!.connector as { baseUri?: string }).baseUri, 'http://127.0.0.1:9/emea/');
  });
});

describe("teams-ai's Application, patched (patches/@microsoft+teams-ai+*.patch)", () => {
  it('when it is loaded, then the AI system, sign-in dialogs, openai and the tokenizers are not', () => {
    const loaded = execFileSync(
      process.execPath,
      ['-e', "require('@microsoft/teams-ai/lib/Application'); process.stdout.write(JSON.stringify(Object.keys(require.cache)))"],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const files = JSON.parse(loaded) as string[];
    assert.ok(files.some((f) => f.includes('/botbuilder/')), 'botbuilder itself is loaded');
    const unwanted = files.filter((f) => /\/node_modules\/(botbuilder-dialogs|openai|gpt-tokenizer)\/|\/teams-ai\/lib\/(AI|authentication)\b/.test(f));
    assert.deepEqual(unwanted, []);
  });
});
