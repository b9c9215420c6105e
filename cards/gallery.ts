import { demoEvents } from '../bot/data/demo/programme';
import { demoTaskGroups } from '../bot/data/demo/task-groups';
import type { Contribution } from '../bot/domain/task-groups/task-group';
import { NEW_GROUP_FIELDS } from '../bot/domain/task-groups/service';
import { renderContributionCard } from './contribution';
import { renderCallCard, renderOpenCallsCard } from './call';
import { renderMyContributionsCard } from './my-contributions';
import { renderDigestCard } from './digest';
import { renderFormCard } from './form';
import { renderTaskGroupCard } from './task-group';
import type { NlcEvent } from '../bot/domain/events/event';
import { authoringGallery } from './gallery-authoring';
import { broadcastGallery } from './gallery-broadcasts';
import { privacyGallery } from './gallery-privacy';
import { renderEventCard } from './event';
import { workshopGallery } from './gallery-workshops';
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

const TG = demoTaskGroups(NOW);
const group = (id: string) => TG.groups.find((g) => g.id === id)!;
const call = (id: string) => TG.calls.find((c) => c.id === id)!;
const caseStudy: Contribution = {
  id: 'fixture-contribution-1',
  groupId: 'tg1-workforce',
  callId: 'tg1-ta-apprenticeship-stories',
  kind: 'caseStudy',
  authorId: '00000000-0000-4000-8000-000000000001',
  authorName: 'Sam Head',
  values: {
    title: 'Growing our own TAs through apprenticeships',
    setting: 'Example Primary School',
    phase: 'Primary',
    summary: 'We recruited two apprentice teaching assistants from our parent community. Mentoring by an experienced TA and a weekly day of training meant both completed the apprenticeship and stayed on.',
    link: 'https://example.org/case-study',
  },
  status: 'submitted',
  createdAt: '2024-05-02T09:15:00.000Z',
  updatedAt: '2024-05-02T09:15:00.000Z',
};

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
    name: 'task-group-member',
    template: 'task-group.json',
    description: 'A task group, as "task groups" shows it to a member who is also a lead.',
    render: () =>
      renderTaskGroupCard(
        { group: { ...group('tg5-collaborative-standard'), leadNames: ['Sam Head'] }, memberCount: 14, isMember: true, canLead: true, canOrganise: false, openCalls: TG.calls.filter((c) => c.groupId === 'tg5-collaborative-standard') },
        USERS,
      ),
  },
  {
    name: 'task-group-visitor',
    template: 'task-group.json',
    description: 'The same card for someone who has not joined.',
    render: () => renderTaskGroupCard({ group: group('tg6-communication'), memberCount: 3, isMember: false, canLead: false, canOrganise: false, openCalls: [] }, USERS),
  },
  {
    name: 'call-case-study',
    template: 'form.json',
    description: 'A call for contributions with its case-study form.',
    render: () => renderCallCard(call('tg1-ta-apprenticeship-stories'), group('tg1-workforce')),
  },
  {
    name: 'call-survey-with-problems',
    template: 'form.json',
    description: 'A survey answer sent with a missing answer: the form comes back with the values kept and the problem beside the field.',
    render: () =>
      renderCallCard(call('tg2-transition-survey'), group('tg2-transitions'), {
        values: { respondent: 'Parent or carer', q1: 'Visits in the summer term', q2: '' },
        problems: [{ field: 'q2', message: 'Please fill this in.' }],
      }),
  },
  {
    name: 'contribution-sent',
    template: 'contribution.json',
    description: 'What a contributor sees after sending a case study: what they sent, Edit and Withdraw.',
    render: () => renderContributionCard({ contribution: caseStudy, call: call('tg1-ta-apprenticeship-stories'), group: group('tg1-workforce') }, { justSent: true, callOpen: true }),
  },
  {
    name: 'open-calls',
    template: 'list.json',
    description: 'The answer to "calls".',
    render: () => renderOpenCallsCard(TG.calls.map((c) => ({ call: c, group: group(c.groupId) }))),
  },
  {
    name: 'my-contributions',
    template: 'list.json',
    description: 'The answer to "my contributions".',
    render: () => renderMyContributionsCard([{ contribution: caseStudy, call: call('tg1-ta-apprenticeship-stories'), group: group('tg1-workforce') }]),
  },
  {
    name: 'digest',
    template: 'list.json',
    description: "A lead's digest: counts by kind, the latest ten, who has not responded.",
    render: () =>
      renderDigestCard({
        group: group('tg1-workforce'),
        counts: { caseStudy: 4, hostVisit: 0, requestVisit: 0, idea: 1, surveyAnswer: 0 },
        total: 5,
        latest: [caseStudy, { ...caseStudy, id: 'fixture-contribution-2', status: 'used', authorName: 'Alex Senco' }],
        notResponded: [{ groupId: 'tg1-workforce', userId: 'u3', userName: 'Jo Inclusion', joinedAt: '2024-04-24T09:00:00.000Z' }],
        memberCount: 3,
      }),
  },
  {
    name: 'new-task-group',
    template: 'form.json',
    description: 'The organiser\'s form for a new task group.',
    render: () => renderFormCard({ title: 'New task group', fields: NEW_GROUP_FIELDS, actions: [{ title: 'Create group', verb: 'group.create', data: {} }] }),
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
        message: 'The NLC data store is busy right now and did not answer in time.',
        tone: 'error',
        hint: 'Please try again in a moment: trying again never records anything twice.',
        actions: [{ title: 'Try again', verb: 'event.rsvp', data: { eventId: 'new-horizons-2024', response: 'going' } }],
      }),
  },
  ...workshopGallery,
  ...broadcastGallery,
  ...authoringGallery,
  ...privacyGallery,
];
