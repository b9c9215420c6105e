import type { Socket } from 'node:net';
import getRawBody from 'raw-body';
import restify, { type Server } from 'restify';
import { isDomainError } from './domain/errors';
import { type DownloadFile, type DownloadRequest, downloadRequestSchema } from './domain/downloads';
import type { Logger } from './log';
import { type PublicPageDeps, servePublicPages } from './pages/routes';
import { activityShapeProblem } from './teams/activity-shape';

export interface ServerDeps {
  /** Handles POST /api/messages end to end (authentication included). */
  messages: { process(req: restify.Request, res: restify.Response): Promise<void> };
  /** True when the data store answers. */
  ready(): Promise<boolean>;
  /** The file behind a download link (calendar file, exports), if the token is right. */
  download(request: DownloadRequest): Promise<DownloadFile | undefined>;
  /** The public pages of events, deadlines and calls (bot/pages). */
  pages: Omit<PublicPageDeps, 'log'>;
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

/** How long a refused connection is still read (and dropped) after its answer went out. */
const LINGER_MS = 2_000;

/**
 * Closing a socket that still has unread data makes the kernel answer with a reset, and a
 * client still sending its body then loses the answer it had not read yet (seen under
 * load: "connection reset" instead of 413). As nginx's lingering close does: after the
 * answer, close our side, drop what still arrives for LINGER_MS, then close for good.
 * Node calls destroySoon once the answer of a `connection: close` request is written.
 */
function lingerOnClose(socket: Socket): void {
  Object.assign(socket, {
    destroySoon(this: Socket): void {
      const timer = setTimeout(() => this.destroy(), LINGER_MS);
      timer.unref();
      this.once('close', () => clearTimeout(timer));
      this.end();
    },
  });
}

/**
 * Refuses a request and ends its connection, so the rest of its body is not read: with
 * keep-alive, Node would read (and drop) all of it to reach the next request.
 */
function refuse(req: restify.Request, res: restify.Response, status: number, code: string, message: string): void {
  res.setHeader('connection', 'close');
  lingerOnClose(req.socket);
  res.send(status, { code, message });
}

const isJson = (contentType: string | undefined): boolean => (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';

/**
 * The one body parser, on the one route that takes a body: JSON only, at most
 * MAX_BODY_BYTES, read into memory. restify's general bodyParser is not used because it
 * hands multipart bodies to formidable, which ignores the size limit and writes every
 * upload to the temp directory; and restify's reader reads a body past the limit to the
 * end before refusing it. raw-body refuses a declared length over the limit unread and
 * stops reading the moment a body without one passes it.
 */
export function readJsonBody(req: restify.Request, res: restify.Response, next: restify.Next): void {
  if (!isJson(req.headers['content-type'])) {
    refuse(req, res, 415, 'UnsupportedMediaType', 'send the body as application/json');
    return next(false);
  }
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') {
    refuse(req, res, 415, 'UnsupportedMediaType', 'send the body without a content encoding');
    return next(false);
  }
  getRawBody(req, { length: req.headers['content-length'], limit: MAX_BODY_BYTES, encoding: 'utf-8' }, (error, text) => {
    if (error) {
      const status = (error as { status?: number }).status;
      refuse(req, res, status === 413 ? 413 : 400, status === 413 ? 'PayloadTooLarge' : 'BadRequest', status === 413 ? `the body is over ${MAX_BODY_BYTES} bytes` : 'the body could not be read');
      return next(false);
    }
    try {
      req.body = JSON.parse(text) as unknown;
    } catch {
      // The caller's mistake, answered as such; nothing of ours to log.
      refuse(req, res, 400, 'BadRequest', 'the body is not valid JSON');
      return next(false);
    }
    return next();
  });
}

/** Only the routes the bot needs; everything else is restify's 404. No other route reads a body. */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'nlc-teams-bot', handleUncaughtExceptions: false });

  server.post('/api/messages', readJsonBody, async (req: restify.Request, res: restify.Response) => {
    // botbuilder throws (a 500, and a stack in the log) on a body with no activity type,
    // before it even checks the token, and fails inside the turn on mistyped fields: a
    // malformed request is the caller's error.
    const problem = activityShapeProblem(req.body);
    if (problem) {
      res.send(400, { code: 'BadRequest', message: `expected a Bot Framework activity (a JSON object with a "type"); ${problem}` });
      return;
    }
    await deps.messages.process(req, withoutServerErrorDetail(res, deps.log));
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

  servePublicPages(server, { ...deps.pages, log: deps.log });

  // Errors never echo stack traces or internals to the caller. A plain Error (no status)
  // is given one here: restify would otherwise wrap it in a new error quoting its message.
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: RestifyError, callback: () => void) => {
    const status = err.statusCode ?? 500;
    err.statusCode = status;
    if (status >= 500) deps.log.error({ err, path: req.path() }, 'request failed');
    err.toJSON = () => (status >= 500 ? INTERNAL_ERROR : { code: err.code ?? 'Error', message: err.message });
    callback();
  });
  return server;
}

const INTERNAL_ERROR = { code: 'InternalError', message: 'internal error' };

/**
 * botbuilder answers its own failures (e.g. the Bot Framework's keys could not be
 * fetched) with the error message as the body. A 4xx message is about the request and
 * stays; a 5xx one is about our insides, so it goes to the log and the caller gets the
 * same generic body as any other server error.
 */
function withoutServerErrorDetail(res: restify.Response, log: Logger): restify.Response {
  const send = res.send.bind(res) as (...args: unknown[]) => unknown;
  res.send = ((...args: unknown[]) => {
    if (res.statusCode < 500) return send(...args);
    log.error({ status: res.statusCode, detail: String(args[args.length - 1]).slice(0, 500) }, 'bot adapter failed');
    return send(INTERNAL_ERROR);
  }) as restify.Response['send'];
  return res;
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}
