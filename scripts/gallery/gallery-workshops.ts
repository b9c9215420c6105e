import type { DownloadKind, DownloadLinks } from '../../bot/domain/downloads';
import { demoEvents } from '../../bot/data/demo/programme';
import { asWorkshop } from '../../bot/domain/workshops/workshop';
import { type Role, ROLES } from '../../bot/domain/workshops/booking-form';
import { type Ledger } from '../../bot/domain/workshops/ledger';
import { type BookingRequest, cancelEntry, decideBookings } from '../../bot/domain/workshops/ledger-changes';
import { recordNotice } from '../../bot/domain/workshops/promotions';
import type { AttendeeList } from '../../bot/domain/workshops/manage';
import { attendeeRows } from '../../bot/domain/workshops/attendees';
import { workshopView } from '../../bot/domain/workshops/service';
import { renderAttendeesCard } from '../../cards/attendees';
import { renderMyBookingsCard } from '../../cards/my-bookings';
import { renderWorkshopCard, renderPromotionMessage } from '../../cards/workshop';
import { renderColleagueBookingForm } from '../../cards/colleague-booking';
import type { AdaptiveCardJson } from '../../cards/template';
import { type GalleryEntry, USERS } from './entry';

/** Workshop booking cards for the gallery (gallery.ts), on the demo AP framework workshop. */
const NOW = new Date('2024-04-23T08:00:00Z');
const workshop = asWorkshop(demoEvents().find((e) => e.kind === 'workshop'));
const link = (kind: DownloadKind) => (subject: string, token: string): string => `https://nlc-bot.example.org/downloads/${kind}/${subject}/${token}`;
const links = { calendar: link('calendar'), attendees: link('attendees'), contributions: link('contributions') } satisfies DownloadLinks;
const roles = Object.keys(ROLES) as Role[];
const userId = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** `people` bookings in arrival order, the longest values the form allows when `longest`. */
export function ledgerWith(people: number, longest = false): Ledger {
  const requests: BookingRequest[] = Array.from({ length: people }, (_, i) => ({
    eventId: workshop.id,
    initialCapacity: workshop.booking.capacity,
    userId: userId(i + 1),
    name: longest ? `${'Headteacher Name '.repeat(7)}${i}`.slice(0, 120) : `Leader ${i + 1}`,
    form: {
      role: roles[i % roles.length]!,
      school: longest ? 'S'.repeat(120) : `Norfolk High School ${i + 1}`,
      needs: longest ? 'N'.repeat(500) : i % 7 === 0 ? 'Step-free access, please' : '',
    },
    at: new Date(NOW.getTime() + i * 1000).toISOString(),
    bookingId: `b${String(i).padStart(7, '0')}-0000-4000-8000-000000000000`,
    calendarTokenHash: `${'h'.repeat(61)}${String(i).padStart(3, '0')}`,
  }));
  return decideBookings(undefined, requests).next!;
}

const full = ledgerWith(52);
const afterCancel = cancelEntry(full, full.entries[3]!.bookingId, full.entries[3]!.userId, '2024-04-24T09:30:00Z');
const promotedTold = recordNotice(afterCancel.ledger, afterCancel.promoted[0]!.bookingId, { status: 'no_personal_chat', at: '2024-04-24T09:30:01Z' });
const view = (ledger: Ledger | undefined, n?: number, now = NOW) => workshopView(workshop, ledger, n ? userId(n) : undefined, now, links);
export const attendeeListOf = (ledger: Ledger, withExport: boolean): AttendeeList => ({
  view: view(ledger),
  rows: attendeeRows(ledger),
  ledger,
  ...(withExport ? { export: { url: links.attendees(workshop.id, 'x'.repeat(43)), expiresAt: new Date(NOW.getTime() + 15 * 60_000) } } : {}),
});

/** User 60, a head with no place of their own, booked places for two colleagues (one known in Teams, one by email). */
const HEAD = 60;
const forColleagues: Ledger = (() => {
  const base = ledgerWith(27);
  const colleague = (n: number, who: string, email: string, status: 'booked' | 'waitlisted') => ({
    ...base.entries[0]!,
    bookingId: `c${n}000000-0000-4000-8000-000000000000`,
    userId: email.startsWith('email:') ? email : userId(100 + n),
    name: who,
    email: email.replace(/^email:/, ''),
    bookedBy: { userId: userId(HEAD), name: 'Head Teacher' },
    status,
    seq: base.nextSeq + n,
  });
  return { ...base, entries: [...base.entries, colleague(1, 'Sam Jones', 'sam.jones@acle.norfolk.sch.uk', 'booked'), colleague(2, 'Ali Khan', 'email:ali.khan@acle.norfolk.sch.uk', 'booked')] };
})();
const headView = (remind: boolean) => ({ ...view(forColleagues, HEAD), remindToBook: { dueAt: new Date('2024-04-27T08:00:00Z'), on: remind } });

