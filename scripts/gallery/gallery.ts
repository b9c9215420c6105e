import { renderEventCard } from '../../cards/event';
import { renderMyEventsCard } from '../../cards/my-events';
import { renderNoticeCard } from '../../cards/notice';
import { renderWelcomeCard } from '../../cards/welcome';
import { botCommands } from '../../manifest/commands';
import { demoEvent as event, type GalleryEntry, USERS } from './entry';
import { authoringGallery } from './gallery-authoring';
import { broadcastGallery } from './gallery-broadcasts';
import { privacyGallery } from './gallery-privacy';
import { taskGroupGallery } from './gallery-task-groups';
import { workshopGallery } from './gallery-workshops';

const NOW = new Date('2024-04-23T08:00:00Z');

/**
 * Every card the bot can send, rendered with realistic fixture data. The card tests run
 * over this list (every template must appear here) and the card gallery renders it.
 * Fixtures, not production code: nothing here is compiled into dist/.
 */
export const gallery: GalleryEntry[] = [
  {
    name: 'welcome-personal',
    template: 'welcome.json',
    description: 'Sent when someone installs the bot in a personal chat.',
    // The commands the bot really has, as the help card and the manifest list them.
    render: () => renderWelcomeCard(botCommands(), { inGroup: false, installed: true }),
  },
  {
    name: 'help-group',
    template: 'welcome.json',
    description: 'The answer to "help" in a group chat or channel.',
    render: () => renderWelcomeCard(botCommands(), { inGroup: true, installed: false }),
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
  ...taskGroupGallery,
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
        message: 'The NLC data store is busy right now and did not answer in time.',
        tone: 'error',
        hint: 'Please try again in a moment: trying again never records anything twice.',
        actions: [{ title: 'Try again', verb: 'event.rsvp', data: { eventId: 'new-horizons-2024', response: 'going' }, style: 'positive' }],
      }),
  },
  ...workshopGallery,
  ...broadcastGallery,
  ...authoringGallery,
  ...privacyGallery,
];
