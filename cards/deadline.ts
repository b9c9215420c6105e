import { type Deadline, deadlineState, type DeadlineFollow } from '../bot/domain/deadlines/deadline';
import type { DeadlineView } from '../bot/domain/deadlines/service';
import { formatDate, formatTime, londonDaysBetween } from '../bot/domain/time';
import json from './deadline.json';
import { plural } from './plural';
import { withShareAction } from './share';
import { type AdaptiveCardJson, cardTemplate, type RefreshAudience, withRefresh } from './template';
import { DEADLINE_REMIND, DEADLINE_RESPONDED, DEADLINE_VIEW } from './verbs';

type Color = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';

export interface DeadlineCardData {
  eyebrow: string;
  title: string;
  example: string;
  banner: string;
  summary: string;
  respondents: string;
  closesOn: string;
  closesText: string;
  closesColor: Color;
  statusText: string;
  statusColor: Color;
  buttons: { title: string; verb: string; style: 'positive' | 'default'; data: Record<string, unknown> }[];
  link: string;
}

const expand = cardTemplate<DeadlineCardData>(json);

export const OPEN_OFFER_TEXT = 'No closing date: applications remain open';

/** "Thu 20 June 2024", with the time only when it is not the end of the day; an open offer says it has no closing date. */
export function closesOn(deadline: Deadline): string {
  if (!deadline.closesAt) return OPEN_OFFER_TEXT;
  const closes = new Date(deadline.closesAt);
  const time = formatTime(closes);
  return time === '23:59' ? formatDate(closes) : `${formatDate(closes)}, ${time}`;
}

/** "Closes in 5 days: Thu 20 June 2024", "Closes tomorrow: ...", "Closes today: ...", "Closed". */
export function closesText(deadline: Deadline, now: Date): string {
  const state = deadlineState(deadline, now);
  if (state === 'cancelled') return 'Withdrawn';
  if (state === 'closed') return 'Closed';
  if (!deadline.closesAt) return 'Open';
  const days = londonDaysBetween(now, new Date(deadline.closesAt));
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return `Closes ${when}: ${closesOn(deadline)}`;
}

/** "7 days, 3 days and 1 day": each number with its own unit, so one day is never "1 days". */
export function daysList(days: readonly number[]): string {
  const words = days.map((d) => plural(d, 'day'));
  const last = words.pop();
  return `${words.length ? `${words.join(', ')} and ` : ''}${last ?? ''}`;
}

function closesColor(deadline: Deadline, now: Date): Color {
  if (deadlineState(deadline, now) !== 'open' || !deadline.closesAt) return 'Default';
  const days = londonDaysBetween(now, new Date(deadline.closesAt));
  return days <= 1 ? 'Attention' : days <= 7 ? 'Warning' : 'Default';
}

function status(deadline: Deadline, mine: DeadlineFollow | undefined, now: Date): Pick<DeadlineCardData, 'statusText' | 'statusColor' | 'buttons'> {
  const data = (change: Record<string, boolean>) => ({ deadlineId: deadline.id, ...change });
  if (deadlineState(deadline, now) !== 'open') {
    return { statusText: mine?.responded ? 'You responded.' : '', statusColor: 'Good', buttons: [] };
  }
  if (mine?.responded) {
    return {
      statusText: "You've responded. Thank you.",
      statusColor: 'Good',
      buttons: [{ title: "I haven't responded yet", verb: DEADLINE_RESPONDED, style: 'default', data: data({ responded: false }) }],
    };
  }
  const responded = { title: "I've responded", verb: DEADLINE_RESPONDED, style: 'default' as const, data: data({ responded: true }) };
  // An open offer has no date to count down to, so nothing to remind anyone of.
  if (!deadline.closesAt) return { statusText: '', statusColor: 'Default', buttons: [responded] };
  const closesAt = new Date(deadline.closesAt);
  const ahead = deadline.reminderDays.filter((d) => londonDaysBetween(now, closesAt) > d);
  const remindText = ahead.length ? `We'll remind you ${daysList(ahead)} before it closes.` : "We'll remind you if there is time before it closes.";
  return {
    statusText: mine?.remind ? remindText : 'Want a reminder before it closes?',
    statusColor: mine?.remind ? 'Good' : 'Default',
    buttons: [
      mine?.remind
        ? { title: 'Stop reminders', verb: DEADLINE_REMIND, style: 'default', data: data({ remind: false }) }
        : // Respond (the consultation's own link) is the card's one main action.
          { title: 'Remind me', verb: DEADLINE_REMIND, style: 'default', data: data({ remind: true }) },
      responded,
    ],
  };
}

export interface DeadlineCardOptions {
  /** Whose clients refresh the card to their own view (template.ts: RefreshAudience). */
  refreshUserIds: RefreshAudience;
  banner?: string;
  /** Its public page: while it is open (answers, bookings, responses), the card offers Share. */
  shareUrl?: string;
}

/** One consultation deadline as one person sees it: how long is left, their own answer, and the buttons while it is open. */
export function renderDeadlineCard(view: DeadlineView, options: DeadlineCardOptions): AdaptiveCardJson {
  const { deadline, mine, now } = view;
  const open = deadlineState(deadline, now) === 'open';
  const card = expand({
    eyebrow: [deadline.closesAt ? 'Consultation deadline' : 'Open offer', deadline.from].filter(Boolean).join(' · '),
    title: deadline.title,
    example: deadline.example ?? '',
    banner: options.banner ?? '',
    summary: deadline.summary ?? '',
    respondents: deadline.respondents,
    closesOn: closesOn(deadline),
    closesText: closesText(deadline, now),
    closesColor: closesColor(deadline, now),
    ...status(deadline, mine, now),
    link: open ? deadline.link : '',
  });
  return withShareAction(withRefresh(card, DEADLINE_VIEW, { deadlineId: deadline.id }, options.refreshUserIds), open ? options.shareUrl : undefined);
}
