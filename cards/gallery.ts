import { demoEvents } from '../bot/data/demo-programme';
import type { NlcEvent } from '../bot/domain/events/event';
import { broadcastGallery } from './gallery-broadcasts';
import { renderEventCard } from './event';
import { renderMyEventsCard } from './my-events';
import { renderNoticeCard } from './notice';
import type { AdaptiveCardJson } from './template';
import { renderWelcomeCard } from './welcome';

/**
 * Every card the bot can send, rendered with realistic fixture data. The card tests run
 * over this list (every template must appear here) and the card gallery renders it.
 */
export interface GalleryEntry {
  /** File-name friendly, e.g. "event-going". */
  name: string;
  /** The template file this entry exercises. */
  template: string;
  description: string;
  render(): AdaptiveCardJson;
}

const NOW = new Date('2024-04-23T08:00:00Z');
const event = (id: string): NlcEvent => {
  const found = demoEvents().find((e) => e.id === id);
  if (!found) throw new Error(`no demo event ${id}`);
  return found;
};
const USERS = ['29:fixture-user-1', '29:fixture-user-2'];
const COMMANDS = [
  { name: 'events', description: "Upcoming NLC events; answer Going, Maybe or Can't go on each card" },
  { name: 'my events', description: 'The events you said Going or Maybe to, soonest first' },
  { name: 'help', description: 'What this bot does and what you can type' },
];

export const gallery: GalleryEntry[] = [
  {
    name: 'welcome-personal',
    template: 'welcome.json',
    description: 'Sent when someone installs the bot in a personal chat.',
    render: () => renderWelcomeCard(COMMANDS, { inGroup: false, installed: true }),
  },
  {
    name: 'help-group',
    template: 'welcome.json',
    description: 'The answer to "help" in a group chat or channel.',
    render: () => renderWelcomeCard(COMMANDS, { inGroup: true, installed: false }),
  },
  {
    name: 'event-unanswered',
    template: 'event.json',
    description: 'An event as posted by "events", before the person has answered.',
    render: () =>
      renderEventCard(
        { event: event('practice-week-2024-conference'), counts: { going: 41, maybe: 9, notGoing: 3 }, now: NOW },
        { refreshUserIds: USERS },
      ),
  },
  {
    name: 'event-going',
    template: 'event.json',
    description: 'The same event after the person clicked Going: their answer and the new counts.',
    render: () =>
      renderEventCard(
        { event: event('new-horizons-2024'), counts: { going: 12, maybe: 4, notGoing: 1 }, myResponse: 'going', now: NOW },
        { refreshUserIds: USERS.slice(0, 1) },
      ),
  },
  {
    name: 'event-closed',
    template: 'event.json',
    description: 'A click on an old card for an event that has taken place.',
    render: () =>
      renderEventCard(
        {
          event: event('practice-week-2024-bitesize-mon'),
          counts: { going: 30, maybe: 2, notGoing: 0 },
          myResponse: 'maybe',
          now: new Date('2024-06-01T08:00:00Z'),
        },
        { refreshUserIds: USERS.slice(0, 1), banner: 'This event has already started, so answers are closed.' },
      ),
  },
  {
    name: 'my-events',
    template: 'my-events.json',
    description: 'The answer to "my events".',
    render: () =>
      renderMyEventsCard([
        { event: event('practice-week-2024-conference'), response: 'going' },
        { event: event('new-horizons-2024'), response: 'maybe' },
      ]),
  },
  {
    name: 'my-events-empty',
    template: 'my-events.json',
    description: '"my events" before any answers.',
    render: () => renderMyEventsCard([]),
  },
  {
    name: 'notice-invalid',
    template: 'notice.json',
    description: 'What a person sees when card data fails validation.',
    render: () =>
      renderNoticeCard({
        title: 'Please check what you entered',
        message: 'Some of the card data was not right, so nothing was saved.',
        tone: 'warning',
        fields: [{ field: 'response', message: 'Invalid option: expected one of "going"|"maybe"|"notGoing"' }],
      }),
  },
  {
    name: 'notice-retry',
    template: 'notice.json',
    description: 'The data store was busy: nothing was written, and a button repeats the click.',
    render: () =>
      renderNoticeCard({
        title: 'Please try again in a moment',
        message: 'The NLC data store is busy right now, so nothing was changed.',
        tone: 'error',
        hint: 'Please try again in a moment.',
        actions: [{ title: 'Try again', verb: 'event.rsvp', data: { eventId: 'new-horizons-2024', response: 'going' } }],
      }),
  },
  ...broadcastGallery,
];
