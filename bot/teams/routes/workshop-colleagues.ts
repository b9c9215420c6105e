import { z } from 'zod/v4';
import { renderColleagueBookingForm } from '../../../cards/colleague-booking';
import { renderWorkshopCard } from '../../../cards/workshop';
import type { ConversationStore } from '../../domain/conversations/ports';
import { type NotifyDeps, notifyPerson } from '../../domain/conversations/notify';
import { isDomainError } from '../../domain/errors';
import { eventIdSchema } from '../../domain/events/event';
import { setRemindToBook } from '../../domain/workshops/book-reminders';
import { bookForColleague, type ColleagueBooking, type ColleagueFormValues } from '../../domain/workshops/colleague';
import { requireWorkshop, viewWorkshop, type WorkshopsDeps } from '../../domain/workshops/service';
import type { Logger } from '../../log';
import { cardAction, type RouteModule, type Turn } from './route';
import { WORKSHOP_BOOK_COLLEAGUE, WORKSHOP_COLLEAGUE_FORM, WORKSHOP_REMIND_TO_BOOK } from '../../../cards/verbs';

const eventData = z.strictObject({ eventId: eventIdSchema });
/** The card's data plus the form's inputs (checked by the booking rules, so problems show beside each field). */
const colleagueData = z.strictObject({
  eventId: eventIdSchema,
  name: z.unknown().optional(),
  email: z.unknown().optional(),
  role: z.unknown().optional(),
  school: z.unknown().optional(),
  needs: z.unknown().optional(),
});
const remindData = z.strictObject({ eventId: eventIdSchema, remind: z.boolean() });

const FIELDS: readonly (keyof ColleagueFormValues)[] = ['name', 'email', 'role', 'school', 'needs'];
const asText = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 2000) : '');

export type ColleagueRouteDeps = WorkshopsDeps & NotifyDeps & { conversations: ConversationStore };

/**
 * Booking a place for a named colleague (the head's "Book for a colleague"), and
 * "Remind me to book" on a workshop card. The colleague is told in Teams after the answer,
 * when the bot can reach them, so the head is not kept waiting.
 */
export function workshopColleagueRoutes(deps: ColleagueRouteDeps): RouteModule {
  const own = (turn: Turn) => ({ refreshUserIds: [turn.actor().teamsUserId] });
  return {
    actions: [
      cardAction(WORKSHOP_COLLEAGUE_FORM, eventData, async (_turn, { eventId }) => renderColleagueBookingForm(await requireWorkshop(deps, eventId))),
      cardAction(WORKSHOP_BOOK_COLLEAGUE, colleagueData, async (turn, data) => {
        const actor = turn.actor();
        const values = Object.fromEntries(FIELDS.map((f) => [f, asText(data[f])])) as ColleagueFormValues;
        try {
          const booked = await bookForColleague(deps, actor, data.eventId, values);
          if (booked.reachableId) tellColleague(deps, turn.log, booked, actor.name);
          return renderWorkshopCard(await viewWorkshop(deps, actor, booked.view.workshop), { ...own(turn), banner: bookedBanner(booked), bannerTone: 'good' });
        } catch (error) {
          const fields = isDomainError(error) && error.code === 'invalid_input' ? (error.details.fields ?? []) : [];
          if (!fields.length || !fields.every((f) => FIELDS.includes(f.field as keyof ColleagueFormValues))) throw error;
          return renderColleagueBookingForm(await requireWorkshop(deps, data.eventId), { values, problems: fields });
        }
      }),
      cardAction(WORKSHOP_REMIND_TO_BOOK, remindData, async (turn, { eventId, remind }) => {
        const view = await setRemindToBook(deps, turn.actor(), eventId, remind);
        return renderWorkshopCard(view, { ...own(turn), banner: remind ? 'Reminder set.' : 'No reminder to book will come.', bannerTone: 'good' });
      }),
    ],
  };
}

function bookedBanner({ outcome, colleague, reachableId }: ColleagueBooking): string {
  const told = reachableId ? 'We are letting them know in Teams.' : 'The bot cannot reach them in Teams (they have not added it), so please let them know.';
  if (outcome === 'booked') return `Booked a place for ${colleague.name}. ${told}`;
  if (outcome === 'waitlisted') return `The workshop is full, so ${colleague.name} is on the waiting list. ${told}`;
  return `${colleague.name} already has a place (or a place on the waiting list), so nothing changed.`;
}

/** The colleague's own card, with who booked it for them; a failure is logged (without content), not the head's problem. */
function tellColleague(deps: ColleagueRouteDeps, log: Logger, booked: ColleagueBooking, booker: string | undefined): void {
  const colleagueId = booked.reachableId;
  if (!colleagueId) return;
  const send = async () => {
    const view = await viewWorkshop(deps, { aadObjectId: colleagueId, teamsUserId: '' }, booked.view.workshop);
    const text = `${booker ?? 'A colleague'} booked you a place at ${view.workshop.title}.`;
    const chat = await deps.conversations.findPersonal(colleagueId);
    const card = renderWorkshopCard(view, { refreshUserIds: chat?.reference.user ? [chat.reference.user.id] : [], banner: text, bannerTone: 'good' });
    await notifyPerson(deps, colleagueId, { text, cards: [card] });
  };
  void send().catch((error: unknown) => log.warn({ err: error }, 'telling a colleague of their booking failed'));
}
