import { DateTime } from 'luxon';

/**
 * The one place dates are turned into words or read from local times. People see
 * Europe/London; storage holds UTC instants (ISO strings ending in Z). Luxon does the
 * daylight-saving arithmetic so nothing here adds hours by hand.
 */
export const LONDON = 'Europe/London';

const inLondon = (instant: Date): DateTime => DateTime.fromJSDate(instant, { zone: LONDON });

/** Answers remembered per function (each is pure; the same few dates recur on every card). */
const REMEMBERED = 1000;

/**
 * Time-zone arithmetic is the costliest part of drawing a card, and every card of a
 * workshop works out the same few dates (its deadline, its links' end, its reminder):
 * a burst of 500 views spent a tenth of its time in luxon. So each answer is remembered
 * by its arguments. A Date comes back as a new copy, since a Date can be changed.
 */
function remembered<A extends unknown[], R>(key: (...args: A) => string, work: (...args: A) => R): (...args: A) => R {
  const answers = new Map<string, R>();
  const copy = (value: R): R => (value instanceof Date ? (new Date(value.getTime()) as R) : value);
  return (...args) => {
    const k = key(...args);
    if (answers.has(k)) return copy(answers.get(k) as R);
    const value = work(...args);
    if (answers.size >= REMEMBERED) answers.clear();
    answers.set(k, value);
    return copy(value);
  };
}

const instantKey = (instant: Date, ...rest: unknown[]): string => `${instant.getTime()}/${rest.join('/')}`;

/** "Tue 7 May 2024" */
export const formatDate = remembered(instantKey, (instant: Date): string => inLondon(instant).toFormat('ccc d LLLL yyyy'));

/** "09:00" (24-hour clock, as NLC letters write times) */
export const formatTime = remembered(instantKey, (instant: Date): string => inLondon(instant).toFormat('HH:mm'));

/** "Tue 7 May 2024, 09:00" */
export function formatDateTime(instant: Date): string {
  return `${formatDate(instant)}, ${formatTime(instant)}`;
}

/** "Wed 22 May 2024, 09:30 to 12:30", or both dates when the range crosses midnight. */
export const formatRange = remembered(
  (start: Date, end: Date) => instantKey(start, end.getTime()),
  (start: Date, end: Date): string =>
    inLondon(start).hasSame(inLondon(end), 'day')
      ? `${formatDate(start)}, ${formatTime(start)} to ${formatTime(end)}`
      : `${formatDateTime(start)} to ${formatDateTime(end)}`,
);

/** The UTC instant of a London wall-clock time: ("2024-05-07", "09:00") -> 08:00Z. */
export const londonToUtc = remembered(
  (date: string, time: string) => `${date}T${time}`,
  (date: string, time: string): Date => {
    const local = DateTime.fromISO(`${date}T${time}`, { zone: LONDON });
    if (!local.isValid) {
      throw new RangeError(`not a date and time: ${date} ${time} (${local.invalidExplanation ?? 'invalid'})`);
    }
    return local.toJSDate();
  },
);

/** The last instant of the London calendar day that contains `instant`. */
export function endOfLondonDay(instant: Date): Date {
  return inLondon(instant).endOf('day').toJSDate();
}

/** Calendar-day arithmetic in London: "1 day before 09:00" stays 09:00 across a clock change. */
export const addLondonDays = remembered(instantKey, (instant: Date, days: number): Date => inLondon(instant).plus({ days }).toJSDate());

/** A real calendar date written "YYYY-MM-DD" (no 30 February). */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: LONDON }).isValid;
}

/** Calendar arithmetic on a London date: ("2025-03-31", -1) -> "2025-03-30", whatever the clocks do. */
export const addDaysToDate = remembered(
  (date: string, days: number) => `${date}/${days}`,
  (date: string, days: number): string => DateTime.fromISO(date, { zone: LONDON }).plus({ days }).toISODate() ?? '',
);

/** London calendar days from the day of `from` to the day of `to`: 0 the same day, 1 the next. */
export function londonDaysBetween(from: Date, to: Date): number {
  return Math.round(inLondon(to).startOf('day').diff(inLondon(from).startOf('day'), 'days').days);
}

/** The London calendar date ("2024-05-07") of an instant. */
export const londonDate = remembered(instantKey, (instant: Date): string => inLondon(instant).toISODate() ?? '');

/** Stored form of an instant: ISO 8601 in UTC, so string order is time order in queries. */
export const toUtcIso = (instant: Date): string => instant.toISOString();

/** The London date ("YYYY-MM-DD") of the Monday starting the week the instant falls in. */
export const weekCommencing = (instant: Date): string => inLondon(instant).startOf('week').toISODate() ?? '';
