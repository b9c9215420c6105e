import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod/v4';
import { eventIdSchema } from '../events/event';
import { londonDate } from '../time';
import { attendeesCsv } from './attendees';
import { calendarFile, calendarFileName } from './calendar';
import { hashToken } from './organiser';
import { asWorkshop } from './booking';
import type { WorkshopsDeps } from './service';

/**
 * Files the bot serves from its own HTTP server, behind an unguessable token: a
 * booking's calendar file, and an organiser's attendee export. A link works in every
 * Teams client and scope (a file card would need the file-consent flow, personal chat
 * only). Anything that does not match gives the same answer: no such file.
 */
export const downloadRequestSchema = z.strictObject({
  kind: z.enum(['calendar', 'attendees']),
  eventId: eventIdSchema,
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type DownloadRequest = z.infer<typeof downloadRequestSchema>;

export interface DownloadFile {
  filename: string;
  contentType: string;
  body: string;
}

const sameSecret = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function openDownload(deps: WorkshopsDeps, request: DownloadRequest): Promise<DownloadFile | undefined> {
  const event = await deps.events.getEvent(request.eventId);
  if (event?.kind !== 'workshop' || !event.booking) return undefined;
  const workshop = asWorkshop(event);
  const now = deps.clock.now();
  if (request.kind === 'calendar') {
    const ledger = await deps.workshops.getLedger(request.eventId);
    const entry = ledger?.entries.find((e) => sameSecret(e.calendarToken, request.token));
    if (!entry) return undefined;
    return { filename: calendarFileName(workshop), contentType: 'text/calendar; charset=utf-8', body: calendarFile(workshop, entry, now) };
  }
  const grant = await deps.workshops.getExportGrant(request.eventId, hashToken(request.token));
  if (!grant || new Date(grant.expiresAt) <= now) return undefined;
  return {
    filename: `${workshop.id}-attendees-${londonDate(now)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: attendeesCsv(await deps.workshops.getLedger(request.eventId)),
  };
}
