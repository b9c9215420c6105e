import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Actor } from '../actor';
import { hasEnded } from '../events/event';
import type { EventStore } from '../events/ports';
import { asWorkshop, assertCanBook, assertCanCancel, closedReason, type Workshop } from './workshop';
import { parseBookingForm } from './booking-form';
import { tooManyChangesError } from './entry-history';
import { calendarLinksOpen, isCalendarTokenOf, newCalendarToken, withNewCalendarLink } from './calendar-links';
import { activeEntryOf, bookedCount, bookedForOthers, type BookingEntry, type Ledger, waitlist, waitlistPosition } from './ledger';
import { cancelEntry } from './ledger-changes';
import { withBookReminder } from './book-reminders';
import type { DownloadLinks, WorkshopStore } from './ports';

export interface WorkshopsDeps {
  events: EventStore;
  workshops: WorkshopStore;
  clock: Clock;
  links: DownloadLinks;
  /** London "HH:MM" reminders go out at (REMINDER_TIME): without it, no reminder to book is offered. */
  reminderTime?: string;
}

export type Availability = 'open' | 'full' | 'closed';

/** The person's own place: booked or waiting, with where they stand and their calendar link. */
export interface MyPlace {
  entry: BookingEntry;
  position?: number;
  /** Only in the answer that made the link (its secret is not kept: see calendar-links.ts). */
  calendarUrl?: string;
  /** Whether they may ask for a (new) calendar link now. */
  calendarOffer: boolean;
}

/** One workshop as one person sees it. */
export interface WorkshopView {
  workshop: Workshop;
  capacity: number;
  booked: number;
  waitlisted: number;
  availability: Availability;
  closedReason?: string;
  mine?: MyPlace;
  /** Places this person booked for colleagues, still standing (they may cancel them). */
  forColleagues: BookingEntry[];
  /** "Remind me to book": when it would go, and whether they asked (book-reminders.ts); absent when it cannot be asked for. */
  remindToBook?: { dueAt: Date; on: boolean };
  now: Date;
}

/** `calendarToken`: the secret of a link just made for this person, to show it once. */
export function myPlace(ledger: Ledger, entry: BookingEntry, links: DownloadLinks, offer: boolean, calendarToken?: string): MyPlace {
  const calendarUrl = calendarToken && isCalendarTokenOf(entry, calendarToken) ? links.calendar(ledger.eventId, calendarToken) : undefined;
  // A bot with no public address makes no links at all, so it offers none.
  const linkable = links.calendar(ledger.eventId, 'probe') !== undefined;
  return { entry, position: waitlistPosition(ledger, entry), calendarUrl, calendarOffer: offer && linkable };
}

export function workshopView(
  workshop: Workshop,
  ledger: Ledger | undefined,
  userId: string | undefined,
  now: Date,
  links: DownloadLinks,
  calendarToken?: string,
): WorkshopView {
  const capacity = ledger?.capacity ?? workshop.booking.capacity;
  const booked = bookedCount(ledger);
  const reason = closedReason(workshop, now, ledger?.closed ?? false);
  const entry = userId ? activeEntryOf(ledger, userId) : undefined;
  return {
    workshop,
    capacity,
    booked,
    waitlisted: waitlist(ledger).length,
    availability: reason ? 'closed' : booked >= capacity ? 'full' : 'open',
    closedReason: reason,
    mine: ledger && entry ? myPlace(ledger, entry, links, calendarLinksOpen(workshop, now), calendarToken) : undefined,
    forColleagues: userId ? bookedForOthers(ledger, userId) : [],
    now,
  };
}

export const requireWorkshop = async (deps: Pick<WorkshopsDeps, 'events'>, eventId: string): Promise<Workshop> =>
  asWorkshop(await deps.events.getEvent(eventId));

export async function viewWorkshop(deps: WorkshopsDeps, actor: Actor | undefined, workshop: Workshop | string): Promise<WorkshopView> {
  const found = typeof workshop === 'string' ? await requireWorkshop(deps, workshop) : workshop;
  const ledger = await deps.workshops.getLedger(found.id);
  return withBookReminder(deps, workshopView(found, ledger, actor?.aadObjectId, deps.clock.now(), deps.links), actor?.aadObjectId);
}

