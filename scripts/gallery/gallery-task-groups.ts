import { demoTaskGroups } from '../../bot/data/demo/task-groups';
import type { Contribution } from '../../bot/domain/task-groups/task-group';
import { NEW_GROUP_FIELDS } from '../../bot/domain/task-groups/service';
import { renderContributionCard } from '../../cards/contribution';
import { renderCallCard, renderOpenCallsCard } from '../../cards/call';
import { renderMyContributionsCard } from '../../cards/my-contributions';
import { renderDigestCard } from '../../cards/digest';
import { renderFormCard } from '../../cards/form';
import { renderTaskGroupCard } from '../../cards/task-group';
import { type GalleryEntry, USERS } from './entry';

/** Task group, call for contributions and contribution cards for the gallery (gallery.ts). */
const NOW = new Date('2024-04-23T08:00:00Z');
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
export const taskGroupGallery: GalleryEntry[] = [
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
];
