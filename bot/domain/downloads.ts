import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod/v4';
import { DomainError } from './errors';

/**
 * Files the bot serves from its own HTTP server, behind an unguessable token: a
 * booking's calendar file, an organiser's attendee export, a lead's contributions
 * export. A link works in every Teams client and scope (a file card would need the
 * file-consent flow, personal chat only). Anything that does not match gives the same
 * answer: no such file.
 */
export const DOWNLOAD_KINDS = ['calendar', 'attendees', 'contributions'] as const;
export type DownloadKind = (typeof DOWNLOAD_KINDS)[number];

export const downloadRequestSchema = z.strictObject({
  kind: z.enum(DOWNLOAD_KINDS),
  /** The event or task group the file is about. */
  subject: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/),
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type DownloadRequest = z.infer<typeof downloadRequestSchema>;

export interface DownloadFile {
  filename: string;
  contentType: string;
  body: string;
}

/** Absolute links served by the bot's own HTTP server; undefined when it has no public address. */
export type DownloadLinks = Record<DownloadKind, (subject: string, token: string) => string | undefined>;

/** How long an export link works. */
export const EXPORT_LINK_MS = 15 * 60 * 1000;

/** 256 random bits, URL-safe: 43 characters. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Export tokens are kept only as this hash, so a copy of the data is no key to the files. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const sameSecret = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** What is stored for an export link: never the token itself. */
export interface ExportGrantRecord {
  tokenHash: string;
  /** Who asked for it (Entra object id). */
  by: string;
  createdAt: string;
  expiresAt: string;
}

/**
 * A fresh export link for `subject` and the grant to store for it. Throws `closed` when
 * the bot has no public address: trying again would not help until it is configured.
 */
export function issueExportLink(
  link: (subject: string, token: string) => string | undefined,
  subject: string,
  by: string,
  now: Date,
): { url: string; expiresAt: Date; grant: ExportGrantRecord } {
  const token = newToken();
  const url = link(subject, token);
  if (!url) {
    throw new DomainError('closed', 'This bot has no public web address set up, so it cannot offer downloads.', {
      hint: 'Ask whoever runs the bot to set PUBLIC_URL.',
    });
  }
  const expiresAt = new Date(now.getTime() + EXPORT_LINK_MS);
  return { url, expiresAt, grant: { tokenHash: hashToken(token), by, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() } };
}

export const grantStillValid = (grant: ExportGrantRecord | undefined, now: Date): boolean => grant !== undefined && new Date(grant.expiresAt) > now;
