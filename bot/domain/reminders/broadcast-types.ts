import { z } from 'zod/v4';
import type { Clock } from '../../clock';
import type { AudienceType } from '../broadcasts/audience-types';
import type { Recipient } from '../broadcasts/broadcast';
import type { ContentType, PreparedContent } from '../broadcasts/content-types';
import { refreshIdsOf } from '../broadcasts/recipients';
import type { ContentCards } from '../broadcasts/ports';
import { deadlineIdSchema } from '../deadlines/deadline';
import { DomainError } from '../errors';
import { eventIdSchema, type NlcEvent } from '../events/event';
import { emptyCounts, type RsvpResponse } from '../events/rsvp';
import type { CardJson } from '../messaging';
import type { DownloadLinks } from '../workshops/ports';
import { asWorkshop } from '../workshops/workshop';
import { workshopView } from '../workshops/service';
import { type PeopleDeps, peopleComingTo, peopleFollowing, reachable } from './people';
import { civilHours, nextCivilStart, overReason } from './schedule';
import { DEADLINE_REMINDER, deadlineSubject, EVENT_REMINDER, eventSubject } from './reminders';

/**
 * Reminders are sent as broadcasts (bot/jobs/broadcasts: paced by the process's one rate
 * limiter, each copy claimed and recorded, resumed after a crash), one broadcast per due
 * reminder. These are their audience and content types: not offered to organisers.
 */
export interface ReminderKindDeps extends PeopleDeps {
  clock: Clock;
  links: DownloadLinks;
  /** London "HH:MM" reminders go out at (REMINDER_TIME). */
  reminderTime: string;
  cards: ContentCards;
}

const eventSpec = z.object({ eventId: eventIdSchema });
const deadlineSpec = z.object({ deadlineId: deadlineIdSchema });

/** Its subject has gone from the store: nothing more is posted, and the broadcast winds down. */
const gone = (cards: ContentCards, what: string): PreparedContent => {
  const card = cards.reminderGone(what);
  return { title: 'Reminder', version: Number.MAX_SAFE_INTEGER, sample: card, messageFor: () => ({ cards: [card] }), expired: `${what.toLowerCase()} is no longer listed` };
};

/** Who is reached in a personal chat; the card refreshes there to that person's own state. */
export const userOf = (recipient: Pick<Recipient, 'reference'>): { teamsId: string[]; aadId: string | undefined } => ({
  teamsId: refreshIdsOf({ scope: 'personal', reference: recipient.reference }),
  aadId: recipient.reference.user?.aadObjectId?.toLowerCase(),
});

/** When a reminder found outside the civil hours (a restart at night) may go. */
function timing(deps: ReminderKindDeps, over: string | undefined, now: Date): Pick<PreparedContent, 'expired' | 'notBefore'> {
  if (over) return { expired: over };
  const opens = nextCivilStart(now, civilHours(deps.reminderTime));
  return opens > now ? { notBefore: opens } : {};
}

async function eventReminder(deps: ReminderKindDeps, event: NlcEvent): Promise<PreparedContent> {
  const now = deps.clock.now();
  const text = deps.cards.eventReminderText(event, now);
  let cardFor: (aadId: string | undefined, teamsId: string[]) => CardJson;
  if (event.kind === 'workshop') {
    const workshop = asWorkshop(event);
    const ledger = await deps.workshops.getLedger(event.id);
    cardFor = (aadId, teamsId) => deps.cards.workshop(workshopView(workshop, ledger, aadId, now, deps.links), teamsId);
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

/** A reminder's content: the line above, and the card as the person it goes to sees it. */
function personalReminder(
  what: { title: string; version: number; text: string; cardFor: (aadId: string | undefined, teamsId: string[]) => CardJson },
  when: Pick<PreparedContent, 'expired' | 'notBefore'>,
): PreparedContent {
  return {
    title: `Reminder: ${what.title}`,
    version: what.version,
    sample: what.cardFor(undefined, []),
    messageFor: (recipient) => {
      const { aadId, teamsId } = userOf(recipient);
      return { text: what.text, cards: [what.cardFor(aadId, teamsId)] };
    },
    ...when,
  };
}

/** Reminders are not offered to organisers: the bot queues them itself (planner.ts). */
const notComposable = () => Promise.reject(new DomainError('invalid_input', 'Reminders are sent by the bot on their own.'));

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
    audiences: [eventReminderAudience(deps), deadlineReminderAudience(deps)],
    contents: [eventReminderContent(deps), deadlineReminderContent(deps)],
  };
}
