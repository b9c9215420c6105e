import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { BOOK_REMINDER_DAYS } from '../reminders/reminders';
import { reminderSlots } from '../reminders/schedule';
import { formatDate } from '../time';
import { requireWorkshop, workshopView, type WorkshopsDeps, type WorkshopView } from './service';
import { closedReason, type Workshop } from './workshop';

/**
 * "Remind me to book": someone who has not booked a workshop yet asks for a reminder, which
 * the reminder scheduler sends two days before the booking deadline (bot/domain/reminders),
 * to those who asked and still hold no place: booking cancels it.
 */
/** One person's request, in the workshop's partition (the store keeps one per person). */
export interface BookingReminder {
  eventId: string;
  userId: string;
  userName?: string;
  requestedAt: string;
  /** When the workshop ends: how long the request is kept is counted from it (retention). */
  eventEndsAt: string;
}

/** When the reminder to book goes (the London date two days before the deadline, at the reminder time); undefined when that is no longer ahead. */
export function bookReminderDue(workshop: Workshop, reminderTime: string, now: Date): Date | undefined {
  const slot = reminderSlots(new Date(workshop.booking.deadline), [BOOK_REMINDER_DAYS], reminderTime)[0];
  return slot && slot.dueAt > now ? slot.dueAt : undefined;
}

/** The person's view of a workshop with their reminder to book, when one can still be asked for. */
export async function withBookReminder(deps: WorkshopsDeps, view: WorkshopView, userId: string | undefined): Promise<WorkshopView> {
  if (!userId || !deps.reminderTime || view.mine || view.availability === 'closed') return view;
  const dueAt = bookReminderDue(view.workshop, deps.reminderTime, view.now);
  if (!dueAt) return view;
  const asked = await deps.workshops.getBookingReminder(view.workshop.id, userId);
  return { ...view, remindToBook: { dueAt, on: asked !== undefined } };
}

/** Asks for (or stops) the reminder to book. Asking twice keeps one; someone with a place has nothing to be reminded of. */
export async function setRemindToBook(deps: WorkshopsDeps, actor: Actor, eventId: string, remind: boolean): Promise<WorkshopView> {
  const workshop = await requireWorkshop(deps, eventId);
  const now = deps.clock.now();
  const ledger = await deps.workshops.getLedger(eventId);
  const view = workshopView(workshop, ledger, actor.aadObjectId, now, deps.links);
  if (remind) {
    const reason = closedReason(workshop, now, ledger?.closed ?? false);
    if (reason) throw new DomainError('closed', `${reason} There is nothing to remind you of.`);
    if (view.mine) throw new DomainError('closed', 'You have a place already, so there is nothing to remind you of.');
    const dueAt = deps.reminderTime ? bookReminderDue(workshop, deps.reminderTime, now) : undefined;
    if (!dueAt) {
      throw new DomainError('closed', `Booking closes on ${formatDate(new Date(workshop.booking.deadline))}, too soon for a reminder: book now if you can come.`);
    }
    await deps.workshops.saveBookingReminder({ eventId, userId: actor.aadObjectId, ...(actor.name ? { userName: actor.name } : {}), requestedAt: now.toISOString(), eventEndsAt: workshop.endsAt });
  } else {
    await deps.workshops.deleteBookingReminder(eventId, actor.aadObjectId);
  }
  return withBookReminder(deps, view, actor.aadObjectId);
}
