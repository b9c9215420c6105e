import type { Server } from 'restify';
import { isDomainError } from '../domain/errors';
import { refOfPath } from '../domain/sharing/links';
import type { PublicItem } from '../domain/sharing/service';
import type { ShareRef } from '../domain/sharing/sharing';
import type { Logger } from '../log';
import { BUSY_PAGE, commandFor, NOT_FOUND_PAGE, openInTeamsUrl, PAGE_HEADERS, renderSharedPage } from './shared-page';

export interface PublicPageDeps {
  /** The item anyone with the link may see, or undefined (unknown, draft, cancelled: all the same). */
  open(ref: ShareRef): Promise<PublicItem | undefined>;
  /** For "Open in Teams": the bot's chat. */
  botAppId?: string;
  log: Logger;
}

/** The paths sharePath makes (bot/domain/sharing/links.ts); each is read back with refOfPath. */
export const PUBLIC_PAGE_PATHS = ['/e/:id', '/d/:id', '/c/:groupId/:callId'] as const;

/** GET on the public pages: a page, or the one "not found" page for anything else under them. */
export function servePublicPages(server: Server, deps: PublicPageDeps): void {
  for (const path of PUBLIC_PAGE_PATHS) {
    server.get(path, async (req, res) => {
      const answer = (status: number, body: string): void => {
        res.writeHead(status, PAGE_HEADERS);
        res.end(body);
      };
      const ref = refOfPath(req.path());
      try {
        const item = ref ? await deps.open(ref) : undefined;
        if (!item) return answer(404, NOT_FOUND_PAGE);
        return answer(200, renderSharedPage(item, openInTeamsUrl(deps.botAppId, commandFor(item))));
      } catch (error) {
        if (isDomainError(error) && error.code === 'unavailable') return answer(503, BUSY_PAGE);
        deps.log.error({ err: error, route: 'public page' }, 'public page failed');
        return answer(500, BUSY_PAGE);
      }
    });
  }
}
