import { z } from 'zod/v4';
import { renderMyBookingsCard } from '../../../cards/my-bookings';
import { renderPromotionMessage, renderWorkshopCard as renderBookingCard, type WorkshopCardOptions } from '../../../cards/workshop';
import { type DomainError, isDomainError } from '../../domain/errors';
import { eventIdSchema } from '../../domain/events/event';
import type { FormValues } from '../../domain/workshops/booking-form';
import type { BookingEntry } from '../../domain/workshops/ledger';
import { announcePromotions, type PromotionDeps } from '../../domain/workshops/promotions';
import { calendarLinksEnd } from '../../domain/workshops/calendar-links';
import { bookWorkshop, type BookingResult, cancelBooking, issueCalendarLink, listMyBookings, viewWorkshop, type WorkshopsDeps, type WorkshopView } from '../../domain/workshops/service';
import { formatDate } from '../../domain/time';
import type { WorkshopCard } from './events';
import type { AdaptiveCardJson } from '../../../cards/template';
import type { ShareLinks } from '../../domain/sharing/links';
import { cardAction, personalData, type RouteModule, type Turn } from './route';
import { WORKSHOP_BOOK, WORKSHOP_CALENDAR, WORKSHOP_CANCEL, WORKSHOP_VIEW } from '../../../cards/verbs';

/** The promotion notices' parts; the card they carry is the workshop's own (cards/workshop.ts). */
export type PromotionRouteDeps = Omit<PromotionDeps, 'promotionMessage'>;
export type WorkshopRouteDeps = WorkshopsDeps & PromotionRouteDeps & { share: ShareLinks };

/** The card's data plus its inputs (Teams merges them): the form fields are checked by the booking rules, so problems show beside each field. */
const bookData = z.strictObject({
  eventId: eventIdSchema,
  role: z.unknown().optional(),
  school: z.unknown().optional(),
  needs: z.unknown().optional(),
});
const cancelData = z.strictObject({ eventId: eventIdSchema, bookingId: z.uuid() });
const viewData = z.strictObject({ eventId: eventIdSchema });

const FORM_FIELDS: readonly (keyof FormValues)[] = ['role', 'school', 'needs'];

const BOOKED_BANNER: Record<BookingResult['outcome'], (entry: BookingEntry | undefined) => string> = {
  booked: () => 'Booked: your place is confirmed.',
  waitlisted: () => "The workshop is full, so you're on the waiting list.",
  existing: (entry) => (entry?.status === 'waitlisted' ? "You're already on the waiting list, so nothing changed." : 'You already have a place, so nothing changed.'),
};

/** Problems with the form's own fields, as opposed to the card's data (a notice card). */
const isFormProblem = (error: DomainError): boolean =>
  error.code === 'invalid_input' && (error.details.fields ?? []).every((f) => FORM_FIELDS.includes(f.field as keyof FormValues));

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Tells people moved up from a waitlist, after the answer: the clicker is not kept waiting
 * for Teams, and a failure is logged (the promotion-notices job tries again). Their message
 * is their own workshop card.
 */
export function tellPromoted(turn: Turn, deps: WorkshopsDeps & PromotionRouteDeps, eventId: string, promoted: readonly Pick<BookingEntry, 'bookingId'>[]): void {
  if (promoted.length === 0) return;
  void announcePromotions({ ...deps, promotionMessage: renderPromotionMessage }, eventId, promoted).catch((error: unknown) =>
    turn.log.error({ err: error }, 'promotion notices failed; the promotion-notices job will retry'),
  );
}

export function workshopRoutes(deps: WorkshopRouteDeps): RouteModule & {
  /** The booking card that `events` shows for a workshop instead of Going / Maybe / Can't go. */
  workshopCard: WorkshopCard;
} {
  const own = (turn: Turn) => ({ refreshUserIds: [turn.actor().teamsUserId] });
  // The booking card with Share: its public page, which unfolds into this card where it is pasted.
  const renderWorkshopCard = (view: WorkshopView, options: WorkshopCardOptions): AdaptiveCardJson =>
    renderBookingCard(view, { ...options, shareUrl: deps.share.page({ kind: 'event', id: view.workshop.id }) });

  return {
    workshopCard: async (workshop, actor, refreshUserIds) => renderWorkshopCard(await viewWorkshop(deps, actor, workshop), { refreshUserIds }),
    commands: [
      personalData({
        name: 'my bookings',
        description: 'Your workshop places and waiting list places, with calendar and cancel',
        aliases: ['my workshops', 'my booking'],
        run: async (turn) => {
          await turn.reply(renderMyBookingsCard(await listMyBookings(deps, turn.actor())));
        },
      }),
    ],
    actions: [
      cardAction(WORKSHOP_VIEW, viewData, async (turn, data) => renderWorkshopCard(await viewWorkshop(deps, turn.actor(), data.eventId), own(turn))),
      cardAction(WORKSHOP_BOOK, bookData, async (turn, data) => {
        const actor = turn.actor();
        const values: FormValues = { role: asText(data.role), school: asText(data.school), needs: asText(data.needs) };
        try {
          const { view, outcome } = await bookWorkshop(deps, actor, data.eventId, values);
          return renderWorkshopCard(view, { ...own(turn), banner: BOOKED_BANNER[outcome](view.mine?.entry), bannerTone: 'good' });
        } catch (error) {
          // The same form back, with what they typed and each problem beside its field; or,
          // for an old card after booking closed, the workshop as it is now with the reason.
          if (!isDomainError(error) || !(isFormProblem(error) || error.code === 'closed')) throw error;
          const view = await viewWorkshop(deps, actor, data.eventId);
          if (view.mine) return renderWorkshopCard(view, { ...own(turn), banner: BOOKED_BANNER.existing(view.mine.entry), bannerTone: 'good' });
          if (isFormProblem(error)) {
            const problems = error.details.fields ?? [];
            return renderWorkshopCard(view, { ...own(turn), banner: 'Please check the form: nothing was booked yet.', form: { values, problems } });
          }
          return renderWorkshopCard(view, { ...own(turn), banner: error.message });
        }
      }),
      cardAction(WORKSHOP_CALENDAR, viewData, async (turn, data) => {
        const view = await issueCalendarLink(deps, turn.actor(), data.eventId);
        const banner = `Your calendar file is ready: press Add to calendar. The link works until ${formatDate(calendarLinksEnd(view.workshop))}.`;
        return renderWorkshopCard(view, { ...own(turn), banner, bannerTone: 'good' });
      }),
      cardAction(WORKSHOP_CANCEL, cancelData, async (turn, data) => {
        const actor = turn.actor();
        const { view, cancelled, promoted } = await cancelBooking(deps, actor, data.eventId, data.bookingId);
        tellPromoted(turn, deps, data.eventId, promoted);
        const banner = cancelled.userId === actor.aadObjectId ? 'Your booking is cancelled.' : `The place you booked for ${cancelled.name ?? 'your colleague'} is cancelled.`;
        return renderWorkshopCard(view, { ...own(turn), banner, bannerTone: 'good' });
      }),
    ],
  };
}