export const workshopGallery: GalleryEntry[] = [
  {
    name: 'workshop-open',
    template: 'workshop.json',
    description: 'A workshop as posted by "events": places left, the deadline, and the booking form.',
    render: () => renderWorkshopCard(view(ledgerWith(28)), { refreshUserIds: USERS }),
  },
  {
    name: 'workshop-booked',
    template: 'workshop.json',
    description: 'The answer to Book: the place is confirmed, with Add to calendar and Cancel.',
    render: () => renderWorkshopCard(view(ledgerWith(29), 29), { refreshUserIds: USERS.slice(0, 1), banner: 'Booked.', bannerTone: 'good' }),
  },
  {
    name: 'workshop-waitlisted',
    template: 'workshop.json',
    description: 'The answer to Book when the workshop is full: the waiting list position.',
    render: () => renderWorkshopCard(view(full, 43), { refreshUserIds: USERS.slice(0, 1) }),
  },
  {
    name: 'workshop-form-problems',
    template: 'workshop.json',
    description: 'An invalid booking form comes back with the values kept and each problem beside its field.',
    render: () =>
      renderWorkshopCard(view(ledgerWith(28)), {
        refreshUserIds: USERS.slice(0, 1),
        banner: 'Please check the form: nothing was booked yet.',
        form: {
          values: { role: 'wizard', school: '', needs: 'x'.repeat(2000) },
          problems: [
            { field: 'role', message: 'Choose your role from the list.' },
            { field: 'school', message: 'Enter the name of your school or setting.' },
            { field: 'needs', message: 'Keep access or dietary needs to 500 characters; the organisers will contact you for more.' },
          ],
        },
      }),
  },
  {
    name: 'workshop-closed',
    template: 'workshop.json',
    description: 'After the deadline: "Booking closed", no form; a booked person can still cancel.',
    render: () => renderWorkshopCard(view(full, 2, new Date('2024-04-30T08:00:00Z')), { refreshUserIds: USERS.slice(0, 1) }),
  },
  {
    name: 'workshop-promoted',
    template: 'workshop.json',
    description: 'The proactive message to the first person on the waiting list when a place opens.',
    render: () => renderPromotionMessage(view(afterCancel.ledger, afterCancel.promoted[0]!.seq)).cards![0] as AdaptiveCardJson,
  },
  {
    name: 'my-bookings',
    template: 'my-bookings.json',
    description: 'The answer to "my bookings": a place and a place on the waiting list.',
    render: () => renderMyBookingsCard([view(full, 5), view(full, 45)]),
  },
  {
    name: 'workshop-colleagues-and-reminder',
    template: 'workshop.json',
    description: 'A head who booked two colleagues and pressed "Remind me to book": their places, when the reminder comes, and Stop reminding me.',
    render: () => renderWorkshopCard(headView(true), { refreshUserIds: USERS.slice(0, 1), banner: 'Reminder set.', bannerTone: 'good' }),
  },
  {
    name: 'workshop-colleague-form',
    template: 'form.json',
    description: '"Book for a colleague": their name, email, role, school and needs.',
    render: () => renderColleagueBookingForm(workshop),
  },
  {
    name: 'my-bookings-colleagues',
    template: 'my-bookings.json',
    description: '"my bookings" of a head: the places they booked for colleagues, each with Cancel their place.',
    render: () => renderMyBookingsCard([headView(false)]),
  },
  {
    name: 'my-bookings-empty',
    template: 'my-bookings.json',
    description: '"my bookings" with nothing booked.',
    render: () => renderMyBookingsCard([]),
  },
  {
    name: 'attendees',
    template: 'attendees.json',
    description: 'Organisers: the attendee list after a cancellation and a promotion, with an export link.',
    render: () => renderAttendeesCard(attendeeListOf(promotedTold, true), { banner: 'Your export is ready.' }),
  },
  {
    name: 'attendees-largest',
    template: 'attendees.json',
    description: 'Organisers: the largest the card gets (every row at the longest values the form allows).',
    render: () => renderAttendeesCard(attendeeListOf(ledgerWith(500, true), true), { capacityForm: { value: 0, problem: 'A workshop needs at least 1 place.' } }),
  },
];
