import { randomUUID } from 'node:crypto';
import { z } from 'zod/v4';
import type { Actor } from '../actor';
import type { ConversationStore } from '../conversations/ports';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import { bookingFormSchema, ROLE_KEYS } from './booking-form';
import { newCalendarToken } from './calendar-links';
import { tooManyChangesError } from './entry-history';
import { activeEntryOf, type BookingEntry, type Ledger } from './ledger';
import type { WorkshopStore } from './ports';
import { type BookingResult, requireWorkshop, workshopView, type WorkshopsDeps } from './service';
import { assertCanBook } from './workshop';

/**
 * A head booking a place for a named colleague (name, role, school, email). The place is
 * the colleague's: one entry per attendee, whoever clicked, so their own Book later finds
 * it, and it counts once. When the colleague has the bot in a personal chat (found by the
 * email Teams gave when they added it) the entry is theirs by Entra object id and they are
 * told; otherwise it is kept under their email, and the head is asked to tell them. The
 * head can cancel it (ledger-changes.ts: cancelEntry).
 */
export const colleagueFormSchema = bookingFormSchema.extend({
  role: z.enum(ROLE_KEYS, { error: "Choose your colleague's role from the list." }),
  name: z
    .string({ error: "Enter your colleague's name." })
    .trim()
    .min(2, "Enter your colleague's name.")
    .max(120, 'Keep the name to 120 characters.'),
  email: z
    .email({ error: "Enter your colleague's work email address, like name@school.norfolk.sch.uk." })
    .max(200, 'Keep the email address to 200 characters.')
    .transform((email) => email.toLowerCase()),
});
export type ColleagueForm = z.infer<typeof colleagueFormSchema>;
/** The form's inputs as typed, to show them again beside their problems. */
export type ColleagueFormValues = Record<keyof ColleagueForm, string>;

/** The key of a colleague the bot does not know in Teams: their email (forget person finds them by it). */
export const colleagueKey = (email: string): string => `email:${email.toLowerCase()}`;
export const colleagueKeySchema = z.string().max(210).regex(/^email:[^@\s]+@[^@\s]+$/, 'not a colleague booked by email');

export interface ColleagueDeps extends WorkshopsDeps {
  conversations: Pick<ConversationStore, 'findPersonalByEmail'>;
}

export interface ColleagueBooking extends BookingResult {
  entry?: BookingEntry;
  colleague: { name: string; email: string };
  /** Their Entra object id when the bot can message them in a personal chat. */
  reachableId?: string;
}

export async function bookForColleague(deps: ColleagueDeps, actor: Actor, eventId: string, values: unknown): Promise<ColleagueBooking> {
  const workshop = await requireWorkshop(deps, eventId);
  const now = deps.clock.now();
  assertCanBook(workshop, now);
  const form = parseInput(colleagueFormSchema, values, 'booking form');
  const chat = await deps.conversations.findPersonalByEmail(form.email);
  const attendee = chat?.userAadObjectId ?? colleagueKey(form.email);
  if (attendee === actor.aadObjectId) {
    throw new DomainError('invalid_input', 'That is your own email.', { fields: [{ field: 'email', message: 'That is you: use Book a place on the workshop card for your own place.' }] });
  }
  const { name, email, ...details } = form;
  const decision = await deps.workshops.book({
    eventId,
    initialCapacity: workshop.booking.capacity,
    eventEndsAt: workshop.endsAt,
    userId: attendee,
    name,
    email,
    bookedBy: { userId: actor.aadObjectId, ...(actor.name ? { name: actor.name } : {}) },
    form: details,
    at: now.toISOString(),
    bookingId: randomUUID(),
    calendarTokenHash: newCalendarToken().hash,
  });
  if (decision.kind === 'busy') throw tooManyChangesError();
  if (decision.kind === 'closed') assertCanBook(workshop, now, true);
  const view = workshopView(workshop, decision.ledger, actor.aadObjectId, now, deps.links);
  return {
    view,
    outcome: decision.kind === 'closed' ? 'existing' : decision.kind,
    ...(decision.kind !== 'closed' ? { entry: decision.entry } : {}),
    colleague: { name, email },
    ...(chat && decision.kind !== 'existing' ? { reachableId: attendee } : {}),
  };
}

/** The entries kept under a colleague's email, now under their Entra object id; undefined when there are none, or they hold a place of their own already. */
export function claimEntries(ledger: Ledger | undefined, key: string, userId: string): Ledger | undefined {
  if (!ledger || activeEntryOf(ledger, userId) || !ledger.entries.some((e) => e.userId === key)) return undefined;
  return { ...ledger, entries: ledger.entries.map((e) => (e.userId === key ? { ...e, userId } : e)) };
}

/**
 * When someone adds the bot, places a colleague booked for their email before then become
 * theirs by Entra object id, so their own Book, "my bookings" and Cancel find them (one
 * entry per attendee). How many workshops changed.
 */
export async function claimPlacesBookedByEmail(deps: { workshops: Pick<WorkshopStore, 'workshopsOfUser' | 'updateLedger'> }, userId: string, email: string): Promise<number> {
  const key = colleagueKey(email);
  const workshops = await deps.workshops.workshopsOfUser(key);
  let claimed = 0;
  for (const eventId of workshops) {
    const changed = await deps.workshops.updateLedger(eventId, (current) => {
      const next = claimEntries(current, key, userId);
      return { next, result: next !== undefined };
    });
    if (changed) claimed++;
  }
  return claimed;
}
