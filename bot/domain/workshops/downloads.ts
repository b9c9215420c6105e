import { type DownloadFile, type DownloadRequest, grantStillValid, hashToken } from '../downloads';
import { londonDate } from '../time';
import { attendeesCsv } from './attendees';
import { answersCsv } from '../events/answers';
import type { NlcEvent } from '../events/event';
import { asWorkshop } from './workshop';
import { calendarFile, calendarFileName } from './calendar';
import { calendarLinksEnd, entryForCalendarToken } from './calendar-links';
import type { WorkshopsDeps } from './service';

/** A booking's calendar file, or an organiser's attendee export, of a workshop or any event (see ../downloads.ts). */
export async function openWorkshopDownload(deps: WorkshopsDeps, request: DownloadRequest): Promise<DownloadFile | undefined> {
  const event = await deps.events.getEvent(request.subject);
  if (event && event.kind !== 'workshop' && request.kind === 'attendees') return eventAnswersFile(deps, event, request.token);
  if (event?.kind !== 'workshop' || !event.booking) return undefined;
  const workshop = asWorkshop(event);
  const now = deps.clock.now();
  if (request.kind === 'calendar') {
    // Still served for a cancelled workshop, so calendars can drop the entry, until the week after it is up.
    if (now > calendarLinksEnd(workshop)) return undefined;
    const entry = entryForCalendarToken(await deps.workshops.getLedger(request.subject), request.token);
    if (!entry) return undefined;
    return { filename: calendarFileName(workshop), contentType: 'text/calendar; charset=utf-8', body: calendarFile(workshop, entry, now) };
  }
  if (request.kind !== 'attendees') return undefined;
  const grant = await deps.workshops.getExportGrant(request.subject, hashToken(request.token));
  if (!grantStillValid(grant, now)) return undefined;
  return attendeesFile(deps, workshop.id, now);
}

/** The attendee list as a CSV file; whoever calls this has checked that it may be given out. */
export const attendeesFile = async (deps: Pick<WorkshopsDeps, 'workshops'>, workshopId: string, now: Date): Promise<DownloadFile> => ({
  filename: `${workshopId}-attendees-${londonDate(now)}.csv`,
  contentType: 'text/csv; charset=utf-8',
  body: attendeesCsv(await deps.workshops.getLedger(workshopId)),
});

/** An event's answers (Going, Maybe, Can't go) as CSV, behind an organiser's export link (events/answers.ts). */
async function eventAnswersFile(deps: WorkshopsDeps, event: NlcEvent, token: string): Promise<DownloadFile | undefined> {
  const now = deps.clock.now();
  if (!grantStillValid(await deps.workshops.getExportGrant(event.id, hashToken(token)), now)) return undefined;
  return { filename: `${event.id}-answers-${londonDate(now)}.csv`, contentType: 'text/csv; charset=utf-8', body: answersCsv(await deps.events.listRsvpsOfEvent(event.id)) };
}
