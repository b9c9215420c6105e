import restify, { type Server } from 'restify';
import type { Logger } from './log';

export interface ServerDeps {
  /** Handles POST /api/messages end to end (authentication included). */
  messages: { process(req: restify.Request, res: restify.Response): Promise<void> };
  /** True when the data store answers. */
  ready(): Promise<boolean>;
  log: Logger;
}

interface RestifyError extends Error {
  statusCode?: number;
  code?: string;
  toJSON?: () => unknown;
}

/** Activities are small JSON documents; anything this big is not one. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Only the two routes the bot needs; everything else is restify's 404. */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'nlc-teams-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await deps.messages.process(req, res);
  });

  server.get('/healthz', async (_req, res) => {
    const ok = await deps.ready();
    res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'store unavailable' });
  });

  // Errors never echo stack traces or internals to the caller.
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: RestifyError, callback: () => void) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) deps.log.error({ err, path: req.path() }, 'request failed');
    err.toJSON = () => ({ code: err.code ?? 'Error', message: status >= 500 ? 'internal error' : err.message });
    callback();
  });
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}
