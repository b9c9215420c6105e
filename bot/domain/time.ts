import { DateTime } from 'luxon';

/**
 * The one place dates are turned into words or read from local times. People see
 * Europe/London; storage holds UTC instants (ISO strings ending in Z). Luxon does the
 * daylight-saving arithmetic so nothing here adds hours by hand.
 */
export const LONDON = 'Europe/London';

const inLondon = (instant: Date): DateTime => DateTime.fromJSDate(instant, { zone: LONDON });

/** "Tue 7 May 2024" */
export function formatDate(instant: Date): string {
  return inLondon(instant).toFormat('ccc d LLLL yyyy');
}

/** "09:00" (24-hour clock, as NLC letters write times) */
export function formatTime(instant: Date): string {
  return inLondon(instant).toFormat('HH:mm');
}

/** "Tue 7 May 2024, 09:00" */
export function formatDateTime(instant: Date): string {
  return `${formatDate(instant)}, ${formatTime(instant)}`;
}

/** "Wed 22 May 2024, 09:30 to 12:30", or both dates when the range crosses midnight. */
export function formatRange(start: Date, end: Date): string {
  const key = `${start.getTime()}/${end.getTime()}`;
  const cached = rangeCache.get(key);
  if (cached !== undefined) return cached;
  const sameDay = inLondon(start).hasSame(inLondon(end), 'day');
  const text = sameDay
    ? `${formatDate(start)}, ${formatTime(start)} to ${formatTime(end)}`
    : `${formatDateTime(start)} to ${formatDateTime(end)}`;
  if (rangeCache.size >= RANGE_CACHE_SIZE) rangeCache.clear();
  rangeCache.set(key, text);
  return text;
}

/**
 * Every event card shows its range, and time-zone arithmetic is the costliest part of
 * rendering one; the same few events are shown over and over, so remember the text.
 */
const RANGE_CACHE_SIZE = 1000;
const rangeCache = new Map<string, string>();

/** The UTC instant of a London wall-clock time: ("2024-05-07", "09:00") -> 08:00Z. */
export function londonToUtc(date: string, time: string): Date {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: LONDON });
  if (!local.isValid) {
    throw new RangeError(`not a date and time: ${date} ${time} (${local.invalidExplanation ?? 'invalid'})`);
  }
  return local.toJSDate();
}

/** The last instant of the London calendar day that contains `instant`. */
export function endOfLondonDay(instant: Date): Date {
  return inLondon(instant).endOf('day').toJSDate();
}

/** Calendar-day arithmetic in London: "1 day before 09:00" stays 09:00 across a clock change. */
export function addLondonDays(instant: Date, days: number): Date {
  return inLondon(instant).plus({ days }).toJSDate();
}

/** A real calendar date written "YYYY-MM-DD" (no 30 February). */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: LONDON }).isValid;
}

/** Calendar arithmetic on a London date: ("2025-03-31", -1) -> "2025-03-30", whatever the clocks do. */
export function addDaysToDate(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: LONDON }).plus({ days }).toISODate() ?? '';
}

/** London calendar days from the day of `from` to the day of `to`: 0 the same day, 1 the next. */
export function londonDaysBetween(from: Date, to: Date): number {
  return Math.round(inLondon(to).startOf('day').diff(inLondon(from).startOf('day'), 'days').days);
}

/** The London calendar date ("2024-05-07") of an instant. */
export function londonDate(instant: Date): string {
  return inLondon(instant).toISODate() ?? '';
}

/** Stored form of an instant: ISO 8601 in UTC, so string order is time order in queries. */
export const toUtcIso = (instant: Date): string => instant.toISOString();

/** The London date ("YYYY-MM-DD") of the Monday starting the week the instant falls in. */
export const weekCommencing = (instant: Date): string => inLondon(instant).startOf('week').toISODate() ?? '';
