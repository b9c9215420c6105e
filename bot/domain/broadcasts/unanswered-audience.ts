import { z } from 'zod/v4';
import { eventIdSchema } from '../events/event';
import type { AudienceDeps, AudienceType } from './audience-types';
import { toRecipient } from './recipients';
import { fieldProblem } from './compose';

const UNANSWERED = 'event-unanswered';
const spec = z.object({ kind: z.literal(UNANSWERED), eventId: eventIdSchema });

/**
 * "People who have not answered this event yet": everyone with the bot in a personal
 * chat who has given the event being sent no answer (Going, Maybe or Can't go) and holds
 * no place or waiting list place at it. Read when the broadcast goes, not when it is
 * previewed, so someone who answers in between is not asked again.
 */
export const eventUnanswered: AudienceType = {
  kind: UNANSWERED,
  label: 'People who have not answered this event yet (personal chats)',
  fromForm: async (form, deps) => {
    if (form.content !== 'event' || !form.eventId) throw fieldProblem('audience', 'send an event to reach the people who have not answered it');
    const eventId = eventIdSchema.safeParse(form.eventId);
    if (!eventId.success || !(await deps.events.getEvent(eventId.data))) throw fieldProblem('audience', 'that event is not in the programme');
    return { kind: UNANSWERED, eventId: eventId.data };
  },
  describe: async (stored, deps) => {
    const { eventId } = spec.parse(stored);
    const event = await deps.events.getEvent(eventId);
    return `people with the bot who have not answered "${event?.title ?? eventId}" yet`;
  },
  resolve: async (stored, deps) => ({ recipients: (await notAnswered(deps, spec.parse(stored).eventId)).map(toRecipient), unreachable: 0 }),
};

async function notAnswered(deps: AudienceDeps, eventId: string) {
  const [chats, rsvps, ledger] = await Promise.all([deps.conversations.listActive('personal'), deps.events.listRsvpsOfEvent(eventId), deps.workshops.getLedger(eventId)]);
  const answered = new Set([
    ...rsvps.map((r) => r.userId.toLowerCase()),
    ...(ledger?.entries ?? []).filter((e) => e.status !== 'cancelled').map((e) => e.userId.toLowerCase()),
  ]);
  return chats.filter((chat) => !chat.userAadObjectId || !answered.has(chat.userAadObjectId.toLowerCase()));
}
