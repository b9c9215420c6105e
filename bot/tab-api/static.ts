import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type restify from 'restify';

/**
 * The tab's page and bundle (dist/tab, built by scripts/build-tab.ts) as static files
 * under /tab/: one process serves the bot, the tab and its API. Only plain file names
 * inside that folder are served, so no path can reach anything else.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Teams shows the tab in a frame on its own hosts (web, desktop and mobile clients); no other site may frame it. */
const FRAME_ANCESTORS = "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com";

/** dist/tab beside the bundled bot (dist/app.js, scripts/build.ts), or the repository's dist/tab when run from source (tests, tsx). */
export function tabDirectory(): string {
  return basename(__dirname) === 'dist' ? join(__dirname, 'tab') : join(__dirname, '..', '..', 'dist', 'tab');
}

export function serveTab(server: restify.Server, directory: string): void {
  const serve = async (name: string, res: restify.Response): Promise<void> => {
    const type = TYPES[extname(name)];
    const body = type && /^[\w-]+(\.[\w-]+)*$/.test(name) ? await readFile(join(directory, name)).catch(() => undefined) : undefined;
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(name === 'index.html' ? 'The tab is not built: run `npm run build`.' : 'Not found.');
      return;
    }
    res.writeHead(200, {
      'content-type': type!,
      // The page is small and names the bundle, which changes with every build: always asked again.
      'cache-control': 'no-cache',
      'content-security-policy': `${FRAME_ANCESTORS}; default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(body);
  };
  server.get('/tab', async (_req, res) => {
    res.writeHead(301, { location: '/tab/' });
    res.end();
    return Promise.resolve();
  });
  server.get('/tab/', async (_req, res) => serve('index.html', res));
  server.get('/tab/:file', async (req, res) => serve(String((req.params as { file?: string }).file ?? ''), res));
}
