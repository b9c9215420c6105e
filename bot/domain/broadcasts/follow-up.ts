import { z } from 'zod/v4';
import type { Actor } from '../actor';
import { DomainError, isDomainError } from '../errors';
import { hasStarted, type NlcEvent } from '../events/event';
import type { FieldSpec } from '../forms';
import { checkForm } from '../forms';
import type { StatusMessage } from './broadcast';
import { derivedBroadcastId } from './catalogue';
import { type BroadcastDeps, type BroadcastReport, createBroadcast, reportOf, WHAT } from './service';
import { assertOrganiser } from '../organisers';

/**
 * After an event, an organiser's follow-up ("Resources and recordings are now published")
 * to the people who said Going (or held a place, at a workshop): an announcement sent like
 * any broadcast (paced, recorded, resumed after a restart), queued at once from its form.
 */
export const FOLLOW_UP_FIELDS: readonly FieldSpec[] = [
  { kind: 'text', id: 'title', label: 'Title', required: true, minLength: 3, maxLength: 140 },
  { kind: 'text', id: 'text', label: 'Message', required: true, minLength: 3, maxLength: 1800, multiline: true },
  { kind: 'url', id: 'link', label: 'Link (optional: where the resources and recordings are)', required: false, placeholder: 'https://' },
];

/** What the form starts with. */
export const followUpDefaults = (event: NlcEvent): Record<string, string> => ({
  title: `${event.title}: resources and recordings`.slice(0, 140),
  text: 'Thank you for coming. Resources and recordings are now published.',
});

/** An announcement's text holds at most this (content-types.ts). */
const MAX_ANNOUNCEMENT = 2000;

/** Who a follow-up goes to: said Going, or held a place. */
const ANSWERS = ['going', 'booked'] as const;

/** The event a follow-up is about: it must exist and have taken place (or be under way). */
export async function eventToFollowUp(deps: BroadcastDeps, actor: Actor, eventId: string): Promise<NlcEvent> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const event = await deps.events.getEvent(eventId);
  if (!event) throw new DomainError('not_found', 'That event is not in the NLC programme.', { hint: 'Type "who is coming" to pick one.' });
  if (event.status === 'cancelled' || !hasStarted(event, deps.clock.now())) {
    throw new DomainError('closed', `A follow-up goes after "${event.title}" has taken place.`, { hint: 'Send a broadcast to people coming to it instead: type "broadcast".' });
  }
  return event;
}

/**
 * Queues the follow-up. `request` names the click (the card it was on), so a repeat of the
 * same click finds the broadcast it made and nobody is told twice.
 */
export async function sendFollowUp(deps: BroadcastDeps, actor: Actor, eventId: string, submitted: Record<string, unknown>, statusMessage: StatusMessage | undefined, request: string): Promise<BroadcastReport> {
  const event = await eventToFollowUp(deps, actor, eventId);
  const checked = checkForm(FOLLOW_UP_FIELDS, submitted);
  if (!checked.ok) throw new DomainError('invalid_input', 'Some answers need another look; nothing was sent.', { fields: checked.problems });
  const { title, text, link } = z.object({ title: z.string(), text: z.string(), link: z.string().optional() }).parse(checked.values);
  const body = link ? `${text}\n\n${link}` : text;
  const linkProblem = link && !link.startsWith('https://') ? 'Please give the https:// link.' : body.length > MAX_ANNOUNCEMENT ? 'Please use a shorter link, or a shorter message.' : undefined;
  if (linkProblem) throw new DomainError('invalid_input', 'Some answers need another look; nothing was sent.', { fields: [{ field: 'link', message: linkProblem }] });
  const id = derivedBroadcastId('f', event.id, actor.aadObjectId, request);
  const sent = await deps.broadcasts.get(id);
  if (sent) return reportOf(deps, sent);
  const contentType = deps.contents.get('announcement');
  const audienceType = deps.audiences.get('event-answers');
  if (!contentType || !audienceType) throw new DomainError('closed', 'Follow-ups are not set up in this bot.');
  try {
    const { broadcast } = await createBroadcast(
      deps,
      actor,
      { content: { kind: 'announcement', title, text: body }, contentType, audience: { kind: 'event-answers', eventId: event.id, answers: [...ANSWERS] }, audienceType },
      { statusMessage },
      id,
    );
    return await reportOf(deps, broadcast);
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid_input' && error.details.fields?.[0]?.field === 'audience') {
      throw new DomainError('closed', `Nobody who said Going to "${event.title}" can be reached in Teams, so there is no one to send to.`);
    }
    throw error;
  }
}
