import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConnectorClient } from '../../bot/teams/connector-client';

/** A connector stand-in that answers `/slow` never and anything else at once. */
async function startServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url?.includes('slow')) return;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'm1' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('connector client timeouts', () => {
  let server: Server;
  let url: string;
  beforeEach(async () => ({ url, server } = await startServer()));
  afterEach(() => {
    server.closeAllConnections();
    server.close();
  });

  it('when the connector does not answer within the timeout, then the call fails as a TimeoutError and the next call is answered', async () => {
    const client = createConnectorClient({ token: () => Promise.resolve(undefined), timeoutMs: 150 });
    try {
      const started = Date.now();
      await assert.rejects(client.call('POST', url, 'v3/conversations/slow/activities', { text: 'hi' }), (error: Error) => error.name === 'TimeoutError');
      assert.ok(Date.now() - started < 2000, 'gave up at the timeout');
      assert.deepEqual(await client.call('POST', url, 'v3/conversations/a/activities', { text: 'hi' }), { id: 'm1' });
    } finally {
      client.close();
    }
  });

  it('when the caller aborts a call in flight, then it fails as an AbortError, not a timeout', async () => {
    const client = createConnectorClient({ token: () => Promise.resolve(undefined), timeoutMs: 5000 });
    const stop = new AbortController();
    try {
      const call = client.call('POST', url, 'v3/conversations/slow/activities', { text: 'hi' }, stop.signal);
      setTimeout(() => stop.abort(), 50);
      await assert.rejects(call, (error: Error) => error.name === 'AbortError');
    } finally {
      client.close();
    }
  });
});
