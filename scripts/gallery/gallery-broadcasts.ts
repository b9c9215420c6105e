import type { ComposeChoices } from '../../bot/domain/broadcasts/compose';
import { type Broadcast, type DeliveryCounts, emptyDeliveryCounts } from '../../bot/domain/broadcasts/broadcast';
import { renderAnnouncementCard } from '../../cards/announcement';
import { renderComposeCard } from '../../cards/broadcast-compose';
import { renderPreviewCard } from '../../cards/broadcast-preview';
import { renderStatusCard } from '../../cards/broadcast-status';
import { renderEventCard } from '../../cards/event';
import { demoEvent as event, type GalleryEntry, USERS } from './entry';

/** Broadcast and event-correction cards for the gallery (gallery.ts). */
const NOW = new Date('2024-04-23T08:00:00Z');

const COMPOSE_CHOICES: ComposeChoices = {
  contents: [
    { value: 'event', title: 'An event from the programme' },
    { value: 'announcement', title: 'An announcement: a title and text' },
    { value: 'deadline', title: 'A consultation deadline' },
  ],
  audiences: [
    { value: 'personal', title: 'Everyone who has the bot (personal chats)' },
    { value: 'channels', title: 'Every team channel the bot is in' },
    { value: 'channel', title: 'One channel' },
    { value: 'team', title: 'Everyone in a team, each in a personal chat' },
    { value: 'event-answers', title: 'People who answered an event (choose which answers next)' },
    { value: 'event-unanswered', title: 'People who have not answered this event yet (personal chats)' },
  ],
  teams: [{ value: '19:nlc-heads@thread.tacv2', title: 'NLC Secondary Heads' }],
  calls: [{ value: 'tg1-workforce/tg1-ta-apprenticeship-stories', title: 'TA apprenticeship case studies (Task Group 1)' }],
  taskGroups: [{ value: 'tg2-transitions', title: 'Task Group 2: Ensuring Effective Transitions' }],
  deadlines: [{ value: 'dfe-safeguarding-call-for-evidence-2024', title: 'Safeguarding Children in Schools and Colleges: call for evidence (closes Thu 20 June 2024)' }],
  events: [
    { value: 'ap-framework-workshop-2024', title: 'AP framework workshop (Tue 7 May 2024)' },
    { value: 'practice-week-2024-conference', title: 'Practice Week online conference (Wed 22 May 2024)' },
  ],
  channels: [{ value: '19:nlc-heads@thread.tacv2', title: 'NLC Secondary Heads › General' }],
  answers: [
    { value: 'going', title: 'Going' },
    { value: 'maybe', title: 'Maybe' },
  ],
};

const BROADCAST: Broadcast = {
  id: 'b-0f3c9a7e21d84b6f',
  status: 'sending',
  content: { kind: 'event', eventId: 'practice-week-2024-conference' },
  audience: { kind: 'personal' },
  title: 'Practice Week online conference: Learning',
  audienceText: 'everyone who has the bot in a personal chat',
  createdBy: { aadObjectId: '00000000-0000-4000-8000-000000000001', name: 'NLC organiser' },
  createdAt: '2024-04-23T08:00:00.000Z',
  queuedAt: '2024-04-23T08:01:00.000Z',
  expandedAt: '2024-04-23T08:01:02.000Z',
  revision: 0,
  contentVersion: 0,
  withdrawn: false,
  unreachable: 0,
  previewCount: 1214,
};

const counts = (c: Partial<DeliveryCounts>): DeliveryCounts => ({ ...emptyDeliveryCounts(), total: 1214, ...c });

