import type { ContentCards } from '../bot/domain/broadcasts/ports';
import { whenText, whereText } from '../bot/domain/events/when';
import { renderAnnouncementCard } from './announcement';
import { renderCallCard } from './call';
import { renderDeadlineCard } from './deadline';
import { renderEventCard } from './event';
import { renderNoticeCard } from './notice';
import { bookingReminderText, deadlineReminderText, eventReminderText } from './reminder';
import { renderWorkshopCard } from './workshop';

/** The cards broadcasts and reminders show, handed to the domain by bot/start.ts. */
export const contentCards: ContentCards = {
  event: (view, refreshUserIds) => renderEventCard(view, { refreshUserIds }),
  workshop: (view, refreshUserIds) => renderWorkshopCard(view, { refreshUserIds }),
  deadline: (view, refreshUserIds) => renderDeadlineCard(view, { refreshUserIds }),
  call: (call, group) => renderCallCard(call, group),
  announcement: (announcement) => renderAnnouncementCard(announcement),
  withdrawn: (title) => renderNoticeCard({ title: 'Withdrawn', message: `The NLC organisers withdrew "${title}".`, hint: 'There is nothing you need to do.' }),
  eventCancelled: (event) =>
    renderNoticeCard({
      title: `Cancelled: ${event.title}`,
      message: `${whenText(event)}, ${whereText(event)}. You said you would come (or had a place), so we wanted you to know it will not go ahead.`,
      tone: 'warning',
      hint: 'Type "events" to see what else is coming up.',
    }),
  reminderGone: (what) => renderNoticeCard({ title: `${what} is no longer listed`, message: 'There is nothing to remind you about.' }),
  eventReminderText,
  deadlineReminderText,
  bookingReminderText,
};
