import { emptyDeliveryCounts } from '../../bot/domain/broadcasts/broadcast';
import type { ImportPreview, PreviewRow } from '../../bot/domain/authoring/import';
import { parseProgrammeFile } from '../../bot/domain/authoring/programme-file';
import { EVENT_FIELDS, formTextOf } from '../../bot/domain/authoring/event-fields';
import { inputOf } from '../../bot/domain/authoring/event-input';
import type { DeadlineFollow } from '../../bot/domain/deadlines/deadline';
import { reminderSlots } from '../../bot/domain/reminders/schedule';
import { eventSubject } from '../../bot/domain/reminders/reminders';
import { renderDeadlineCard } from '../../cards/deadline';
import { renderFormCard } from '../../cards/form';
import { renderImportPreviewCard } from '../../cards/import-preview';
import { renderMyWeekCard } from '../../cards/my-week';
import { renderRemindersCard } from '../../cards/reminders';
import { demoDeadline as deadline, demoEvent as event, type GalleryEntry, USERS } from './entry';

/** Authoring, import, deadline, "upcoming" and reminder-list cards for the gallery (gallery.ts). */
const NOW = new Date('2024-06-15T08:00:00Z');
const USER = '00000000-0000-4000-8000-000000000001';
const follow = (deadlineId: string, change: Partial<DeadlineFollow>): DeadlineFollow => ({
  deadlineId,
  userId: USER,
  remind: false,
  responded: false,
  updatedAt: NOW.toISOString(),
  ...change,
});

const SAFEGUARDING = 'dfe-safeguarding-call-for-evidence-2024';

/** A small programme with one good row, one with problems and one repeated, as an organiser might paste it. */
const PASTED = [
  'title,date,start,end,location,audience,flourish',
  '"Bitesize: reading for pleasure, at home and at school",2024-05-20,16:00,16:45,online,Open to all,Learning',
  'Bitesize: transition stories,2024-05-23,17:00,16:30,,Year 6 and 7 teachers,Learning',
  '"Bitesize: reading for pleasure, at home and at school",2024-05-20,16:00,16:45,online,Open to all,Learning',
].join('\r\n');

function previewOf(text: string): ImportPreview {
  const file = parseProgrammeFile(text);
  const rows: PreviewRow[] = file.rows.map((row) => ({
    line: row.line,
    key: row.key,
    action: row.input && row.problems.length === 0 ? 'create' : 'skip',
    title: row.title,
    ...(row.input ? { input: row.input } : {}),
    problems: row.problems,
  }));
  const counts = { create: 0, update: 0, unchanged: 0, skip: 0 };
  for (const row of rows) counts[row.action]++;
  return { rows, fileProblems: file.problems, unknownColumns: file.unknownColumns, counts };
}

export const authoringGallery: GalleryEntry[] = [
  {
    name: 'deadline-open',
    template: 'deadline.json',
    description: 'A consultation deadline as someone who pressed Remind me sees it: how long is left, the link, and their own state.',
    render: () => renderDeadlineCard({ deadline: deadline(SAFEGUARDING), mine: follow(SAFEGUARDING, { remind: true }), now: NOW }, { refreshUserIds: USERS }),
  },
  {
    name: 'deadline-closed',
    template: 'deadline.json',
    description: 'After the close: "Closed", and the buttons are gone.',
    render: () =>
      renderDeadlineCard({ deadline: deadline(SAFEGUARDING), mine: follow(SAFEGUARDING, { remind: true, responded: true }), now: new Date('2024-06-21T08:00:00Z') }, { refreshUserIds: USERS }),
  },
  {
    name: 'author-event-form',
    template: 'form.json',
    description: 'What an organiser gets for "edit <event id>" (and, empty, for "new event"): the one authoring form, with date and time inputs.',
    render: () =>
      renderFormCard({
        eyebrow: 'NLC organisers',
        title: 'Edit: Practice Week online conference: Learning',
        intro: 'Saving updates every copy already posted (broadcasts and reminders). Dates and times are London time.',
        fields: EVENT_FIELDS,
        values: formTextOf(inputOf(event('practice-week-2024-conference'))),
        actions: [{ title: 'Save changes', verb: 'author.save', data: { kind: 'event', id: 'practice-week-2024-conference' } }],
      }),
  },
  {
    name: 'import-preview',
    template: 'import-preview.json',
    description: 'An import preview: what each row would do, and every problem, before anything is saved.',
    render: () => renderImportPreviewCard(previewOf(PASTED), PASTED),
  },
  {
    name: 'my-week',
    template: 'my-week.json',
    description: '"upcoming": the next seven days of one person, events, workshop places and deadlines together.',
    render: () => {
      const conference = event('practice-week-2024-conference');
      const at = new Date('2024-05-20T08:00:00Z');
      return renderMyWeekCard({
        from: at,
        to: new Date('2024-05-26T22:59:59Z'),
        items: [
          { kind: 'deadline', at: new Date(deadline('attendance-framework-survey-2024').closesAt!), deadline: deadline('attendance-framework-survey-2024'), follow: follow('attendance-framework-survey-2024', { remind: true }) },
          { kind: 'event', at: new Date(conference.startsAt), event: conference, response: 'going' },
          { kind: 'deadline', at: new Date(deadline('wraparound-capital-eoi-2024').closesAt!), deadline: deadline('wraparound-capital-eoi-2024'), follow: follow('wraparound-capital-eoi-2024', { responded: true }) },
        ].sort((a, b) => a.at.getTime() - b.at.getTime()) as Parameters<typeof renderMyWeekCard>[0]['items'],
      });
    },
  },
  {
    name: 'reminders',
    template: 'reminders.json',
    description: 'For organisers ("reminders <id>"): when each reminder goes, what became of those already due, and who is on the list.',
    render: () => {
      const subject = eventSubject(event('practice-week-2024-conference'));
      const [week, day] = reminderSlots(subject.at, subject.days, '09:00');
      return renderRemindersCard({
        subject,
        slots: [
          { days: week!.days, dueAt: week!.dueAt, state: 'queued', counts: { ...emptyDeliveryCounts(), total: 42, sent: 41, blocked: 1 } },
          { days: day!.days, dueAt: day!.dueAt, state: 'upcoming' },
        ],
        people: [
          { userId: 'a', name: 'Alex Teacher', reachable: true },
          { userId: 'b', name: 'Sam Head', reachable: true },
          { userId: 'c', name: 'Jo Governor', reachable: false },
        ],
      });
    },
  },
];
