import { demoEvents } from '../../bot/data/demo/programme';
import type { NlcEvent } from '../../bot/domain/events/event';

const YEAR_MS = 365 * 86_400_000;

/**
 * A demo event moved to a year from `now`, keeping its length and its booking deadline's
 * distance from the start (optionally under another id): for a bot on the real clock
 * (a store elsewhere takes no CLOCK_START), where the 2024 programme is in the past.
 */
export function demoEventInAYear(id: string, now: Date, options: { as?: string } = {}): NlcEvent {
  const event = demoEvents().find((e) => e.id === id);
  if (!event) throw new Error(`no demo event ${id}`);
  const shift = now.getTime() + YEAR_MS - Date.parse(event.startsAt);
  const moved = (iso: string): string => new Date(Date.parse(iso) + shift).toISOString();
  return {
    ...event,
    id: options.as ?? event.id,
    startsAt: moved(event.startsAt),
    endsAt: moved(event.endsAt),
    ...(event.booking ? { booking: { ...event.booking, deadline: moved(event.booking.deadline) } } : {}),
  };
}