export interface BookingResult {
  view: WorkshopView;
  /** `existing`: they already held a place or a waitlist spot, which they keep. */
  outcome: 'booked' | 'waitlisted' | 'existing';
}

/**
 * Book a place, or a waitlist spot when the workshop is full. Nothing is written unless
 * the workshop takes bookings and the form is valid; a second Book by the same person
 * leaves their first booking as it is.
 */
export async function bookWorkshop(deps: WorkshopsDeps, actor: Actor, eventId: string, values: unknown): Promise<BookingResult> {
  const workshop = await requireWorkshop(deps, eventId);
  const now = deps.clock.now();
  assertCanBook(workshop, now);
  const form = parseBookingForm(values);
  const calendar = newCalendarToken();
  const decision = await deps.workshops.book({
    eventId,
    initialCapacity: workshop.booking.capacity,
    eventEndsAt: workshop.endsAt,
    userId: actor.aadObjectId,
    name: actor.name,
    form,
    at: now.toISOString(),
    bookingId: randomUUID(),
    calendarTokenHash: calendar.hash,
  });
  if (decision.kind === 'busy') throw tooManyChangesError();
  // An organiser closed booking between our check and the write.
  if (decision.kind === 'closed') assertCanBook(workshop, now, true);
  // Booked: no reminder to book any more (the reminder's audience leaves out anyone with a place, should this fail).
  await deps.workshops.deleteBookingReminder(eventId, actor.aadObjectId);
  const view = workshopView(workshop, decision.ledger, actor.aadObjectId, now, deps.links, calendar.token);
  return { view, outcome: decision.kind === 'closed' ? 'existing' : decision.kind };
}

/** A new calendar link for the person's own place (the last one stops working); the view shows it once. */
export async function issueCalendarLink(deps: WorkshopsDeps, actor: Actor, eventId: string): Promise<WorkshopView> {
  const workshop = await requireWorkshop(deps, eventId);
  const now = deps.clock.now();
  const calendar = newCalendarToken();
  const ledger = await deps.workshops.updateLedger(eventId, (current) => {
    const next = withNewCalendarLink(current, workshop, actor.aadObjectId, calendar.hash, now);
    return { next, result: next };
  });
  return workshopView(workshop, ledger, actor.aadObjectId, now, deps.links, calendar.token);
}

export interface CancelOutcome {
  view: WorkshopView;
  /** The entry as cancelled: the clicker's own, or a colleague's they had booked. */
  cancelled: BookingEntry;
  /** People moved up from the waitlist into the freed place: tell them (see promotions.ts). */
  promoted: BookingEntry[];
}

/** Cancel one's own booking or waitlist spot, or one booked for a colleague; a freed place goes to the first in line in the same write. */
export async function cancelBooking(deps: WorkshopsDeps, actor: Actor, eventId: string, bookingId: string): Promise<CancelOutcome> {
  const workshop = await requireWorkshop(deps, eventId);
  const now = deps.clock.now();
  assertCanCancel(workshop, now);
  const result = await deps.workshops.updateLedger(eventId, (current) => {
    const outcome = cancelEntry(current, bookingId, actor.aadObjectId, now.toISOString());
    return { next: outcome.changed ? outcome.ledger : undefined, result: outcome };
  });
  return { view: workshopView(workshop, result.ledger, actor.aadObjectId, now, deps.links), cancelled: result.cancelled, promoted: result.promoted };
}

/** The person's places and waitlist spots (and those they booked for colleagues) in workshops that have not ended, soonest first. */
export async function listMyBookings(deps: WorkshopsDeps, actor: Actor): Promise<WorkshopView[]> {
  const now = deps.clock.now();
  const ids = await deps.workshops.workshopsOfUser(actor.aadObjectId);
  const views = await Promise.all(
    ids.map(async (id) => {
      const event = await deps.events.getEvent(id);
      if (!event || event.kind !== 'workshop' || hasEnded(event, now)) return undefined;
      return viewWorkshop(deps, actor, asWorkshop(event));
    }),
  );
  return views
    .filter((v): v is WorkshopView => v !== undefined && (v.mine !== undefined || v.forColleagues.length > 0))
    .sort((a, b) => a.workshop.startsAt.localeCompare(b.workshop.startsAt));
}