export const broadcastGallery: GalleryEntry[] = [
  {
    name: 'announcement',
    template: 'announcement.json',
    description: 'A plain announcement broadcast by the organisers.',
    render: () =>
      renderAnnouncementCard({
        title: 'Attendance framework survey closes on 17 May',
        text: 'Please complete the attendance framework survey before **Friday 17 May 2024**. It takes about ten minutes and shapes the support schools get next year.',
      }),
  },
  {
    name: 'broadcast-compose',
    template: 'broadcast-compose.json',
    description: 'What an organiser gets for "broadcast": first, what to send and to whom.',
    render: () => renderComposeCard(COMPOSE_CHOICES),
  },
  {
    name: 'broadcast-compose-event',
    template: 'broadcast-compose.json',
    description: 'Step 2 for an event to the people who have not answered it: only the event to pick, a note, and a time to send (Send later opened).',
    render: () =>
      renderComposeCard(COMPOSE_CHOICES, {
        values: { content: 'event', audience: 'event-unanswered', eventId: 'ap-framework-workshop-2024', note: 'Places are going fast: do book if you can come.', sendDate: '2024-04-29', sendTime: '09:00' },
      }),
  },
  {
    name: 'broadcast-compose-empty',
    template: 'broadcast-compose.json',
    description: 'Step 2 when the programme has no upcoming events to send.',
    render: () => renderComposeCard({ ...COMPOSE_CHOICES, events: [], channels: [] }, { values: { content: 'event', audience: 'personal' } }),
  },
  {
    name: 'broadcast-compose-problems',
    template: 'broadcast-compose.json',
    description: 'Step 2 after a preview with problems: values kept, each problem under its field.',
    render: () =>
      renderComposeCard(COMPOSE_CHOICES, {
        values: { content: 'announcement', title: 'Hi', audience: 'channel', sendDate: '2024-04-22', sendTime: '09:00' },
        problems: [
          { field: 'title', message: 'at least 3 characters' },
          { field: 'text', message: 'write the announcement' },
          { field: 'channel', message: 'choose the channel to post in' },
          { field: 'sendTime', message: 'choose a time at least a few minutes from now, or leave both empty to send at once' },
        ],
      }),
  },
  {
    name: 'broadcast-preview',
    template: 'broadcast-preview.json',
    description: 'The preview before sending: the card as recipients will see it, the audience and the number of recipients.',
    render: () =>
      renderPreviewCard(
        {
          broadcast: { ...BROADCAST, status: 'draft', expandedAt: undefined, audience: { kind: 'event-answers' }, audienceText: 'people who said Going to "New Horizons: Meeting the KS2 Challenge in Norfolk"', unreachable: 3 },
          recipients: 1214,
          opens: 0,
          unreachable: 3,
          unreachableWhy: { no_shared_team: 2, removed_app: 1 },
          sample: renderEventCard({ event: event('practice-week-2024-conference'), counts: { going: 41, maybe: 9, notGoing: 3 }, now: NOW }, { refreshUserIds: [] }),
        },
        { content: 'event', eventId: 'practice-week-2024-conference', audience: 'personal' },
      ),
  },
  {
    name: 'broadcast-preview-scheduled',
    template: 'broadcast-preview.json',
    description: 'The preview of a broadcast with a note, to be sent at a chosen London time: Schedule instead of Send.',
    render: () =>
      renderPreviewCard(
        {
          broadcast: {
            ...BROADCAST,
            status: 'draft',
            expandedAt: undefined,
            audience: { kind: 'event-unanswered' },
            audienceText: 'people with the bot who have not answered "Practice Week online conference: Learning" yet',
            note: 'Places are going fast: do answer if you can come.',
            sendAt: '2024-04-29T08:00:00.000Z',
          },
          recipients: 987,
          opens: 0,
          unreachable: 0,
          unreachableWhy: {},
          sample: renderEventCard({ event: event('practice-week-2024-conference'), counts: { going: 41, maybe: 9, notGoing: 3 }, now: NOW }, { refreshUserIds: [] }),
        },
        { content: 'event', eventId: 'practice-week-2024-conference', audience: 'event-unanswered', sendDate: '2024-04-29', sendTime: '09:00' },
      ),
  },
  {
    name: 'broadcast-status-scheduled',
    template: 'broadcast-status.json',
    description: 'The status card of a scheduled broadcast: when it goes, and Cancel the send until then.',
    render: () =>
      renderStatusCard(
        { broadcast: { ...BROADCAST, status: 'scheduled', queuedAt: undefined, expandedAt: undefined, sendAt: '2024-04-29T08:00:00.000Z' }, counts: counts({ total: 0 }), failures: [], running: false },
        { refreshUserIds: USERS.slice(0, 1), now: NOW },
      ),
  },
  {
    name: 'broadcast-preview-team',
    template: 'broadcast-preview.json',
    description: 'The preview of a broadcast to everyone in a team: how many get it in a chat they have, in a chat the bot will open, and who cannot be reached and why.',
    render: () =>
      renderPreviewCard(
        {
          broadcast: { ...BROADCAST, title: 'Attendance framework survey closes on 17 May', status: 'draft', expandedAt: undefined, audience: { kind: 'team' }, audienceText: 'everyone in NLC Secondary Heads', unreachable: 3 },
          recipients: 212,
          opens: 171,
          unreachable: 3,
          unreachableWhy: { removed_app: 2, blocked: 1 },
          sample: renderAnnouncementCard({ title: 'Attendance framework survey closes on 17 May', text: 'Please complete the survey before **Friday 17 May 2024**.' }),
        },
        { content: 'announcement', audience: 'team', team: '19:nlc-heads@thread.tacv2' },
      ),
  },
  {
    name: 'broadcast-status-sending',
    template: 'broadcast-status.json',
    description: 'The organiser\'s status card while a broadcast is being sent (updated in place as it goes).',
    render: () => renderStatusCard({ broadcast: BROADCAST, counts: counts({ sent: 402, pending: 808, blocked: 4 }), failures: [], running: true }, { refreshUserIds: USERS.slice(0, 1), now: NOW }),
  },
  {
    name: 'broadcast-status-report',
    template: 'broadcast-status.json',
    description: 'The report at the end: delivered, failed with reasons, blocked, not found; Resend to failed.',
    render: () =>
      renderStatusCard(
        {
          broadcast: { ...BROADCAST, status: 'done', finishedAt: '2024-04-23T08:01:30.000Z' },
          counts: counts({ sent: 1196, failed: 7, blocked: 9, notFound: 2, current: 1196 }),
          failures: [
            { state: 'blocked', reason: 'blocked the app', count: 9 },
            { state: 'failed', reason: 'Teams was busy, retried 4 times', count: 7 },
            { state: 'not_found', reason: 'left the team (their chat with the app is gone)', count: 2 },
          ],
          running: false,
        },
        { refreshUserIds: USERS.slice(0, 1), now: NOW },
      ),
  },
  {
    name: 'broadcast-status-team-report',
    template: 'broadcast-status.json',
    description: 'The report of a broadcast to everyone in a team: delivered in chats people had and in chats the bot opened, kept apart from those it could not reach, with why.',
    render: () =>
      renderStatusCard(
        {
          broadcast: { ...BROADCAST, title: 'Attendance framework survey closes on 17 May', audience: { kind: 'team' }, audienceText: 'everyone in NLC Secondary Heads', status: 'done', finishedAt: '2024-04-23T08:01:30.000Z', unreachable: 2, unreachableWhy: { removed_app: 2 }, previewOpens: 171 },
          counts: counts({ total: 210, sent: 209, opened: 170, unreachable: 1, current: 209 }),
          failures: [{ state: 'unreachable', reason: 'blocked the bot or do not have the app (Teams answered 403)', count: 1 }],
          running: false,
        },
        { refreshUserIds: USERS.slice(0, 1), now: NOW },
      ),
  },
  {
    name: 'broadcast-status-withdrawn',
    template: 'broadcast-status.json',
    description: 'After Withdraw: every posted copy replaced by a short notice.',
    render: () =>
      renderStatusCard(
        { broadcast: { ...BROADCAST, status: 'done', withdrawn: true, revision: 1 }, counts: counts({ sent: 1196, current: 1196, failed: 18 }), failures: [], running: false },
        { now: NOW },
      ),
  },
];
