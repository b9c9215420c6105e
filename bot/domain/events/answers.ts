import type { Clock } from '../../clock';
import type { Actor } from '../actor';
import { csvDocument } from '../csv';
import { type DownloadLinks, type ExportGrantRecord, issueExportLink } from '../downloads';
import { DomainError } from '../errors';
import { assertOrganiser, type Organisers } from '../organisers';
import type { NlcEvent } from './event';
import type { EventStore } from './ports';
import type { Rsvp } from './rsvp';

/**
 * Who said they are coming to an event, for organisers: Going and Maybe by name, and the
 * same as a CSV file. Names are personal data: the routes send this to the organiser's
 * own chat only. (A workshop's bookings are its attendee list: bot/domain/workshops/manage.ts.)
 */
export interface EventAnswersDeps {
  events: EventStore;
  organisers: Organisers;
  clock: Clock;
  links: DownloadLinks;
  /** Export links are kept by the hash of their token, in the event's partition. */
  exportGrants: { saveExportGrant(grant: ExportGrantRecord & { eventId: string }): Promise<void> };
}

export interface EventAnswers {
  event: NlcEvent;
  going: Rsvp[];
  maybe: Rsvp[];
  notGoing: number;
  now: Date;
  export?: { url: string; expiresAt: Date };
}

const byName = (a: Rsvp, b: Rsvp): number => (a.userName ?? '').localeCompare(b.userName ?? '') || a.respondedAt.localeCompare(b.respondedAt);

async function requireEvent(deps: Pick<EventAnswersDeps, 'events'>, eventId: string): Promise<NlcEvent> {
  const event = await deps.events.getEvent(eventId);
  if (!event) throw new DomainError('not_found', `No event is called "${eventId}".`, { hint: 'Type "who is coming" to pick one.' });
  return event;
}

export async function eventAnswers(deps: EventAnswersDeps, actor: Actor, eventId: string): Promise<EventAnswers> {
  await assertOrganiser(deps.organisers, actor, 'see who is coming');
  const event = await requireEvent(deps, eventId);
  const rsvps = await deps.events.listRsvpsOfEvent(event.id);
  return {
    event,
    going: rsvps.filter((r) => r.response === 'going').sort(byName),
    maybe: rsvps.filter((r) => r.response === 'maybe').sort(byName),
    notGoing: rsvps.filter((r) => r.response === 'notGoing').length,
    now: deps.clock.now(),
  };
}

/** The answers with a short-lived link to them as CSV; only the link's hash is stored. */
export async function exportEventAnswers(deps: EventAnswersDeps, actor: Actor, eventId: string): Promise<EventAnswers> {
  await assertOrganiser(deps.organisers, actor, 'export who is coming');
  const answers = await eventAnswers(deps, actor, eventId);
  const { url, expiresAt, grant } = issueExportLink(deps.links.attendees, eventId, actor.aadObjectId, deps.clock.now());
  await deps.exportGrants.saveExportGrant({ eventId, ...grant });
  return { ...answers, export: { url, expiresAt } };
}

/** Events an organiser may ask about: those still to come, and those that ended in the last `days` (for follow-ups). */
export async function eventsToAsk(deps: Pick<EventAnswersDeps, 'events' | 'organisers' | 'clock'>, actor: Actor, days = 60): Promise<NlcEvent[]> {
  await assertOrganiser(deps.organisers, actor, 'see who is coming');
  const since = new Date(deps.clock.now().getTime() - days * 86_400_000);
  return deps.events.listUpcoming(since, 50);
}

const HEADER = ['answer', 'name', 'answered at (UTC)'];
const ANSWER = { going: 'Going', maybe: 'Maybe', notGoing: "Can't go" } as const;

/** Every answer as CSV (see csv.ts): Going, then Maybe, then Can't go, each by name. */
export function answersCsv(rsvps: readonly Rsvp[]): string {
  const order = { going: 0, maybe: 1, notGoing: 2 } as const;
  const rows = [...rsvps].sort((a, b) => order[a.response] - order[b.response] || byName(a, b)).map((r) => [ANSWER[r.response], r.userName ?? '', r.respondedAt]);
  return csvDocument(HEADER, rows);
}
