import { UNREACHABLE_TEXT } from '../conversations/reach';
import { csvDocument } from '../csv';
import { ROLES } from './booking-form';
import { type BookingEntry, type Ledger, type PromotionNotice, waitlistPosition } from './ledger';

/**
 * The attendee list as organisers see it (card) and export it (CSV): booked people in
 * the order they got their place, then the waitlist in order, then cancellations.
 */
export interface AttendeeRow {
  entry: BookingEntry;
  roleLabel: string;
  position?: number;
  noticeText?: string;
}

const STATUS_ORDER = { booked: 0, waitlisted: 1, cancelled: 2 } as const;

export function attendeeRows(ledger: Ledger | undefined): AttendeeRow[] {
  if (!ledger) return [];
  return [...ledger.entries]
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.seq - b.seq)
    .map((entry) => ({
      entry,
      roleLabel: ROLES[entry.role],
      position: waitlistPosition(ledger, entry),
      noticeText: entry.promotedAt ? noticeText(entry.notice) : undefined,
    }));
}

/** Whether a promoted person was told, in words; organisers act on "not told". */
export function noticeText(notice: PromotionNotice | undefined): string {
  if (!notice) return 'being told';
  switch (notice.status) {
    case 'sent':
      return 'told in Teams';
    case 'no_personal_chat':
      return `not told: ${notice.reason ? UNREACHABLE_TEXT[notice.reason] : 'they have no chat with the bot'}`;
    case 'retry':
      return `not told yet (${notice.failure}); trying again`;
    case 'failed':
      return `not told: Teams refused (${notice.failure})`;
  }
}

const HEADER = [
  'status',
  'waiting list position',
  'name',
  'role',
  'school or setting',
  'access or dietary needs',
  'requested at (UTC)',
  'booked at (UTC)',
  'joined the waiting list at (UTC)',
  'promoted at (UTC)',
  'cancelled at (UTC)',
  'told of promotion',
  'booking reference',
];

/** The whole list as CSV (see csv.ts). */
export function attendeesCsv(ledger: Ledger | undefined): string {
  const rows = attendeeRows(ledger).map(({ entry, roleLabel, position, noticeText: told }) => [
    entry.status,
    position === undefined ? '' : String(position),
    entry.name ?? '',
    roleLabel,
    entry.school,
    entry.needs,
    entry.requestedAt,
    entry.bookedAt ?? '',
    entry.waitlistedAt ?? '',
    entry.promotedAt ?? '',
    entry.cancelledAt ?? '',
    told ?? '',
    entry.bookingId,
  ]);
  return csvDocument(HEADER, rows);
}
