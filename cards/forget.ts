import { PERSONAL_DATA_KINDS, type PersonalDataCounts, type PersonalDataKind, totalOf } from '../bot/domain/privacy/privacy';
import type { ForgetPreview, ForgetReport } from '../bot/domain/privacy/service';
import { plural } from './plural';
import json from './forget.json';
import { type AdaptiveCardJson, cardTemplate } from './template';
import { PRIVACY_FORGET_ME, PRIVACY_FORGET_PERSON, PRIVACY_REVIEW_PERSON } from './verbs';

interface ForgetCardData {
  title: string;
  color: 'Default' | 'Good' | 'Warning';
  intro: string;
  items: { count: string; label: string }[];
  people: { userId: string; name: string; summary: string }[];
  note: string;
  actions: { title: string; verb: string; style: 'destructive' | 'default'; data: Record<string, unknown> }[];
}

const expand = cardTemplate<ForgetCardData>(json, { reviewPerson: PRIVACY_REVIEW_PERSON });

/** What one record of a kind is called, where it differs from the kind's name for several ("1 workshop booking", not "1 workshop bookings"). */
const ONE: Partial<Record<PersonalDataKind, string>> = {
  rsvps: "answer to an event (Going, Maybe, Can't go)",
  bookings: 'workshop booking or waiting list place (yours, or one you made for a colleague), with role, school and needs',
  bookingReminders: 'your "Remind me to book" request on a workshop',
  memberships: 'task-group membership',
  contributions: 'contribution to a task group (its text is deleted)',
  leadRoles: 'task-group lead role',
  deliveries: 'record of a broadcast message sent to you',
  deadlineAnswers: "Remind me or I've responded answer on a consultation deadline",
};

const items = (counts: PersonalDataCounts): ForgetCardData['items'] =>
  (Object.keys(PERSONAL_DATA_KINDS) as PersonalDataKind[])
    .filter((k) => counts[k] > 0)
    .map((k) => ({ count: counts[k].toLocaleString('en-GB'), label: (counts[k] === 1 ? ONE[k] : undefined) ?? PERSONAL_DATA_KINDS[k] }));

const whose = (p: { self: boolean; person: { name?: string } }): string => (p.self ? 'you' : (p.person.name ?? 'this person'));

const blank: Omit<ForgetCardData, 'title' | 'color' | 'intro'> = { items: [], people: [], note: '', actions: [] };

/** Before anything is deleted: what the bot holds, and the one button that deletes it. */
export function renderForgetPreviewCard(preview: ForgetPreview): AdaptiveCardJson {
  const name = whose(preview);
  if (totalOf(preview.held) === 0) {
    return expand({ ...blank, title: 'Nothing to forget', color: 'Good', intro: `The bot holds nothing about ${name}.` });
  }
  const confirm = preview.self
    ? { title: 'Delete my data', verb: PRIVACY_FORGET_ME, style: 'destructive' as const, data: {} }
    : { title: `Delete ${name}'s data`, verb: PRIVACY_FORGET_PERSON, style: 'destructive' as const, data: { userId: preview.person.userId } };
  return expand({
    ...blank,
    title: preview.self ? 'Forget me' : `Remove ${name}'s data`,
    color: 'Warning',
    intro: `This is what the bot holds about ${name}. Deleting it cannot be undone.`,
    items: items(preview.held),
    note:
      'Workshop places are given to the next person waiting. Messages other people received stay, without the name. ' +
      'Copies of messages already in Teams chats are kept by Teams, not by this bot.',
    actions: [confirm],
  });
}

/** After: what went. */
export function renderForgetDoneCard(report: ForgetReport): AdaptiveCardJson {
  const removed = totalOf(report.removed);
  return expand({
    ...blank,
    title: report.self ? 'Your data has been deleted' : `${report.person.name ?? 'Their'} data has been deleted`,
    color: 'Good',
    intro: removed === 0 ? 'There was nothing left to delete.' : `Deleted ${removed} ${removed === 1 ? 'record' : 'records'}:`,
    items: items(report.removed),
    note: report.self
      ? 'If you message the bot again, it keeps the address of this chat again so it can answer you. Type "forget me" at any time.'
      : 'Tell the person it is done. If they use the bot again, it keeps what they do from then on.',
  });
}

/** An organiser's search by name found several people: pick one. */
export function renderForgetChoiceCard(query: string, previews: readonly ForgetPreview[]): AdaptiveCardJson {
  if (previews.length === 0) {
    return expand({
      ...blank,
      title: 'No one found',
      color: 'Default',
      intro: `The bot holds nothing under the name or id "${query}".`,
      note: 'Names are matched exactly as Teams shows them (capitals do not matter). You can also give the Entra object id.',
    });
  }
  return expand({
    ...blank,
    title: `${previews.length} people called "${query}"`,
    color: 'Default',
    intro: 'Check which one asked, then review what the bot holds before removing it.',
    people: previews.map((p) => ({
      userId: p.person.userId,
      name: p.person.name ?? p.person.userId,
      summary: `Entra id ${p.person.userId}: ${plural(totalOf(p.held), 'record')}`,
    })),
  });
}
