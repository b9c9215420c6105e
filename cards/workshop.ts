import type { FieldProblem } from '../bot/domain/errors';
import type { OutgoingMessage } from '../bot/domain/messaging';
import { hasStarted } from '../bot/domain/events/event';
import { type FormValues, MAX_NEEDS_LENGTH, MAX_SCHOOL_LENGTH, ROLES } from '../bot/domain/workshops/booking-form';
import type { WorkshopView } from '../bot/domain/workshops/service';
import { formatDate } from '../bot/domain/time';
import { whenText, whereText } from '../bot/domain/events/when';
import { eventLinks, eyebrowText } from './event';
import json from './workshop.json';
import { withShareAction } from './share';
import { type AdaptiveCardJson, cardTemplate, type RefreshAudience, withRefresh } from './template';
import { WORKSHOP_BOOK, WORKSHOP_CALENDAR, WORKSHOP_CANCEL, WORKSHOP_COLLEAGUE_FORM, WORKSHOP_REMIND_TO_BOOK, WORKSHOP_VIEW } from './verbs';
import { colleaguePlaceText } from './colleague-booking';

type Color = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';

export interface WorkshopCardData {
  eventId: string;
  eyebrow: string;
  title: string;
  example: string;
  banner: string;
  bannerColor: Color;
  summary: string;
  when: string;
  where: string;
  audience: string;
  deadlineText: string;
  placesText: string;
  placesColor: Color;
  statusText: string;
  statusColor: Color;
  detailsText: string;
  showForm: boolean;
  bookTitle: string;
  roles: { title: string; value: string }[];
  role: string;
  school: string;
  needs: string;
  roleError: string;
  schoolError: string;
  needsError: string;
  schoolMaxLength: number;
  needsMaxLength: number;
  bookingId: string;
  calendarUrl: string;
  /** No link to show, but the person may ask for one (Add to calendar makes it). */
  calendarOffer: boolean;
  /** Joining and brochure links, as on an event card. */
  links: { title: string; url: string }[];
  /** Booking for a colleague is open. */
  colleagueOffer: boolean;
  /** The places this person booked for colleagues. */
  colleaguesText: string;
  /** "Remind me to book": what is set, and the button that changes it. */
  remindText: string;
  remindTitle: string;
  remindData: { eventId: string; remind: boolean };
}

/** What differs from person to person on the card (cards/template.ts: `personal`). */
export const WORKSHOP_PERSONAL_FIELDS = ['statusText', 'detailsText', 'bookingId', 'calendarUrl', 'colleaguesText', 'role', 'school', 'needs'] as const;

export const WORKSHOP_VERBS = {
  book: WORKSHOP_BOOK,
  calendar: WORKSHOP_CALENDAR,
  cancel: WORKSHOP_CANCEL,
  colleague: WORKSHOP_COLLEAGUE_FORM,
  remind: WORKSHOP_REMIND_TO_BOOK,
};

const expand = cardTemplate<WorkshopCardData>(json, WORKSHOP_VERBS, WORKSHOP_PERSONAL_FIELDS);

const ROLE_CHOICES = Object.entries(ROLES).map(([value, title]) => ({ title, value }));

/** A kept value is shown back as typed, but never lets a forged giant value swell the card past Teams' size. */
const KEPT_VALUE_LIMIT = 2 * MAX_NEEDS_LENGTH;

export interface WorkshopCardOptions {
  /** Whose clients refresh the card to their own view (template.ts: RefreshAudience). */
  refreshUserIds: RefreshAudience;
  /** A line above the details: what just happened, or why it could not. */
  banner?: string;
  bannerTone?: 'good' | 'warning';
  /** An invalid booking form: the person's values, and each problem beside its field. */
  form?: { values: Partial<FormValues>; problems: readonly FieldProblem[] };
  /** Its public page: while it is open (answers, bookings, responses), the card offers Share. */
  shareUrl?: string;
}

export function placesText(view: WorkshopView): { text: string; color: Color } {
  if (view.availability === 'closed') return { text: 'Booking closed', color: 'Default' };
  if (view.availability === 'full') {
    return view.mine ? { text: view.capacity === 1 ? 'The one place is taken' : `All ${view.capacity} places are taken`, color: 'Warning' } : { text: 'Full: join the waiting list', color: 'Warning' };
  }
  return { text: `${view.capacity - view.booked} of ${view.capacity} places left`, color: 'Good' };
}

