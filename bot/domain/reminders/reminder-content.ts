import type { Clock } from '../../clock';
import type { Recipient } from '../broadcasts/broadcast';
import { refreshIdsOf } from '../broadcasts/recipients';
import type { PreparedContent } from '../broadcasts/content-types';
import type { ContentCards } from '../broadcasts/ports';
import { DomainError } from '../errors';
import type { CardJson } from '../messaging';
import type { DownloadLinks } from '../workshops/ports';
import { workshopView } from '../workshops/service';
import type { Workshop } from '../workshops/workshop';
import type { PeopleDeps } from './people';
import { civilHours, nextCivilStart } from './schedule';

/**
 * Reminders are sent as broadcasts (bot/jobs/broadcasts: paced by the process's one rate
 * limiter, each copy claimed and recorded, resumed after a crash), one broadcast per due
 * reminder. What their content types share: a personal card per recipient, the line
 * above it, and when it may go (broadcast-types.ts, booking-types.ts).
 */
export interface ReminderKindDeps extends PeopleDeps {
  clock: Clock;
  links: DownloadLinks;
  /** London "HH:MM" reminders go out at (REMINDER_TIME). */
  reminderTime: string;
  cards: ContentCards;
}

/** Its subject has gone from the store: nothing more is posted, and the broadcast winds down. */
export const gone = (cards: ContentCards, what: string): PreparedContent => {
  const card = cards.reminderGone(what);
  return { title: 'Reminder', version: Number.MAX_SAFE_INTEGER, sample: card, messageFor: () => ({ cards: [card] }), expired: `${what.toLowerCase()} is no longer listed` };
};

/** Who is reached in a personal chat; the card refreshes there to that person's own state. */
export const userOf = (recipient: Pick<Recipient, 'reference'>): { teamsId: string[]; aadId: string | undefined } => ({
  teamsId: refreshIdsOf({ scope: 'personal', reference: recipient.reference }),
  aadId: recipient.reference.user?.aadObjectId?.toLowerCase(),
});

/** When a reminder found outside the civil hours (a restart at night) may go. */
export function timing(deps: ReminderKindDeps, over: string | undefined, now: Date): Pick<PreparedContent, 'expired' | 'notBefore'> {
  if (over) return { expired: over };
  const opens = nextCivilStart(now, civilHours(deps.reminderTime));
  return opens > now ? { notBefore: opens } : {};
}

/** A reminder's content: the line above, and the card as the person it goes to sees it. */
export function personalReminder(
  what: { title: string; version: number; text: string; cardFor: (aadId: string | undefined, teamsId: string[]) => CardJson },
  when: Pick<PreparedContent, 'expired' | 'notBefore'>,
): PreparedContent {
  return {
    title: `Reminder: ${what.title}`,
    version: what.version,
    sample: what.cardFor(undefined, []),
    messageFor: (recipient) => {
      const { aadId, teamsId } = userOf(recipient);
      return { text: what.text, cards: [what.cardFor(aadId, teamsId)] };
    },
    ...when,
  };
}

/** A workshop's card as each person reminded of it sees it (their own place, or none yet), from one read of its ledger. */
export async function workshopCardFor(deps: ReminderKindDeps, workshop: Workshop, now: Date): Promise<(aadId: string | undefined, teamsId: string[]) => CardJson> {
  const ledger = await deps.workshops.getLedger(workshop.id);
  return (aadId, teamsId) => deps.cards.workshop(workshopView(workshop, ledger, aadId, now, deps.links), teamsId);
}

/** Reminders are not offered to organisers: the bot queues them itself (planner.ts). */
export const notComposable = () => Promise.reject(new DomainError('invalid_input', 'Reminders are sent by the bot on their own.'));

