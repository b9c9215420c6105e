import restify, { type Server } from 'restify';
import { isDomainError } from './domain/errors';
import { type DownloadFile, type DownloadRequest, downloadRequestSchema } from './domain/downloads';
import type { Logger } from './log';

export interface ServerDeps {
  /** Handles POST /api/messages end to end (authentication included). */
  messages: { process(req: restify.Request, res: restify.Response): Promise<void> };
  /** True when the data store answers. */
  ready(): Promise<boolean>;
  /** The file behind a download link (calendar file, exports), if the token is right. */
  download(request: DownloadRequest): Promise<DownloadFile | undefined>;
  log: Logger;
}

/** Where a download link points; the server's route and the links in cards agree through this. */
export const downloadPath = (request: DownloadRequest): string =>
  `/downloads/${request.kind}/${encodeURIComponent(request.subject)}/${encodeURIComponent(request.token)}`;

interface RestifyError extends Error {
  statusCode?: number;
  code?: string;
  toJSON?: () => unknown;
}

/** Activities are small JSON documents; anything this big is not one. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Only the routes the bot needs; everything else is restify's 404. */
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

  // Opened from a card in a browser; the answer is a file or a short sentence, never internals.
  server.get('/downloads/:kind/:subject/:token', async (req, res) => {
    const answer = (status: number, text: string): void => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(text);
    };
    const request = downloadRequestSchema.safeParse(req.params);
    try {
      const file = request.success ? await deps.download(request.data) : undefined;
      if (!file) return answer(404, 'This link is not valid or has expired. Ask the NLC bot in Teams for a new one.');
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(file.body);
    } catch (error) {
      if (isDomainError(error) && error.code === 'unavailable') return answer(503, 'The NLC bot is busy. Please try again in a moment.');
      deps.log.error({ err: error, route: 'downloads' }, 'download failed');
      return answer(500, 'Something went wrong on our side. Please try again.');
    }
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
