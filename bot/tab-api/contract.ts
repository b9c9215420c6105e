/**
 * What /api/tab/ answers, as the tab (tab/src) reads it: plain JSON, dates already in
 * London words where people read them (bot/domain/time.ts), UTC ISO strings where the
 * page sorts. Type-only: the tab imports these types and nothing else from bot/.
 */
import type { FieldProblem } from '../domain/errors';
import type { FieldSpec } from '../domain/forms';

export interface TabError {
  code: string;
  message: string;
  hint?: string;
  fields?: FieldProblem[];
}

export interface Me {
  name?: string;
  organiser: boolean;
  /** Task groups this person leads (organisers lead every group). */
  leads: { id: string; name: string }[];
  local: boolean;
}

export interface LocalPerson {
  id: string;
  name: string;
  role: string;
}

export interface WeekFigure {
  week: string;
  /** "w/c 6 May" */
  label: string;
  count: number;
}

export interface EventRow {
  id: string;
  kind: 'event' | 'workshop';
  title: string;
  startsAt: string;
  when: string;
  where: string;
  series?: string;
  flourish?: string;
  /** A draft is an organiser's, not yet posted (the programme shows organisers only). */
  status: 'draft' | 'scheduled' | 'cancelled';
  past: boolean;
  counts?: { going: number; maybe: number; notGoing: number };
  places?: { capacity: number; booked: number; waiting: number; closed: boolean };
}

export interface Programme {
  rows: EventRow[];
  total: number;
  page: number;
  pageSize: number;
  series: string[];
  flourish: string[];
}

export interface AttendeeDto {
  bookingId: string;
  status: 'booked' | 'waitlisted' | 'cancelled';
  position?: number;
  name: string;
  role: string;
  school: string;
  needs: string;
  requestedAt: string;
  told?: string;
}

export interface EventPeople {
  event: EventRow;
  /** Events: names by answer (organisers only, as everything here). */
  answers?: { going: string[]; maybe: string[]; notGoing: string[] };
  /** Workshops: booked, then the waiting list in order, then cancellations. */
  attendees?: AttendeeDto[];
  overTime: WeekFigure[];
  /** A message for the page after a change ("2 people move up from the waiting list"). */
  banner?: string;
}

export interface FormDto {
  kind: string;
  id?: string;
  heading: string;
  fields: readonly FieldSpec[];
  values: Record<string, string>;
}

export interface Choice {
  value: string;
  title: string;
}

export interface DeliveryFigures {
  total: number;
  delivered: number;
  /** Not tried yet. */
  waiting: number;
  /** Failed for a passing reason (Teams busy or unavailable): tried again after a back-off. */
  retrying: number;
  failed: number;
  blocked: number;
  /** People the bot could not open a chat with (why: BroadcastDto.unreachableWhy). */
  unreachable: number;
  /** Of the delivered, copies sent in a chat the bot opened for the person. */
  opened: number;
}

export interface BroadcastDto {
  id: string;
  title: string;
  audienceText: string;
  status: string;
  withdrawn: boolean;
  /** A send scheduled and not gone yet: when it goes, London time. */
  scheduledFor?: string;
  createdAt: string;
  when: string;
  unreachable: number;
  /** Why people could not be reached, in people's words with a count each. */
  unreachableWhy: string[];
  figures: DeliveryFigures;
  failures: { state: string; reason: string; count: number }[];
  running: boolean;
}

export interface Broadcasts {
  recent: BroadcastDto[];
  choices: Record<'contents' | 'audiences' | 'events' | 'channels' | 'answers' | 'calls' | 'taskGroups' | 'teams' | 'deadlines', Choice[]>;
}

export interface BroadcastSample {
  title: string;
  audienceText: string;
  recipients: number;
  /** Of the recipients, people the bot will open a chat with. */
  opens: number;
  unreachable: number;
  /** Where the copies go, in one sentence (a chat they have, one the bot opens, nowhere and why). */
  reach: string;
  card: unknown;
}

export interface ContributionDto {
  id: string;
  callId: string;
  callTitle: string;
  kind: string;
  kindLabel: string;
  author: string;
  sentAt: string;
  when: string;
  used: boolean;
  answers: { label: string; text: string }[];
}

export interface GroupWorkspace {
  group: { id: string; name: string; purpose?: string };
  calls: Choice[];
  kinds: Choice[];
  contributions: ContributionDto[];
  total: number;
  members: { name: string; joined: string }[];
  membersOverTime: WeekFigure[];
  contributionsPerWeek: WeekFigure[];
}

export interface DeadlineDto {
  id: string;
  title: string;
  /** "Closes <London date and time>", or that an open offer has no closing date. */
  closes: string;
  state: string;
  following: number;
  responded: number;
  reminders: { days: number; due: string; state: string; sent?: number; failed?: number; note?: string }[];
}

export interface MinePage {
  events: { id: string; title: string; when: string; answer: string }[];
  bookings: { id: string; title: string; when: string; status: string; position?: number }[];
}
