import type { AttendeeRow } from '../bot/domain/workshops/attendees';
import type { LedgerChange } from '../bot/domain/workshops/ledger';
import type { AttendeeList } from '../bot/domain/workshops/manage';
import { MAX_CAPACITY } from '../bot/domain/workshops/terms';
import { formatDate, formatDateTime, formatTime } from '../bot/domain/time';
import { whenText } from '../bot/domain/events/when';
import json from './attendees.json';
import { type AdaptiveCardJson, cardTemplate } from './template';
import { WORKSHOP_ATTENDEES, WORKSHOP_CAPACITY, WORKSHOP_CLOSE, WORKSHOP_EXPORT, WORKSHOP_REOPEN } from './verbs';

interface Section {
  heading: string;
  rows: { line: string; detail: string }[];
  more: string;
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
  changes: string[];
  capacity: number;
  maxCapacity: number;
  capacityError: string;
  canClose: boolean;
  canReopen: boolean;
}

const expand = cardTemplate<AttendeesCardData>(json, { capacity: WORKSHOP_CAPACITY, export: WORKSHOP_EXPORT, close: WORKSHOP_CLOSE, reopen: WORKSHOP_REOPEN, attendees: WORKSHOP_ATTENDEES });

/** Rows shown on the card; the export has everyone. Keeps the card under Teams' 28 KB. */
export const MAX_BOOKED_ROWS = 40;
export const MAX_WAITLIST_ROWS = 10;
/** Long free text is cut on the card (the export has it whole). */
const MAX_TEXT_SHOWN = 60;
const MAX_CHANGES_SHOWN = 5;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function row({ entry, roleLabel, position, noticeText }: AttendeeRow, n: number): Section['rows'][number] {
  const when = entry.status === 'booked' ? `Booked ${formatDateTime(new Date(entry.bookedAt ?? entry.requestedAt))}` : `Waiting since ${formatDateTime(new Date(entry.requestedAt))}`;
  const detail = [when, entry.promotedAt ? `moved up from the waitlist, ${noticeText ?? ''}` : '', entry.needs ? `Needs: ${clip(entry.needs, MAX_TEXT_SHOWN)}` : '']
    .filter(Boolean)
    .join(' · ');
  return { line: `**${position ?? n}. ${clip(entry.name ?? 'Unknown name', MAX_TEXT_SHOWN)}** · ${roleLabel} · ${clip(entry.school, MAX_TEXT_SHOWN)}`, detail };
}

function section(heading: string, rows: readonly AttendeeRow[], max: number, moreText: (n: number) => string): Section {
  return { heading, rows: rows.slice(0, max).map((r, i) => row(r, i + 1)), more: rows.length > max ? moreText(rows.length - max) : '' };
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
    countsText: `${view.capacity} places · ${view.booked} booked · ${view.waitlisted} waiting · ${cancelled} cancelled`,
    exportUrl: list.export?.url ?? '',
    exportText: list.export ? `The link works until ${formatTime(list.export.expiresAt)}; it holds people's needs, so do not forward it.` : '',
    sections: [
      section('Booked', booked, MAX_BOOKED_ROWS, (n) => `and ${n} more booked: export the CSV for everyone.`),
      section('Waitlist', waiting, MAX_WAITLIST_ROWS, (n) => `and ${n} more waiting: export the CSV for everyone.`),
    ].filter((s) => s.rows.length > 0),
    changes: (ledger?.changes ?? []).slice(-MAX_CHANGES_SHOWN).map(changeText),
    capacity: options.capacityForm?.value ?? view.capacity,
    maxCapacity: MAX_CAPACITY,
    capacityError: options.capacityForm?.problem ?? '',
    canClose: !started && !closedByOrganiser,
    canReopen: !started && closedByOrganiser,
  });
}