function myStatus(view: WorkshopView): Pick<WorkshopCardData, 'statusText' | 'statusColor' | 'detailsText'> {
  const mine = view.mine;
  if (!mine) return { statusText: '', statusColor: 'Default', detailsText: '' };
  const { entry } = mine;
  const details = `${ROLES[entry.role]}, ${entry.school}${entry.needs ? `. Needs: ${entry.needs}` : ''}`;
  if (entry.status === 'booked') return { statusText: "You're booked. Your place is confirmed.", statusColor: 'Good', detailsText: details };
  return {
    statusText: `You're number ${mine.position ?? '?'} on the waiting list. If a place opens you'll be booked at once and we'll message you in Teams.`,
    statusColor: 'Warning',
    detailsText: details,
  };
}

/** What the person booked for colleagues, and their reminder to book: the card's lines and buttons for both. */
function forOthersAndLater(view: WorkshopView): Pick<WorkshopCardData, 'colleagueOffer' | 'colleaguesText' | 'remindText' | 'remindTitle' | 'remindData'> {
  const places = view.forColleagues.map(colleaguePlaceText);
  const remind = view.remindToBook;
  return {
    colleagueOffer: view.availability !== 'closed',
    colleaguesText: places.length ? `You booked for ${places.join(', ')}. Type "my bookings" to cancel a place.` : '',
    remindText: remind?.on ? `We'll remind you to book on ${formatDate(remind.dueAt)}, two days before booking closes.` : '',
    remindTitle: remind ? (remind.on ? 'Stop reminding me' : 'Remind me to book') : '',
    remindData: { eventId: view.workshop.id, remind: !remind?.on },
  };
}

/** What the card shows one person: places left, their own booking, and the form while they can book. */
export function workshopCardData(view: WorkshopView, options: WorkshopCardOptions): WorkshopCardData {
  const { workshop, mine } = view;
  const places = placesText(view);
  const problem = (field: keyof FormValues): string => options.form?.problems.find((p) => p.field === field)?.message ?? '';
  const kept = (field: keyof FormValues): string => (options.form?.values[field] ?? '').slice(0, KEPT_VALUE_LIMIT);
  return {
    eventId: workshop.id,
    eyebrow: eyebrowText(workshop),
    title: workshop.title,
    example: workshop.example ?? '',
    banner: options.banner ?? '',
    bannerColor: options.bannerTone === 'good' ? 'Good' : 'Attention',
    summary: workshop.summary ?? '',
    when: whenText(workshop),
    where: whereText(workshop),
    audience: workshop.audience,
    deadlineText: `Book by ${formatDate(new Date(workshop.booking.deadline))}`,
    placesText: places.text,
    placesColor: places.color,
    ...myStatus(view),
    showForm: !mine && view.availability !== 'closed',
    bookTitle: view.availability === 'full' ? 'Join the waiting list' : 'Book a place',
    roles: ROLE_CHOICES,
    role: kept('role'),
    school: kept('school'),
    needs: kept('needs'),
    roleError: problem('role'),
    schoolError: problem('school'),
    needsError: problem('needs'),
    schoolMaxLength: MAX_SCHOOL_LENGTH,
    needsMaxLength: MAX_NEEDS_LENGTH,
    bookingId: mine && !hasStarted(workshop, view.now) ? mine.entry.bookingId : '',
    calendarUrl: mine?.calendarUrl ?? '',
    calendarOffer: mine?.calendarOffer ?? false,
    ...forOthersAndLater(view),
    // A workshop books here: only its joining link (for those with a place) and brochure.
    links: eventLinks({ ...workshop, bookingUrl: undefined }, mine?.entry.status === 'booked' && !hasStarted(workshop, view.now)),
  };
}

/** One workshop as one person sees it: places left, their own booking, and the form while they can book. */
export function renderWorkshopCard(view: WorkshopView, options: WorkshopCardOptions): AdaptiveCardJson {
  const { workshop } = view;
  const card = expand(workshopCardData(view, options));
  const shareUrl = view.availability === 'closed' ? undefined : options.shareUrl;
  return withShareAction(withRefresh(card, WORKSHOP_VIEW, { eventId: workshop.id }, options.refreshUserIds), shareUrl);
}

export const PROMOTION_TEXT = "A place has opened: you're booked";

/** The proactive message to someone moved up from the waiting list: their own booked card, with Cancel and calendar. */
export function renderPromotionMessage(view: WorkshopView): OutgoingMessage {
  const banner = `${PROMOTION_TEXT} for ${view.workshop.title}.`;
  return { text: PROMOTION_TEXT, cards: [renderWorkshopCard(view, { refreshUserIds: [], banner, bannerTone: 'good' })] };
}
