import type { WorkshopView } from '../bot/domain/workshops/service';
import type { BookingEntry } from '../bot/domain/workshops/ledger';
import { colleaguePlaceText } from './colleague-booking';
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
    cancelTitle: string;
  }[];
}

const expand = cardTemplate<MyBookingsCardData>(json, { calendar: WORKSHOP_CALENDAR, cancel: WORKSHOP_CANCEL });

type Item = MyBookingsCardData['items'][number];

/** A place someone booked for a colleague: theirs to cancel, with no calendar (the colleague gets their own). */
const colleagueItem = (view: WorkshopView, entry: BookingEntry): Item => ({
  eventId: view.workshop.id,
  bookingId: entry.bookingId,
  title: view.workshop.title,
  when: whenText(view.workshop),
  where: whereText(view.workshop),
  statusText: `You booked for ${colleaguePlaceText(entry)}`,
  statusColor: entry.status === 'booked' ? 'Good' : 'Warning',
  calendarUrl: '',
  calendarOffer: false,
  cancelTitle: 'Cancel their place',
});

/** The answer to "my bookings": places and waiting list places, soonest first, each with calendar and Cancel; then those booked for colleagues. */
export function renderMyBookingsCard(views: readonly WorkshopView[]): AdaptiveCardJson {
  return expand({
    items: views.flatMap((view): Item[] => {
      const { workshop, mine } = view;
      const own: Item[] = mine
        ? [
            {
              eventId: workshop.id,
              bookingId: mine.entry.bookingId,
              title: workshop.title,
              when: whenText(workshop),
              where: whereText(workshop),
              statusText: mine.entry.status === 'booked' ? "You're booked" : `Waiting list: you're number ${mine.position ?? '?'}`,
              statusColor: mine.entry.status === 'booked' ? ('Good' as const) : ('Warning' as const),
              calendarUrl: mine.calendarUrl ?? '',
              calendarOffer: mine.calendarOffer,
              cancelTitle: 'Cancel my booking',
            },
          ]
        : [];
      return [...own, ...view.forColleagues.map((entry) => colleagueItem(view, entry))];
    }),
  });
}
