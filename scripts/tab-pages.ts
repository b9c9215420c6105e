/**
 * Every page of the organiser tab, as a person opens it: the accessibility test checks
 * each, and `npm run tab:pictures` draws each into docs/tab/. `shows` is text the page has
 * once loaded and settled (the broadcasts page: once its sample has come and Send… is live).
 */
export interface TabPage {
  name: string;
  title: string;
  as: 'organiser' | 'lead' | 'member';
  hash: string;
  shows: string;
}

export const TAB_PAGES: readonly TabPage[] = [
  { name: 'programme', title: 'Programme (organisers)', as: 'organiser', hash: 'programme', shows: '40 of 40 places taken' },
  { name: 'event-people', title: "A workshop's people: booked, waiting list, capacity, CSV export", as: 'organiser', hash: 'event/ap-framework-workshop-2024', shows: 'Booking requests per week' },
  { name: 'event-answers', title: "An event's answers", as: 'organiser', hash: 'event/practice-week-2024-conference', shows: 'Answers per week' },
  { name: 'new-workshop', title: 'Create a workshop (London date and time pickers)', as: 'organiser', hash: 'new/workshop', shows: 'New workshop' },
  { name: 'import', title: 'Import a programme file, with its preview', as: 'organiser', hash: 'import', shows: 'Import a programme' },
  { name: 'broadcasts', title: 'Broadcasts: compose with a live preview, delivery progress', as: 'organiser', hash: 'broadcasts', shows: 'Reaches ' },
  { name: 'deadlines', title: 'Deadlines and reminders', as: 'organiser', hash: 'deadlines', shows: 'Attendance framework survey' },
  { name: 'task-group', title: "A lead's task group: every contribution in full", as: 'lead', hash: 'groups', shows: 'A shared nurture visit' },
  { name: 'mine', title: 'Everyone else: their own events and bookings', as: 'member', hash: 'mine', shows: 'Your events and bookings' },
];
