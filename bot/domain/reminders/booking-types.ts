import { z } from 'zod/v4';
import type { AudienceType } from '../broadcasts/audience-types';
import type { ContentType } from '../broadcasts/content-types';
import { eventIdSchema } from '../events/event';
import { activeEntryOf } from '../workshops/ledger';
import { asWorkshop } from '../workshops/workshop';
import { reachable } from './people';
import { gone, notComposable, personalReminder, type ReminderKindDeps, timing, workshopCardFor } from './reminder-content';
import { overReason } from './schedule';
import { BOOKING_REMINDER, bookingSubject } from './reminders';

/**
 * "Remind me to book" goes as a broadcast like every reminder (planner.ts queues it two
 * days before the booking deadline): to those who asked and still hold no place, read
 * when it falls due, so booking in the meantime cancels it.
 */
const spec = z.object({ eventId: eventIdSchema });

export const bookingReminderContent = (deps: ReminderKindDeps): ContentType => ({
  kind: BOOKING_REMINDER,
  label: 'Reminder to book',
  composable: false,
  fromForm: notComposable,
  prepare: async (raw) => {
    const event = await deps.events.getEvent(spec.parse(raw).eventId);
    if (!event?.booking) return gone(deps.cards, 'The workshop');
    const workshop = asWorkshop(event);
    const now = deps.clock.now();
    const cardFor = await workshopCardFor(deps, workshop, now);
    const text = deps.cards.bookingReminderText(workshop, now);
    return personalReminder({ title: workshop.title, version: workshop.sequence, text, cardFor }, timing(deps, overReason(bookingSubject(workshop), now), now));
  },
  eventIdOf: (raw) => spec.safeParse(raw).data?.eventId,
});

export const bookingReminderAudience = (deps: ReminderKindDeps): AudienceType => ({
  kind: BOOKING_REMINDER,
  label: 'People who asked to be reminded to book a workshop',
  composable: false,
  fromForm: notComposable,
  describe: async (raw) => {
    const event = await deps.events.getEvent(spec.parse(raw).eventId);
    return `people who asked to be reminded to book "${event?.title ?? 'a workshop'}"`;
  },
  resolve: async (raw, reach) => {
    const { eventId } = spec.parse(raw);
    const [asked, ledger] = await Promise.all([deps.workshops.listBookingReminders(eventId), deps.workshops.getLedger(eventId)]);
    return reachable(reach, asked.filter((r) => !activeEntryOf(ledger, r.userId)).map((r) => ({ userId: r.userId, ...(r.userName ? { name: r.userName } : {}) })));
  },
});
