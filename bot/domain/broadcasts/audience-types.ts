import { z } from 'zod/v4';
import type { InstalledConversation } from '../conversations/conversation';
import type { ReachDeps } from '../conversations/personal-chats';
import { eventIdSchema } from '../events/event';
import type { EventStore } from '../events/ports';
import type { RosterStore } from '../rosters/ports';
import type { TaskGroupStore } from '../task-groups/ports';
import type { WorkshopStore } from '../workshops/ports';
import type { AudienceSpec } from './broadcast';
import { type ComposeForm, fieldProblem } from './compose';
import { taskGroupMembers, teamMembers } from './people-audiences';
import { type AudienceResolution, recipientsOfPeople, toRecipient } from './recipients';
import { parseInput } from '../validation';

export type { AudienceResolution };

/**
 * Who a broadcast goes to. Each audience type reads its choices from the compose form,
 * says in words who that is, and lists the conversations to post to. Features add
 * their own (booked and waitlisted people with bookings, a task group's members) by
 * adding a type to `defaultAudienceTypes`.
 */
export interface AudienceDeps extends ReachDeps {
  events: EventStore;
  workshops: WorkshopStore;
  taskGroups: TaskGroupStore;
  rosters: Pick<RosterStore, 'membershipsOf' | 'membersOf' | 'getRoster'>;
}

export interface AudienceType {
  kind: string;
  /** As the compose card offers it. */
  label: string;
  /** Offered to organisers (default); false for audiences the bot uses by itself (reminders). */
  composable?: boolean;
  /** Reads this audience from the form; throws `invalid_input` naming the field at fault. */
  fromForm(form: ComposeForm, deps: AudienceDeps): Promise<AudienceSpec>;
  /** "everyone with the bot in a personal chat" */
  describe(spec: AudienceSpec, deps: AudienceDeps): Promise<string>;
  resolve(spec: AudienceSpec, deps: AudienceDeps): Promise<AudienceResolution>;
}

/** How organisers see a channel: "Team › Channel". */
export const channelLabel = (c: InstalledConversation): string =>
  `${c.teamName ?? 'Team'} › ${c.channelName ?? (c.channelId && c.channelId === c.teamId ? 'General' : 'Channel')}`;

const everyonePersonal: AudienceType = {
  kind: 'personal',
  label: 'Everyone who has the bot (personal chats)',
  fromForm: () => Promise.resolve({ kind: 'personal' }),
  describe: () => Promise.resolve('everyone who has the bot in a personal chat'),
  resolve: async (_spec, deps) => ({ recipients: (await deps.conversations.listActive('personal')).map(toRecipient), unreachable: 0 }),
};

const everyChannel: AudienceType = {
  kind: 'channels',
  label: 'Every team channel the bot is in',
  fromForm: () => Promise.resolve({ kind: 'channels' }),
  describe: () => Promise.resolve('every team channel the bot is in'),
  resolve: async (_spec, deps) => ({ recipients: (await deps.conversations.listActive('channel')).map(toRecipient), unreachable: 0 }),
};

const oneChannelSpec = z.object({ kind: z.literal('channel'), conversationId: z.string().min(1).max(400) });

async function activeChannel(deps: AudienceDeps, conversationId: string): Promise<InstalledConversation | undefined> {
  const found = await deps.conversations.get(conversationId);
  return found && found.active && found.scope === 'channel' ? found : undefined;
}

const oneChannel: AudienceType = {
  kind: 'channel',
  label: 'One channel',
  fromForm: async (form, deps) => {
    if (!form.channel) throw fieldProblem('channel', 'choose the channel to post in');
    if (!(await activeChannel(deps, form.channel))) throw fieldProblem('channel', 'the bot is no longer in that channel');
    return { kind: 'channel', conversationId: form.channel };
  },
  describe: async (spec, deps) => {
    const channel = await activeChannel(deps, oneChannelSpec.parse(spec).conversationId);
    return channel ? `the channel ${channelLabel(channel)}` : 'a channel the bot has left';
  },
  resolve: async (spec, deps) => {
    const channel = await activeChannel(deps, oneChannelSpec.parse(spec).conversationId);
    return { recipients: channel ? [toRecipient(channel)] : [], unreachable: 0 };
  },
};

/** The answers an "event answers" audience can pick: RSVPs to events, places at workshops. */
export const EVENT_ANSWERS = ['going', 'maybe', 'booked', 'waitlisted'] as const;
export type EventAnswer = (typeof EVENT_ANSWERS)[number];
export const EVENT_ANSWER_CHOICES: readonly { value: EventAnswer; title: string }[] = [
  { value: 'going', title: 'Going' },
  { value: 'maybe', title: 'Maybe' },
  { value: 'booked', title: 'Booked (workshops)' },
  { value: 'waitlisted', title: 'On the waiting list (workshops)' },
];

const eventAnswersSpec = z.object({
  kind: z.literal('event-answers'),
  eventId: eventIdSchema,
  answers: z.array(z.enum(EVENT_ANSWERS)).min(1),
});
type EventAnswersSpec = z.infer<typeof eventAnswersSpec>;

/** The same rules under the form's own field names, so each problem lands beside its input. */
const eventAnswersForm = z.object({
  answersEventId: z.string({ message: 'choose the event' }).min(1, 'choose the event').pipe(eventIdSchema),
  answers: z.array(z.enum(EVENT_ANSWERS)).min(1, 'choose at least one answer'),
});

/** Everyone who gave one of `answers` to the event (or holds such a place at a workshop), each reached personally. */
export async function peopleWhoAnswered(deps: AudienceDeps, eventId: string, answers: readonly EventAnswer[]): Promise<AudienceResolution> {
  const wantsPlaces = answers.includes('booked') || answers.includes('waitlisted');
  const [rsvps, ledger] = await Promise.all([deps.events.listRsvpsOfEvent(eventId), wantsPlaces ? deps.workshops.getLedger(eventId) : undefined]);
  const people = new Set([
    ...rsvps.filter((r) => (answers as readonly string[]).includes(r.response)).map((r) => r.userId),
    ...(ledger?.entries ?? []).filter((e) => (answers as readonly string[]).includes(e.status)).map((e) => e.userId),
  ]);
  return recipientsOfPeople(deps, [...people]);
}

const eventAnswers: AudienceType = {
  kind: 'event-answers',
  label: 'People who answered an event (choose which answers next)',
  fromForm: async (form, deps) => {
    const input = parseInput(eventAnswersForm, {
      answersEventId: form.answersEventId ?? '',
      answers: (form.answers ?? '').split(',').filter(Boolean),
    }, 'form');
    if (!(await deps.events.getEvent(input.answersEventId))) throw fieldProblem('answersEventId', 'that event is not in the programme');
    const spec: EventAnswersSpec = { kind: 'event-answers', eventId: input.answersEventId, answers: input.answers };
    return spec;
  },
  describe: async (spec, deps) => {
    const { eventId, answers } = eventAnswersSpec.parse(spec);
    const event = await deps.events.getEvent(eventId);
    const said = answers.map((a) => EVENT_ANSWER_CHOICES.find((c) => c.value === a)?.title ?? a).join(' or ');
    return `people who said ${said} to "${event?.title ?? eventId}"`;
  },
  resolve: (spec, deps) => {
    const { eventId, answers } = eventAnswersSpec.parse(spec);
    return peopleWhoAnswered(deps, eventId, answers);
  },
};

export const defaultAudienceTypes = (): AudienceType[] => [everyonePersonal, everyChannel, oneChannel, teamMembers, eventAnswers, taskGroupMembers];
