import type { Server } from 'restify';
import type { Clock } from './clock';
import type { Store } from './data/store';
import type { DownloadKind } from './domain/downloads';
import type { Organisers } from './domain/organisers';
import { openPublic } from './domain/sharing/service';
import { openContributionsExport } from './domain/task-groups/export';
import { openWorkshopDownload } from './domain/workshops/downloads';
import type { DownloadLinks } from './domain/workshops/ports';
import type { Logger } from './log';
import { createServer, downloadPath, type ServerDeps } from './server';

/** The HTTP side of a started bot (bot/start.ts): its server's routes, and the links to them. */

/**
 * Links to files this server serves. The base is PUBLIC_URL; without it, a local-mode
 * bot links to its own loopback address (known once it listens), and a bot with an app
 * id offers no links rather than ones that would not open.
 */
export function downloadLinks(base: () => string | undefined): DownloadLinks {
  const link = (kind: DownloadKind) => (subject: string, token: string) => {
    const root = base();
    return root ? `${root}${downloadPath({ kind, subject, token })}` : undefined;
  };
  return { calendar: link('calendar'), attendees: link('attendees'), contributions: link('contributions') };
}

interface ServerParts {
  store: Store;
  organisers: Organisers;
  clock: Clock;
  links: DownloadLinks;
  messages: ServerDeps['messages'];
  botAppId?: string;
  log: Logger;
}

/** The HTTP server, each route given what it reads: downloads, public pages, the bot's endpoint. */
export function serverFor({ store, organisers, clock, links, messages, botAppId, log }: ServerParts): Server {
  const { events, workshops, deadlines, taskGroups, conversations, programme } = store;
  return createServer({
    messages,
    ready: () => store.ping(),
    download: (request) =>
      request.kind === 'contributions'
        ? openContributionsExport({ taskGroups, organisers, clock, links }, request)
        : openWorkshopDownload({ events, workshops, clock, links }, request),
    pages: {
      open: (ref) => openPublic({ events, workshops, deadlines, taskGroups, conversations, programme, organisers, clock, links }, ref),
      botAppId,
    },
    log,
  });
}

