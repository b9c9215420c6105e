import type { AttendeeRow } from '../bot/domain/workshops/attendees';
import type { LedgerChange } from '../bot/domain/workshops/ledger';
import type { AttendeeList } from '../bot/domain/workshops/manage';
import { MAX_CAPACITY } from '../bot/domain/workshops/terms';
import { formatDate, formatDateTime, formatTime } from '../bot/domain/time';
import { whenText } from '../bot/domain/events/when';
import json from './attendees.json';
import { plural } from './plural';
import { type AdaptiveCardJson, cardTemplate } from './template';
import { WORKSHOP_ATTENDEES, WORKSHOP_CAPACITY, WORKSHOP_CLOSE, WORKSHOP_EXPORT, WORKSHOP_REOPEN } from './verbs';

interface Section {
  heading: string;
  rows: { line: string; detail: string }[];
}

export interface AttendeesCardData {
  eventId: string;
  title: string;
  banner: string;
  when: string;
  bookingText: string;
  countsText: string;
  exportUrl: string;
  exportText: string;
  sections: Section[];
  /** "People 26 to 50 of 62", or '' when everyone fits on one page. */
  pageText: string;
  pager: { title: string; page: number }[];
  changes: string[];
  capacity: number;
  maxCapacity: number;
  capacityError: string;
  canClose: boolean;
  canReopen: boolean;
}

const expand = cardTemplate<AttendeesCardData>(json, { capacity: WORKSHOP_CAPACITY, export: WORKSHOP_EXPORT, close: WORKSHOP_CLOSE, reopen: WORKSHOP_REOPEN, attendees: WORKSHOP_ATTENDEES });

/** People on one page of the card: short enough to read at card width; Next and Previous go through the rest, the export has everyone. */
export const ATTENDEES_PER_PAGE = 25;
/** Long free text is cut on the card (the export has it whole). */
const MAX_TEXT_SHOWN = 60;
const MAX_CHANGES_SHOWN = 5;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function row({ entry, roleLabel, position, noticeText }: AttendeeRow, n: number): Section['rows'][number] {
  const when = entry.status === 'booked' ? `Booked ${formatDateTime(new Date(entry.bookedAt ?? entry.requestedAt))}` : `Waiting since ${formatDateTime(new Date(entry.requestedAt))}`;
  const detail = [when, entry.promotedAt ? `moved up from the waiting list, ${noticeText ?? ''}` : '', entry.needs ? `Needs: ${clip(entry.needs, MAX_TEXT_SHOWN)}` : '']
    .filter(Boolean)
    .join(' · ');
  return { line: `**${position ?? n}. ${clip(entry.name ?? 'Unknown name', MAX_TEXT_SHOWN)}** · ${roleLabel} · ${clip(entry.school, MAX_TEXT_SHOWN)}`, detail };
}

/** One page of the booked people then the waiting list, in order, each numbered within its own list. */
function paged(booked: readonly AttendeeRow[], waiting: readonly AttendeeRow[], requested: number): Pick<AttendeesCardData, 'sections' | 'pageText' | 'pager'> {
  const everyone = [...booked.map((r, i) => ({ r, n: i + 1, heading: 'Booked' })), ...waiting.map((r, i) => ({ r, n: i + 1, heading: 'Waiting list' }))];
  const pages = Math.max(1, Math.ceil(everyone.length / ATTENDEES_PER_PAGE));
  const page = Math.min(Math.max(1, requested), pages);
  const shown = everyone.slice((page - 1) * ATTENDEES_PER_PAGE, page * ATTENDEES_PER_PAGE);
  const sections: Section[] = [];
  for (const { r, n, heading } of shown) {
    if (sections.at(-1)?.heading !== heading) sections.push({ heading, rows: [] });
    sections.at(-1)!.rows.push(row(r, n));
  }
  const first = (page - 1) * ATTENDEES_PER_PAGE + 1;
  return {
    sections,
    pageText: pages > 1 ? `People ${first} to ${first + shown.length - 1} of ${everyone.length} (page ${page} of ${pages})` : '',
    pager: [
      ...(page > 1 ? [{ title: 'Previous', page: page - 1 }] : []),
      { title: 'Refresh', page },
      ...(page < pages ? [{ title: 'Next', page: page + 1 }] : []),
    ],
  };
}

function changeText(change: LedgerChange): string {
  const at = formatDateTime(new Date(change.at));
  if (change.kind === 'capacity') return `${at}: places changed from ${change.from ?? '?'} to ${change.to ?? '?'}`;
  return `${at}: booking ${change.kind === 'closed' ? 'closed' : 'reopened'} by an organiser`;
}

export interface AttendeesCardOptions {
  banner?: string;
  /** An invalid capacity: what was typed and why it was refused. */
  capacityForm?: { value?: number; problem: string };
  /** Which page of people to show (1 = the first); one past the end shows the last. */
  page?: number;
}

/** The organisers' view of one workshop: who is booked and waiting, with export, capacity and open/close. */
export function renderAttendeesCard(list: AttendeeList, options: AttendeesCardOptions = {}): AdaptiveCardJson {
  const { view, rows, ledger } = list;
  const { workshop } = view;
  const booked = rows.filter((r) => r.entry.status === 'booked');
  const waiting = rows.filter((r) => r.entry.status === 'waitlisted');
  const cancelled = rows.filter((r) => r.entry.status === 'cancelled').length;
  const started = view.now >= new Date(workshop.startsAt);
  const closedByOrganiser = ledger?.closed ?? false;
  return expand({
    eventId: workshop.id,
    title: workshop.title,
    banner: options.banner ?? '',
    when: whenText(workshop),
    bookingText: view.closedReason ? `Closed. ${view.closedReason}` : `Open until the end of ${formatDate(new Date(workshop.booking.deadline))}`,
    countsText: `${plural(view.capacity, 'place')} · ${view.booked} booked · ${view.waitlisted} on the waiting list · ${cancelled} cancelled`,
    exportUrl: list.export?.url ?? '',
    exportText: list.export ? `The link works until ${formatTime(list.export.expiresAt)}; it holds people's needs, so do not forward it.` : '',
    ...paged(booked, waiting, options.page ?? 1),
    changes: (ledger?.changes ?? []).slice(-MAX_CHANGES_SHOWN).map(changeText),
    capacity: options.capacityForm?.value ?? view.capacity,
    maxCapacity: MAX_CAPACITY,
    capacityError: options.capacityForm?.problem ?? '',
    canClose: !started && !closedByOrganiser,
    canReopen: !started && closedByOrganiser,
  });
}
