import { eventIdSchema } from '../events/event';
import { deadlineIdSchema } from '../deadlines/deadline';
import { callIdSchema, groupIdSchema } from '../task-groups/task-group';
import type { ShareRef } from './sharing';

/**
 * The short public addresses, under PUBLIC_URL: /e/<id> for an event or workshop,
 * /d/<id> for a consultation deadline, /c/<group>/<call> for a call for contributions.
 * The server's routes and the links on cards agree through these two functions.
 */
export function sharePath(ref: ShareRef): string {
  if (ref.kind === 'call') return `/c/${encodeURIComponent(ref.groupId)}/${encodeURIComponent(ref.id)}`;
  return `/${ref.kind === 'event' ? 'e' : 'd'}/${encodeURIComponent(ref.id)}`;
}

/** The thing a path names, or undefined for anything that is not one of ours (ids checked, nothing else let through). */
export function refOfPath(path: string): ShareRef | undefined {
  const parts = path.split('/');
  if (parts[0] !== '') return undefined;
  const [, letter, first, second, ...rest] = parts;
  if (rest.length > 0) return undefined;
  if (letter === 'e' && second === undefined && eventIdSchema.safeParse(first).success) return { kind: 'event', id: first! };
  if (letter === 'd' && second === undefined && deadlineIdSchema.safeParse(first).success) return { kind: 'deadline', id: first! };
  if (letter === 'c' && groupIdSchema.safeParse(first).success && callIdSchema.safeParse(second).success) return { kind: 'call', groupId: first!, id: second! };
  return undefined;
}

/**
 * The thing a pasted address names, when it is one of this bot's own (same host as the
 * public base, under its path). Query strings and fragments are ignored; http and https
 * count alike (a link typed without the "s" still means the same page).
 */
export function refOfUrl(address: unknown, base: string | undefined): ShareRef | undefined {
  if (typeof address !== 'string' || !base || address.length > 2000 || !URL.canParse(address)) return undefined;
  const url = new URL(address);
  const root = new URL(base);
  if (!['http:', 'https:'].includes(url.protocol) || url.host.toLowerCase() !== root.host.toLowerCase()) return undefined;
  const prefix = root.pathname.replace(/\/+$/, '');
  if (!url.pathname.startsWith(`${prefix}/`)) return undefined;
  return refOfPath(url.pathname.slice(prefix.length));
}

/** Links to this server's public pages (undefined when the bot has no public address). */
export interface ShareLinks {
  page(ref: ShareRef): string | undefined;
  /** The public base (PUBLIC_URL, or the local address in local mode), to recognise pasted links. */
  base(): string | undefined;
}

export const shareLinksFrom = (base: () => string | undefined): ShareLinks => ({
  page: (ref) => {
    const root = base();
    return root ? `${root}${sharePath(ref)}` : undefined;
  },
  base,
});
