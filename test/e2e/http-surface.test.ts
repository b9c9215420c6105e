import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { createServer, listen, MAX_BODY_BYTES } from '../../bot/server';
import { createTestMessage, personalChat, testUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { startConnector, type StandInConnector } from '../helpers/connector';
import { collectingLogger } from '../helpers/logs';

/** A stack frame as Node prints it: "at fn (file.js:12:3)". */
const STACK_FRAME = /\bat .+\.[jt]s:\d+/;

/** What the bot answers over HTTP beyond the happy path: routes, sizes, failures. */
describe('the HTTP surface', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const alice = testUser(1);
  const chat = personalChat(alice);

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot();
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });
  beforeEach(() => connector.clear());

  type Body = string | ReadableStream<Uint8Array>;
  const postRaw = (body: Body, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    // duplex: 'half' lets fetch stream a body of unknown length (chunked).
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers, body, duplex: 'half' });

  it('when the server is built, then it has exactly its routes: messages, health, downloads and the public pages', () => {
    const { log } = collectingLogger();
    const pages = { open: () => Promise.resolve(undefined) };
    const server = createServer({ messages: { process: () => Promise.resolve() }, ready: () => Promise.resolve(true), download: () => Promise.resolve(undefined), pages, log });
    // getDebugInfo is untyped in @types/restify; its routes list each method and path.
    const info = server.getDebugInfo() as { routes: { method: string; path: string }[] };
    const routes = info.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    assert.deepEqual(routes.sort(), ['GET /c/:groupId/:callId', 'GET /d/:id', 'GET /downloads/:kind/:subject/:token', 'GET /e/:id', 'GET /healthz', 'POST /api/messages']);
  });

  it('when anything else is asked, then it is 404 or 405 and nothing internal is shown', async () => {
    const probes: [string, string, number][] = [
      ['GET', '/api/messages', 405],
      ['PUT', '/api/messages', 405],
      ['DELETE', '/api/messages', 405],
      ['POST', '/healthz', 405],
      ['GET', '/', 404],
      ['GET', '/.env', 404],
      ['GET', '/api/messages/../../etc/passwd', 404],
      ['POST', '/api/notify', 404],
    ];
    for (const [method, path, status] of probes) {
      const response = await fetch(`${bot.url}${path}`, { method });
      assert.equal(response.status, status, `${method} ${path}`);
      assert.doesNotMatch(await response.text(), STACK_FRAME);
    }
    assert.equal(connector.calls.length, 0);
  });

  it('when a body is over the limit, then it is refused with 413 before any handler runs, with or without a length', async () => {
    const big = JSON.stringify({ ...createTestMessage(connector.serviceUrl, chat, alice, 'help'), padding: 'x'.repeat(MAX_BODY_BYTES) });
    const withLength = await postRaw(big);
    assert.equal(withLength.status, 413);

    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const withoutLength = await postRaw(chunked);
    assert.equal(withoutLength.status, 413);
    assert.equal(connector.calls.length, 0, 'the bot did not answer "help"');
  });

  it('when a body just under the limit is a real activity, then it is handled', async () => {
    const activity = createTestMessage(connector.serviceUrl, chat, alice, 'help');
    const padding = MAX_BODY_BYTES - JSON.stringify({ ...activity, padding: '' }).length - 1;
    const response = await postRaw(JSON.stringify({ ...activity, padding: 'x'.repeat(padding) }));
    assert.equal(response.status, 200);
    assert.equal(connector.sentTo(chat.id).length, 1);
  });

  it('when the body is not JSON or not an activity, then it is a 4xx with no stack trace', async () => {
    for (const [body, type] of [
      ['{"type":', 'application/json'],
      ['[1,2,3]', 'application/json'],
      ['hello', 'text/plain'],
      ['{}', 'application/json'],
      ['{"type":42}', 'application/json'],
    ] as const) {
      const response = await postRaw(body, { 'content-type': type });
      assert.ok(response.status >= 400 && response.status < 500, `${type} ${body}: ${response.status}`);
      assert.doesNotMatch(await response.text(), STACK_FRAME);
    }
    assert.equal(connector.calls.length, 0);
  });

  it('when a handler throws, then the caller gets a generic 500 and the log gets the error', async () => {
    const { log, lines } = collectingLogger();
    const server = createServer({
      messages: { process: () => Promise.reject(new Error('cosmos key abc123 rejected at db.internal:443')) },
      ready: () => Promise.resolve(true),
      download: () => Promise.resolve(undefined),
      pages: { open: () => Promise.resolve(undefined) },
      log,
    });
    await listen(server, 0, '127.0.0.1');
    try {
      const response = await fetch(`http://127.0.0.1:${server.address().port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // A well-formed activity, so it reaches the handler.
        body: JSON.stringify({ type: 'message', from: { id: '29:x' }, conversation: { id: 'a:x' } }),
      });
      assert.equal(response.status, 500);
      assert.deepEqual(await response.json(), { code: 'InternalError', message: 'internal error' });
      assert.ok(lines.some((line) => line.includes('abc123')), 'the detail is in the log');
    } finally {
      server.close();
    }
  });

  it('when started with no app id on a non-loopback interface, then the process refuses to start and says why', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', join(__dirname, '../../bot/index.ts')], {
        env: { ...process.env, HOST: '0.0.0.0', PORT: '0', MicrosoftAppId: '', LOG_LEVEL: 'silent' },
        timeout: 20_000,
      }, (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }));
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /HOST: without MicrosoftAppId the bot accepts requests with no token, so it listens on loopback only/);
  });
});
