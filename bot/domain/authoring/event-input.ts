import { z } from 'zod/v4';
import type { FieldProblem } from '../errors';
import { eventSchema, type NlcEvent } from '../events/event';
import type { FlourishTag } from '../flourish';
import { slug } from '../slug';
import { formatTime, londonDate } from '../time';
import { eventTimes } from '../events/when';
import { deadlineFromDate } from '../workshops/terms';

/**
 * An event as organisers write it, in a form or in a row of a programme file: a London
 * date and wall-clock times, a venue or a Teams link. Both ways in are checked by the
 * same rules here, and each problem names the field it belongs to (the form's input id).
 */
export interface EventInput {
  title: string;
  summary?: string;
  /** London calendar date, "YYYY-MM-DD". */
  date: string;
  /** London wall-clock times, "HH:MM"; both absent when the time is to be confirmed. */
  start?: string;
  end?: string;
  where: 'online' | 'venue';
  joinUrl?: string;
  venue?: string;
  address?: string;
  audience: string;
  flourish?: FlourishTag;
  series?: string;
  /** Booked elsewhere (e.g. Eventbrite), and its brochure: buttons on the card. */
  bookingUrl?: string;
  brochureUrl?: string;
  reminderDays?: number[];
  /** Present for a workshop: places, the last day to book, who organises it. */
  booking?: { capacity: number; bookBy: string; organiserName: string; organiserEmail: string };
}

export interface RuleContext {
  now: Date;
  /** Editing: the event as it is; a start that does not move may already be past. */
  current?: NlcEvent;
  /** Editing a workshop: places already taken, which the capacity may not go below. */
  booked?: number;
}

const email = z.email();

/** Everything wrong with an event as written, each problem beside its field. */
export function eventInputProblems(input: EventInput, context: RuleContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string): void => void problems.push({ field, message });
  if (!input.start !== !input.end) problem(input.start ? 'end' : 'start', 'Give both times, or neither when the time is to be confirmed.');
  else if (input.start && input.end && input.end <= input.start) problem('end', 'The end must be after the start.');
  const startsAt = new Date(eventTimes(input.date, input.start, input.end).startsAt);
  const moved = !context.current || context.current.startsAt !== startsAt.toISOString();
  if (moved && startsAt <= context.now && (input.start || londonDate(context.now) > input.date)) problem('date', 'This date and time have passed: choose one still to come.');
  // An online event may go out before its link exists: the card says "joining details to follow" until it is added.
  for (const id of ['joinUrl', 'bookingUrl', 'brochureUrl'] as const) {
    const url = input[id];
    if (url && !url.startsWith('https://')) problem(id, 'Please give the https:// link.');
  }
  if (input.where === 'venue' && !input.venue) {
    problem('venue', 'Say where it takes place.');
  }
  const booking = input.booking;
  if (booking) {
    if (booking.bookBy > input.date) problem('bookBy', 'The booking deadline must be on or before the day of the workshop.');
    const bookingMoved = !context.current?.booking || londonDate(new Date(context.current.booking.deadline)) !== booking.bookBy;
    if (bookingMoved && deadlineFromDate(booking.bookBy) <= context.now) problem('bookBy', 'This booking deadline has passed.');
    if (context.booked !== undefined && booking.capacity < context.booked) {
      problem('capacity', `${context.booked} ${context.booked === 1 ? 'person already has a place' : 'people already have places'}, so there must be at least ${context.booked} places.`);
    }
    if (!email.safeParse(booking.organiserEmail).success) problem('organiserEmail', 'Please give an email address like name@example.org.');
  }
  return problems;
}

/** The event the input describes; `base` carries what the input does not (id, kind, status, version). */
export function eventFromInput(input: EventInput, base: Pick<NlcEvent, 'id' | 'status' | 'sequence'>): NlcEvent {
  const { booking } = input;
  return eventSchema.parse({
    ...base,
    kind: booking ? 'workshop' : 'event',
    title: input.title,
    ...(input.summary ? { summary: input.summary } : {}),
    ...eventTimes(input.date, input.start, input.end),
    location:
      input.where === 'online'
        ? { type: 'online', ...(input.joinUrl ? { joinUrl: input.joinUrl } : {}) }
        : { type: 'venue', name: input.venue ?? '', ...(input.address ? { address: input.address } : {}) },
    audience: input.audience,
    ...(input.flourish ? { flourish: input.flourish } : {}),
    ...(input.series ? { series: input.series } : {}),
    ...(input.bookingUrl ? { bookingUrl: input.bookingUrl } : {}),
    ...(input.brochureUrl ? { brochureUrl: input.brochureUrl } : {}),
    ...(input.reminderDays ? { reminderDays: input.reminderDays } : {}),
    ...(booking
      ? {
          booking: {
            capacity: booking.capacity,
            deadline: deadlineFromDate(booking.bookBy).toISOString(),
            organiser: { name: booking.organiserName, email: booking.organiserEmail },
          },
        }
      : {}),
  });
}

/** How an existing event reads as input (to fill the edit form). */
export function inputOf(event: NlcEvent): EventInput {
  const start = new Date(event.startsAt);
  const { location, booking } = event;
  return {
    title: event.title,
    summary: event.summary,
    date: londonDate(start),
    ...(event.timeToBeConfirmed ? {} : { start: formatTime(start), end: formatTime(new Date(event.endsAt)) }),
    where: location.type,
    ...(location.type === 'online' ? { joinUrl: location.joinUrl } : { venue: location.name, address: location.address }),
    audience: event.audience,
    flourish: event.flourish,
    series: event.series,
    bookingUrl: event.bookingUrl,
    brochureUrl: event.brochureUrl,
    reminderDays: event.reminderDays,
    ...(booking
      ? {
          booking: {
            capacity: booking.capacity,
            bookBy: londonDate(new Date(booking.deadline)),
            organiserName: booking.organiser.name,
            organiserEmail: booking.organiser.email,
          },
        }
      : {}),
  };
}

/** The id a new event gets (before any "-2" for a clash): also an imported row's stable key. */
export const eventKey = (input: Pick<EventInput, 'title' | 'date'>): string => `${slug(input.title, 60) || 'event'}-${input.date}`;

/** Two inputs say the same (re-importing an unchanged row changes nothing). */
export const sameInput = (a: EventInput, b: EventInput): boolean => JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));

function normalised(input: EventInput): unknown {
  const entries = Object.entries(input).filter(([, v]) => v !== undefined && v !== '');
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, k === 'booking' ? normalised(v as EventInput) : v]));
}
