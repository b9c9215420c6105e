import type restify from 'restify';
import { DomainError } from '../domain/errors';
import { authoringRoutes } from './authoring-routes';
import { broadcastRoutes } from './broadcast-routes';
import type { TabApiDeps } from './deps';
import { groupRoutes } from './group-routes';
import { errorAnswer } from './http';
import { LOCAL_PEOPLE, tabIdentity } from './identity';
import { programmeRoutes } from './programme-routes';
import { serveTab, tabDirectory } from './static';
import type { Config } from '../config';

export type { TabApiDeps } from './deps';

/**
 * The organiser tab on the bot's own server: the page under /tab/ and its JSON API under
 * /api/tab/ (docs/tab.md). A second entry point beside bot/teams, calling the same
 * domain services, so the tab and the cards cannot disagree.
 */
export function registerTab(server: restify.Server, parts: Omit<TabApiDeps, 'identity' | 'reminderTime'> & { config: Config }, directory = tabDirectory()): void {
  const { config, ...rest } = parts;
  const identity = tabIdentity({ botAppId: config.bot.appId, tabAppId: config.tab.appId, publicUrl: config.publicUrl, allowedTenantIds: config.allowedTenantIds, keysUrl: config.tab.keysUrl });
  const deps: TabApiDeps = { ...rest, identity, reminderTime: config.reminderTime };
  serveTab(server, directory);
  programmeRoutes(server, deps);
  authoringRoutes(server, deps);
  broadcastRoutes(server, deps);
  groupRoutes(server, deps);
  server.get('/api/tab/local/people', async (_req, res) => {
    // Whom local mode may act as, before anyone is chosen; there is no such list with an app id.
    if (!deps.identity.local) {
      const { status, body } = errorAnswer(new DomainError('not_found', 'There is no such page.'), deps.log, '/api/tab/local/people');
      res.send(status, body);
      return Promise.resolve();
    }
    const people = await Promise.all(
      LOCAL_PEOPLE.map(async (p) => ({ id: p.aadObjectId, name: p.name, role: (await deps.organisers.includes(p.aadObjectId)) ? 'organiser' : 'member or lead' })),
    );
    res.send(200, { people });
  });
}
