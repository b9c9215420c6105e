import type { WorkshopView } from '../bot/domain/workshops/service';
import { whenText, whereText } from '../bot/domain/events/when';
import json from './my-bookings.json';
import { type AdaptiveCardJson, cardTemplate } from './template';
import { WORKSHOP_CALENDAR, WORKSHOP_CANCEL } from './verbs';

export interface MyBookingsCardData {
  items: {
    eventId: string;
    bookingId: string;
    title: string;
    when: string;
    where: string;
    statusText: string;
    statusColor: 'Good' | 'Warning';
    calendarUrl: string;
    calendarOffer: boolean;
  }[];
}

const expand = cardTemplate<MyBookingsCardData>(json, { calendar: WORKSHOP_CALENDAR, cancel: WORKSHOP_CANCEL });

/** The answer to "my bookings": places and waitlist spots, soonest first, each with calendar and Cancel. */
export function renderMyBookingsCard(views: readonly WorkshopView[]): AdaptiveCardJson {
  return expand({
    items: views.flatMap(({ workshop, mine }) =>
      mine
        ? [
            {
              eventId: workshop.id,
              bookingId: mine.entry.bookingId,
              title: workshop.title,
              when: whenText(workshop),
              where: whereText(workshop),
              statusText: mine.entry.status === 'booked' ? "You're booked" : `Waitlist: you're number ${mine.position ?? '?'}`,
              statusColor: mine.entry.status === 'booked' ? ('Good' as const) : ('Warning' as const),
              calendarUrl: mine.calendarUrl ?? '',
              calendarOffer: mine.calendarOffer,
            },
          ]
        : [],
    ),
  });
}
