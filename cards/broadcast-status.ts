import type { BroadcastReport } from '../bot/domain/broadcasts/service';
import { sendAtText } from '../bot/domain/broadcasts/sending-options';
import { UNREACHABLE_TEXT, unreachableEntries } from '../bot/domain/conversations/reach';
import { formatDateTime } from '../bot/domain/time';
import json from './broadcast-status.json';
import { plural } from './plural';
import { type AdaptiveCardJson, cardTemplate, withRefresh } from './template';
import { BROADCAST_RESEND, BROADCAST_STATUS, BROADCAST_WITHDRAW } from './verbs';

export interface StatusCardData {
  broadcastId: string;
  title: string;
  audienceText: string;
  stateText: string;
  stateColor: 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';
  facts: { title: string; value: string }[];
  failures: string[];
  updatedText: string;
  /** The one main action, under the reasons it answers: '' when there is nothing to resend. */
  resendTitle: string;
  actions: { title: string; verb: string }[];
}

const expand = cardTemplate<StatusCardData>(json, { resend: BROADCAST_RESEND });

const n = (value: number): string => value.toLocaleString('en-GB');

/** Before each reason, which is in people's words already (bot/delivery/failures.ts): "9 not delivered: blocked the app". */
const FAILURE_LABEL = { failed: 'not delivered', blocked: 'not delivered', not_found: 'not delivered', unreachable: 'not reached', update_failed: 'not updated' } as const;

/**
 * Where the copies to people went, kept apart: delivered in a chat they already had,
 * delivered in one the bot opened, and people it could not reach (when the audience was
 * read, or when it tried to open their chat).
 */
function reachFacts(report: BroadcastReport): { title: string; value: string }[] {
  const { broadcast, counts } = report;
  const cannotReach = broadcast.unreachable + counts.unreachable;
  const opening = counts.opened > 0 || (broadcast.previewOpens ?? 0) > 0;
  return [
    ...(opening ? [{ title: 'In a chat they already had', value: n(counts.sent - counts.opened) }, { title: 'In a chat the bot opened', value: n(counts.opened) }] : []),
    ...(cannotReach > 0 ? [{ title: 'Could not be reached', value: n(cannotReach) }] : []),
  ];
}

/** Why people were not reached when the audience was read, in the words the failures list uses. */
const unreachableLines = (broadcast: BroadcastReport['broadcast']): string[] =>
  unreachableEntries(broadcast.unreachableWhy).map(([reason, c]) => `${n(c)} not reached: ${UNREACHABLE_TEXT[reason]}`);

function state(report: BroadcastReport): Pick<StatusCardData, 'stateText' | 'stateColor'> {
  const { broadcast, counts, running } = report;
  if (broadcast.status === 'draft') return { stateText: 'Not sent yet: this is a draft.', stateColor: 'Default' };
  if (broadcast.status === 'scheduled') return { stateText: `Scheduled for ${sendAtText(broadcast.sendAt ?? '')}. Nothing is sent before then; Cancel the send stops it.`, stateColor: 'Accent' };
  if (broadcast.status === 'queued') return { stateText: 'Queued: sending starts in a moment.', stateColor: 'Accent' };
  if (broadcast.withdrawn && !broadcast.expandedAt) return { stateText: 'Cancelled before it went: nothing was sent.', stateColor: 'Default' };
  if (broadcast.withdrawn) {
    return running
      ? { stateText: `Withdrawing: ${n(counts.current)} of ${plural(counts.sent, 'copy', 'copies')} replaced so far.`, stateColor: 'Accent' }
      : { stateText: `Withdrawn: ${plural(counts.current, 'copy', 'copies')} replaced.`, stateColor: 'Default' };
  }
  if (running && counts.pending > 0) return { stateText: `Sending: ${n(counts.sent)} of ${n(counts.total)} sent so far.`, stateColor: 'Accent' };
  if (running) return { stateText: `Updating posted copies: ${n(counts.current)} of ${n(counts.sent)} done.`, stateColor: 'Accent' };
  const missed = counts.failed + counts.blocked + counts.notFound + counts.unreachable;
  return {
    stateText: `Done: delivered to ${n(counts.sent)} of ${n(counts.total)}.`,
    stateColor: missed > 0 ? 'Warning' : 'Good',
  };
}

/**
 * The organiser's view of a broadcast: live counts while it runs, then the report. The
 * broadcast job edits the posted card as it goes; a refresh block shows the latest
 * whenever the organiser opens the chat.
 */
export function renderStatusCard(report: BroadcastReport, options: { refreshUserIds?: readonly string[]; now: Date }): AdaptiveCardJson {
  const { broadcast, counts, failures } = report;
  const facts = [
    { title: 'Delivered', value: n(counts.sent) },
    ...reachFacts(report),
    { title: 'Pending', value: n(counts.pending) },
    { title: 'Failed', value: n(counts.failed) },
    { title: 'Blocked', value: n(counts.blocked) },
    { title: 'Not found', value: n(counts.notFound) },
    ...(broadcast.revision > 0 ? [{ title: 'Copies showing the latest version', value: `${n(counts.current)} of ${n(counts.sent)}` }] : []),
    ...(counts.updateFailed > 0 ? [{ title: 'Copies that could not be updated', value: n(counts.updateFailed) }] : []),
  ];
  const actions = [
    { title: 'Refresh', verb: BROADCAST_STATUS },
    ...(!broadcast.withdrawn && broadcast.status !== 'draft' ? [{ title: broadcast.status === 'scheduled' ? 'Cancel the send' : 'Withdraw', verb: BROADCAST_WITHDRAW }] : []),
  ];
  const card = expand({
    broadcastId: broadcast.id,
    title: broadcast.title,
    audienceText: broadcast.audienceText,
    ...state(report),
    facts: broadcast.expandedAt ? facts : [{ title: 'Recipients at preview', value: n(broadcast.previewCount) }],
    failures: [...failures.map((f) => `${n(f.count)} ${FAILURE_LABEL[f.state]}: ${f.reason}`), ...unreachableLines(broadcast)],
    updatedText: `As of ${formatDateTime(options.now)}`,
    resendTitle: counts.failed > 0 && !broadcast.withdrawn && !report.running ? `Resend to failed (${n(counts.failed)})` : '',
    actions,
  });
  return withRefresh(card, BROADCAST_STATUS, { broadcastId: broadcast.id }, options.refreshUserIds ?? []);
}
