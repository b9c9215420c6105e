import { UNREACHABLE_TEXT, type UnreachableReason, unreachableEntries } from '../domain/conversations/reach';
import type { BroadcastReport } from '../domain/broadcasts/service';
import type { ProgrammeRow } from '../domain/events/overview';
import type { ContributionInFull } from '../domain/task-groups/lead-view';
import { formatDate, formatDateTime, formatRange } from '../domain/time';
import type { WeekCount } from '../domain/time-series';
import type { AttendeeRow } from '../domain/workshops/attendees';
import type { AttendeeDto, BroadcastDto, ContributionDto, EventRow, WeekFigure } from './contract';

/**
 * Domain values as the tab's JSON (contract.ts): what people read, in London words;
 * nothing the page does not show (no Entra ids, no calendar token hashes).
 */
export function eventRow({ event, past, counts, places }: ProgrammeRow): EventRow {
  const where = event.location.type === 'online' ? 'Online (Teams)' : event.location.name;
  return {
    id: event.id,
    kind: event.kind,
    title: event.title,
    startsAt: event.startsAt,
    when: formatRange(new Date(event.startsAt), new Date(event.endsAt)),
    where,
    ...(event.series ? { series: event.series } : {}),
    ...(event.flourish ? { flourish: event.flourish } : {}),
    status: event.status,
    past,
    ...(counts ? { counts } : {}),
    ...(places ? { places } : {}),
  };
}

export function attendeeDto(row: AttendeeRow): AttendeeDto {
  const { entry } = row;
  return {
    bookingId: entry.bookingId,
    status: entry.status,
    ...(row.position !== undefined ? { position: row.position } : {}),
    name: entry.name ?? '(no name given)',
    role: row.roleLabel,
    school: entry.school,
    needs: entry.needs,
    requestedAt: entry.requestedAt,
    ...(row.noticeText ? { told: row.noticeText } : {}),
  };
}

export const weekFigures = (series: readonly WeekCount[]): WeekFigure[] =>
  series.map(({ week, count }) => ({ week, label: `w/c ${formatDate(new Date(`${week}T12:00:00Z`)).replace(/ \d{4}$/, '')}`, count }));

export function broadcastDto({ broadcast, counts, failures, running }: BroadcastReport): BroadcastDto {
  // Before the job has written a record per recipient, everyone counted in the preview is waiting.
  const total = broadcast.expandedAt ? counts.total : broadcast.previewCount;
  const waiting = broadcast.expandedAt ? counts.pending - counts.retrying : broadcast.previewCount;
  return {
    id: broadcast.id,
    title: broadcast.title,
    audienceText: broadcast.audienceText,
    status: broadcast.status,
    ...(broadcast.status === 'scheduled' && broadcast.sendAt ? { scheduledFor: formatDateTime(new Date(broadcast.sendAt)) } : {}),
    withdrawn: broadcast.withdrawn,
    createdAt: broadcast.createdAt,
    when: formatDateTime(new Date(broadcast.createdAt)),
    unreachable: broadcast.unreachable,
    unreachableWhy: whyUnreachable(broadcast.unreachableWhy),
    figures: {
      total, delivered: counts.sent, waiting, retrying: counts.retrying, failed: counts.failed,
      blocked: counts.blocked + counts.notFound, unreachable: counts.unreachable, opened: counts.opened,
    },
    failures: failures.map((f) => ({ state: f.state, reason: f.reason, count: f.count })),
    running,
  };
}

export function contributionDto({ contribution, callTitle, kindLabel, answers }: ContributionInFull): ContributionDto {
  return {
    id: contribution.id,
    callId: contribution.callId,
    callTitle,
    kind: contribution.kind,
    kindLabel,
    author: contribution.authorName ?? '(no name given)',
    sentAt: contribution.createdAt,
    when: formatDateTime(new Date(contribution.createdAt)),
    used: contribution.status === 'used',
    answers,
  };
}

const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;

/** Each reason with its count, in the words the cards use (bot/domain/conversations/reach.ts). */
export const whyUnreachable = (why: Partial<Record<UnreachableReason, number>> | undefined): string[] =>
  unreachableEntries(why).map(([reason, count]) => `${people(count)}: ${UNREACHABLE_TEXT[reason]}`);

/** A preview's reach in one sentence: copies to chats people have, to chats the bot opens, and who cannot be reached and why. */
export function reachText(preview: { recipients: number; opens: number; unreachable: number; unreachableWhy?: Partial<Record<UnreachableReason, number>> }): string {
  const { recipients, opens, unreachable } = preview;
  const where = opens > 0 ? `: ${recipients - opens} in a chat they already have, ${opens} in a chat the bot will open` : '';
  const why = whyUnreachable(preview.unreachableWhy);
  const missed = unreachable > 0 ? `; ${people(unreachable)} cannot be reached${why.length ? ` (${why.join('; ')})` : ''}` : '';
  return `Reaches ${opens > 0 ? people(recipients) : `${recipients} ${recipients === 1 ? 'chat' : 'chats'}`}${where}${missed}.`;
}
