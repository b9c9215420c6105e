import { z } from 'zod/v4';
import type { AudienceType } from '../broadcasts/audience-types';
import type { ContentType, PreparedContent } from '../broadcasts/content-types';
import { deadlineIdSchema } from '../deadlines/deadline';
import { eventIdSchema, type NlcEvent } from '../events/event';
import { emptyCounts, type RsvpResponse } from '../events/rsvp';
import type { CardJson } from '../messaging';
import { asWorkshop } from '../workshops/workshop';
import { peopleComingTo, peopleFollowing, reachable } from './people';
import { overReason } from './schedule';
import { gone, notComposable, personalReminder, type ReminderKindDeps, timing, workshopCardFor } from './reminder-content';
import { bookingReminderAudience, bookingReminderContent } from './booking-types';
import { DEADLINE_REMINDER, deadlineSubject, EVENT_REMINDER, eventSubject } from './reminders';

/**
 * The audience and content types reminders go out as (one broadcast per due reminder,
 * queued by planner.ts): the people coming to an event, or who asked to be reminded of a
 * deadline or to book a workshop (booking-types.ts). Not offered to organisers.
 */

const eventSpec = z.object({ eventId: eventIdSchema });
const deadlineSpec = z.object({ deadlineId: deadlineIdSchema });

async function eventReminder(deps: ReminderKindDeps, event: NlcEvent): Promise<PreparedContent> {
  const now = deps.clock.now();
  const text = deps.cards.eventReminderText(event, now);
  let cardFor: (aadId: string | undefined, teamsId: string[]) => CardJson;
  if (event.kind === 'workshop') {
    cardFor = await workshopCardFor(deps, asWorkshop(event), now);
  } else {
    const rsvps = await deps.events.listRsvpsOfEvent(event.id);
    const counts = emptyCounts();
    const answers = new Map<string, RsvpResponse>();
    for (const r of rsvps) {
      counts[r.response]++;
      answers.set(r.userId, r.response);
    }
    cardFor = (aadId, teamsId) => deps.cards.event({ event, counts, myResponse: aadId ? answers.get(aadId) : undefined, now }, teamsId);
  }
  return personalReminder({ title: event.title, version: event.sequence, text, cardFor }, timing(deps, overReason(eventSubject(event), now), now));
}

const eventReminderContent = (deps: ReminderKindDeps): ContentType => ({
  kind: EVENT_REMINDER,
  label: 'Event reminder',
  composable: false,
  fromForm: notComposable,
  prepare: async (spec) => {
    const event = await deps.events.getEvent(eventSpec.parse(spec).eventId);
    return event ? eventReminder(deps, event) : gone(deps.cards, 'The event');
  },
  eventIdOf: (spec) => eventSpec.safeParse(spec).data?.eventId,
});

const deadlineReminderContent = (deps: ReminderKindDeps): ContentType => ({
  kind: DEADLINE_REMINDER,
  label: 'Deadline reminder',
  composable: false,
  fromForm: notComposable,
  prepare: async (spec) => {
    const deadline = await deps.deadlines.getDeadline(deadlineSpec.parse(spec).deadlineId);
    if (!deadline) return gone(deps.cards, 'The deadline');
    const now = deps.clock.now();
    const follows = new Map((await deps.deadlines.listFollows(deadline.id)).map((f) => [f.userId, f]));
    const cardFor = (aadId: string | undefined, teamsId: string[]) => deps.cards.deadline({ deadline, mine: aadId ? follows.get(aadId) : undefined, now }, teamsId);
    const text = deps.cards.deadlineReminderText(deadline, now);
    return personalReminder({ title: deadline.title, version: deadline.sequence, text, cardFor }, timing(deps, overReason(deadlineSubject(deadline), now), now));
  },
});

const eventReminderAudience = (deps: ReminderKindDeps): AudienceType => ({
  kind: EVENT_REMINDER,
  label: 'People coming to an event',
  composable: false,
  fromForm: notComposable,
  describe: async (spec) => {
    const event = await deps.events.getEvent(eventSpec.parse(spec).eventId);
    return `people coming to "${event?.title ?? 'an event'}"`;
  },
  resolve: async (spec, reach) => {
    const event = await deps.events.getEvent(eventSpec.parse(spec).eventId);
    return event ? reachable(reach, await peopleComingTo(deps, event)) : { recipients: [], unreachable: 0 };
  },
});

const deadlineReminderAudience = (deps: ReminderKindDeps): AudienceType => ({
  kind: DEADLINE_REMINDER,
  label: 'People who asked to be reminded of a deadline',
  composable: false,
  fromForm: notComposable,
  describe: async (spec) => {
    const deadline = await deps.deadlines.getDeadline(deadlineSpec.parse(spec).deadlineId);
    return `people who asked to be reminded of "${deadline?.title ?? 'a deadline'}"`;
  },
  // Reached through the broadcast job's own deps (`reach`): the connector's rosters and any Graph install.
  resolve: async (spec, reach) => reachable(reach, await peopleFollowing(deps, deadlineSpec.parse(spec).deadlineId)),
});

/** The broadcast types reminders need, to add to the catalogue (bot/start.ts). */
export function reminderKinds(deps: ReminderKindDeps): { audiences: AudienceType[]; contents: ContentType[] } {
  return {
    audiences: [eventReminderAudience(deps), deadlineReminderAudience(deps), bookingReminderAudience(deps)],
    contents: [eventReminderContent(deps), deadlineReminderContent(deps), bookingReminderContent(deps)],
  };
}
