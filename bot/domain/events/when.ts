import { endOfLondonDay, formatDate, formatRange, londonToUtc } from '../time';
import type { NlcEvent } from './event';

/**
 * When an event happens, as stored and as shown. An event whose source gives a date but
 * no time ("save the date: more details shortly") keeps the whole London day as its
 * instants, so it sorts, reminds and expires like any other, and says "time to be
 * confirmed" wherever it is shown: a time is never made up for it.
 */
export interface EventTimes {
  startsAt: string;
  endsAt: string;
  timeToBeConfirmed?: true;
}

/** The stored instants of a London date and wall-clock times; without times, the whole day, to be confirmed. */
export function eventTimes(date: string, start?: string, end?: string): EventTimes {
  if (!start || !end) {
    const dayStart = londonToUtc(date, '00:00');
    return { startsAt: dayStart.toISOString(), endsAt: endOfLondonDay(dayStart).toISOString(), timeToBeConfirmed: true };
  }
  return { startsAt: londonToUtc(date, start).toISOString(), endsAt: londonToUtc(date, end).toISOString() };
}

/** "Wed 22 May 2024, 09:30 to 12:30", or "Tue 16 July 2024, time to be confirmed". */
export function whenText(event: Pick<NlcEvent, 'startsAt' | 'endsAt' | 'timeToBeConfirmed'>): string {
  if (event.timeToBeConfirmed) return `${formatDate(new Date(event.startsAt))}, time to be confirmed`;
  return formatRange(new Date(event.startsAt), new Date(event.endsAt));
}

/** "Online (Microsoft Teams)", with "joining details to follow" until an organiser adds the link; or the venue. */
export function whereText(event: Pick<NlcEvent, 'location'>): string {
  const { location } = event;
  if (location.type === 'online') return location.joinUrl ? 'Online (Microsoft Teams)' : 'Online (Microsoft Teams): joining details to follow';
  return location.address ? `${location.name}, ${location.address}` : location.name;
}
