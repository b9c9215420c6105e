import { z } from 'zod/v4';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { eventIdSchema } from '../events/event';
import { assertOrganiser, type Organisers } from '../organisers';
import { parseInput } from '../validation';
import { attendeeRows, type AttendeeRow } from './attendees';
import { asWorkshop, assertCanManage, type Workshop } from './workshop';
import { type BookingEntry, type Ledger, newLedger } from './ledger';
import { changeCapacity, setClosed } from './ledger-changes';
import { type DownloadFile, issueExportLink } from '../downloads';
import { attendeesFile } from './downloads';
import { requireWorkshop, workshopView, type WorkshopsDeps, type WorkshopView } from './service';
import { capacitySchema } from './terms';

export interface OrganiserDeps extends WorkshopsDeps {
  organisers: Organisers;
}

/** What organisers see: the workshop, every entry, the history of their own changes, and an export link once asked for. */
export interface AttendeeList {
  view: WorkshopView;
  rows: AttendeeRow[];
  ledger?: Ledger;
  export?: { url: string; expiresAt: Date };
}

/**
 * The workshop an organiser's command means: the id they typed, or, when they typed
 * none, the one upcoming workshop (several ask which).
 */
export async function resolveWorkshop(deps: OrganiserDeps, actor: Actor, typed: string, what: string): Promise<Workshop> {
  await assertOrganiser(deps.organisers, actor, what);
  if (typed !== '') return requireWorkshop(deps, parseInput(eventIdSchema, typed, 'workshop id'));
  const upcoming = (await deps.events.listUpcoming(deps.clock.now(), 50)).filter((e) => e.kind === 'workshop');
  if (upcoming.length === 1) return asWorkshop(upcoming[0]);
  if (upcoming.length === 0) throw new DomainError('not_found', 'There are no upcoming workshops.');
  throw new DomainError('invalid_input', 'There are several upcoming workshops: say which one.', {
    hint: `Add its id to the command, one of: ${upcoming.map((e) => e.id).join(', ')}.`,
  });
}

function listOf(deps: OrganiserDeps, workshop: Workshop, ledger: Ledger | undefined): AttendeeList {
  return { view: workshopView(workshop, ledger, undefined, deps.clock.now(), deps.links), rows: attendeeRows(ledger), ledger };
}

export async function attendeeList(deps: OrganiserDeps, actor: Actor, eventId: string): Promise<AttendeeList> {
  await assertOrganiser(deps.organisers, actor, 'see who has booked');
  const workshop = await requireWorkshop(deps, eventId);
  return listOf(deps, workshop, await deps.workshops.getLedger(eventId));
}

const capacityInput = z.object({
  capacity: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), capacitySchema),
});

/** A changed capacity; raising it gives places to the waitlist at once, in order. */
export async function changeWorkshopCapacity(
  deps: OrganiserDeps,
  actor: Actor,
  eventId: string,
  values: unknown,
): Promise<{ list: AttendeeList; promoted: BookingEntry[] }> {
  await assertOrganiser(deps.organisers, actor, 'change the number of places');
  const workshop = await requireWorkshop(deps, eventId);
  const now = deps.clock.now();
  assertCanManage(workshop, now);
  const { capacity } = parseInput(capacityInput, values, 'number of places');
  const result = await deps.workshops.updateLedger(eventId, (current) => {
    const changed = changeCapacity(current ?? newLedger(eventId, workshop.booking.capacity, workshop.endsAt), capacity, actor.aadObjectId, now.toISOString());
    return { next: changed.ledger === current ? undefined : changed.ledger, result: changed };
  });
  return { list: listOf(deps, workshop, result.ledger), promoted: result.promoted };
}

/** Close or reopen booking; cancellations and promotions carry on while it is closed. */
export async function setWorkshopBookingClosed(deps: OrganiserDeps, actor: Actor, eventId: string, closed: boolean): Promise<AttendeeList> {
  await assertOrganiser(deps.organisers, actor, closed ? 'close booking' : 'reopen booking');
  const workshop = await requireWorkshop(deps, eventId);
  const now = deps.clock.now();
  assertCanManage(workshop, now);
  const ledger = await deps.workshops.updateLedger(eventId, (current) => {
    const next = setClosed(current ?? newLedger(eventId, workshop.booking.capacity, workshop.endsAt), closed, actor.aadObjectId, now.toISOString());
    return { next: next === current ? undefined : next, result: next };
  });
  return listOf(deps, workshop, ledger);
}

/** A link to the attendee list as CSV, working for a short while; only the token's hash is stored. */
export async function exportAttendees(deps: OrganiserDeps, actor: Actor, eventId: string): Promise<AttendeeList> {
  await assertOrganiser(deps.organisers, actor, 'export the attendee list');
  const workshop = await requireWorkshop(deps, eventId);
  const { url, expiresAt, grant } = issueExportLink(deps.links.attendees, eventId, actor.aadObjectId, deps.clock.now());
  await deps.workshops.saveExportGrant({ eventId, ...grant });
  return { ...listOf(deps, workshop, await deps.workshops.getLedger(eventId)), export: { url, expiresAt } };
}

/** The attendee list as a CSV file, for an organiser (the organiser tab downloads it directly, no link). */
export async function attendeesDownload(deps: OrganiserDeps, actor: Actor, eventId: string): Promise<DownloadFile> {
  await assertOrganiser(deps.organisers, actor, 'export the attendee list');
  const workshop = await requireWorkshop(deps, eventId);
  return attendeesFile(deps, workshop.id, deps.clock.now());
}
