import type { Clock } from '../../clock';
import { type Backoff, backoffMs } from '../../retry';
import { notifyPerson } from '../conversations/notify';
import type { PersonalChats } from '../conversations/personal-chats';
import { isDomainError } from '../errors';
import type { EventStore } from '../events/ports';
import { isDeliveryError, type Messenger, type OutgoingMessage } from '../messaging';
import { asWorkshop } from './workshop';
import { type BookingEntry, type Ledger, type PromotionNotice } from './ledger';
import type { DownloadLinks, WorkshopStore } from './ports';
import { workshopView, type WorkshopView } from './service';

export interface PromotionDeps {
  events: EventStore;
  workshops: WorkshopStore;
  /** Where each promoted person is told: their chat, or one the bot opens through a team they share. */
  chats: PersonalChats;
  messenger: Messenger;
  clock: Clock;
  links: DownloadLinks;
  /** The message a promoted person gets: their booked card, with Cancel and calendar. */
  promotionMessage(view: WorkshopView): OutgoingMessage;
}

/** Attempts at a throttled or passing failure before it is recorded as failed. */
export const MAX_NOTICE_ATTEMPTS = 5;
/** The promotion-notices job leaves a promotion this long to the send that follows it directly. */
export const NOTICE_GRACE_MS = 2 * 60_000;
/** A notice that failed in passing is tried again 1, 2, 4, 8 minutes after the try before. */
const NOTICE_BACKOFF: Backoff = { baseDelayMs: 60_000, maxDelayMs: 8 * 60_000, jitter: 'none' };

/**
 * Tells each promoted person, in their personal chat with the bot (opened for them when
 * they have none and share a team with it), that a place has opened and is theirs, and records the outcome on their entry (organisers see who could
 * not be told). The promotion itself was committed first; if the process stops between
 * that write and this one, the promotion-notices job finds the entry without an outcome
 * and sends it then, so everyone is told at least once.
 */
export async function announcePromotions(deps: PromotionDeps, eventId: string, promoted: readonly Pick<BookingEntry, 'bookingId'>[]): Promise<void> {
  for (const { bookingId } of promoted) await announceOne(deps, eventId, bookingId);
}

async function announceOne(deps: PromotionDeps, eventId: string, bookingId: string): Promise<void> {
  const [event, ledger] = await Promise.all([deps.events.getEvent(eventId), deps.workshops.getLedger(eventId)]);
  const entry = ledger?.entries.find((e) => e.bookingId === bookingId);
  // Cancelled again, or already told, before we got here: nothing to say.
  if (!event || !ledger || !entry || entry.status !== 'booked' || !needsNotice(entry)) return;
  const now = deps.clock.now();
  const view = workshopView(asWorkshop(event), ledger, entry.userId, now, deps.links);
  const notice = await send(deps, entry, view, now);
  await deps.workshops.updateLedger(eventId, (current) => {
    const still = current?.entries.find((e) => e.bookingId === bookingId);
    return { next: current && still && needsNotice(still) ? recordNotice(current, bookingId, notice) : undefined, result: undefined };
  });
}

async function send(deps: PromotionDeps, entry: BookingEntry, view: WorkshopView, now: Date): Promise<PromotionNotice> {
  const at = now.toISOString();
  try {
    const outcome = await notifyPerson(deps, entry.userId, deps.promotionMessage(view));
    return outcome.sent ? { status: 'sent', at, messageId: outcome.messageId } : { status: 'no_personal_chat', at, reason: outcome.reason };
  } catch (error) {
    const storeBusy = isDomainError(error) && error.code === 'unavailable';
    if (!isDeliveryError(error) && !storeBusy) throw error;
    const failure = isDeliveryError(error) ? error.failure : 'store';
    const attempts = (entry.notice?.status === 'retry' ? entry.notice.attempts : 0) + 1;
    const worthRetrying = failure === 'throttled' || failure === 'transient' || failure === 'store';
    return worthRetrying && attempts < MAX_NOTICE_ATTEMPTS ? { status: 'retry', at, failure, attempts } : { status: 'failed', at, failure };
  }
}

/** Promoted and not yet told (or told unsuccessfully with a retry due). */
const needsNotice = (entry: BookingEntry): boolean => Boolean(entry.promotedAt) && (!entry.notice || entry.notice.status === 'retry');

/**
 * One run of the promotion-notices job: promotions in upcoming workshops whose notice was
 * never recorded (the process stopped after the promotion) or is due a retry (NOTICE_BACKOFF).
 */
export async function announcePendingPromotions(deps: PromotionDeps, upcomingLimit = 50): Promise<number> {
  const now = deps.clock.now();
  const events = (await deps.events.listUpcoming(now, upcomingLimit)).filter((e) => e.kind === 'workshop');
  let announced = 0;
  for (const event of events) {
    const ledger = await deps.workshops.getLedger(event.id);
    const due = (ledger?.entries ?? []).filter((e) => e.status === 'booked' && needsNotice(e) && isDue(e, now));
    await announcePromotions(deps, event.id, due);
    announced += due.length;
  }
  return announced;
}

function isDue(entry: BookingEntry, now: Date): boolean {
  if (entry.notice?.status === 'retry') {
    return now.getTime() - new Date(entry.notice.at).getTime() >= backoffMs(entry.notice.attempts, NOTICE_BACKOFF);
  }
  return now.getTime() - new Date(entry.promotedAt ?? 0).getTime() >= NOTICE_GRACE_MS;
}

export function recordNotice(ledger: Ledger, bookingId: string, notice: PromotionNotice): Ledger {
  return { ...ledger, entries: ledger.entries.map((e) => (e.bookingId === bookingId ? { ...e, notice } : e)) };
}
