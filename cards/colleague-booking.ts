import type { FieldProblem } from '../bot/domain/errors';
import type { FieldSpec } from '../bot/domain/forms';
import { MAX_NEEDS_LENGTH, MAX_SCHOOL_LENGTH, ROLES } from '../bot/domain/workshops/booking-form';
import type { ColleagueFormValues } from '../bot/domain/workshops/colleague';
import type { BookingEntry } from '../bot/domain/workshops/ledger';
import type { Workshop } from '../bot/domain/workshops/workshop';
import { whenText } from '../bot/domain/events/when';
import { formatDate } from '../bot/domain/time';
import { renderFormCard } from './form';
import type { AdaptiveCardJson } from './template';
import { WORKSHOP_BOOK_COLLEAGUE, WORKSHOP_VIEW } from './verbs';

/** The form's inputs, drawn by the form card; the server checks them (workshops/colleague.ts). */
const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', id: 'name', label: "Your colleague's name", required: true, minLength: 2, maxLength: 120 },
  { kind: 'text', id: 'email', label: 'Their work email', required: true, minLength: 3, maxLength: 200, placeholder: 'name@school.norfolk.sch.uk' },
  { kind: 'titledChoice', id: 'role', label: 'Their role', required: true, options: Object.entries(ROLES).map(([value, title]) => ({ title, value })) },
  { kind: 'text', id: 'school', label: 'School or setting', required: true, minLength: 2, maxLength: MAX_SCHOOL_LENGTH },
  { kind: 'text', id: 'needs', label: 'Their access or dietary needs (optional)', required: false, maxLength: MAX_NEEDS_LENGTH, multiline: true },
];

/** Booking a place for a named colleague; an invalid form comes back with the values kept and each problem beside its field. */
export function renderColleagueBookingForm(workshop: Workshop, form: { values?: Partial<ColleagueFormValues>; problems?: readonly FieldProblem[] } = {}): AdaptiveCardJson {
  return renderFormCard({
    eyebrow: 'Book for a colleague',
    title: workshop.title,
    intro: `${whenText(workshop)}. Book by ${formatDate(new Date(workshop.booking.deadline))}. The place is theirs: if they have the NLC bot in Teams we tell them, and you can cancel it from "my bookings".`,
    fields: FIELDS,
    values: form.values,
    problems: form.problems,
    banner: form.problems?.length ? 'Please check the form: nothing was booked yet.' : undefined,
    actions: [
      { title: 'Book their place', verb: WORKSHOP_BOOK_COLLEAGUE, data: { eventId: workshop.id } },
      { title: 'Back', verb: WORKSHOP_VIEW, data: { eventId: workshop.id }, associatedInputs: 'none' },
    ],
  });
}

/** "Sam Jones (booked)", "Ali Khan (on the waiting list)": a colleague's place as their booker sees it. */
export const colleaguePlaceText = (entry: BookingEntry): string => `${entry.name ?? entry.email ?? 'A colleague'} (${entry.status === 'booked' ? 'booked' : 'on the waiting list'})`;
