/**
 * What the bot keeps about a person, by kind, in the words a person reads on the
 * "forget me" cards. Every per-person record is keyed by the person's Entra object id,
 * so all of it can be found (and removed) from that id alone.
 */
export const PERSONAL_DATA_KINDS = {
  rsvps: 'answers to events (Going, Maybe, Can\'t go)',
  bookings: 'workshop bookings and waiting list places (yours, and those you made for colleagues), with role, school and needs',
  bookingReminders: 'your "Remind me to book" requests on workshops',
  memberships: 'task-group memberships',
  contributions: 'contributions to task groups (their text is deleted)',
  leadRoles: 'task-group lead roles',
  organiserRoles: 'an organiser role given to you through the bot',
  conversations: 'the address of your personal chat with the bot, and whether it may message you',
  teamMemberships: 'which teams and group chats with the bot you are in (ids only, read from Teams)',
  deliveries: 'records of broadcast messages sent to you',
  deadlineAnswers: "your Remind me and I've responded answers on consultation deadlines",
  organiserTraces: 'your name or id on things you organised (broadcasts, calls, workshop changes, export links)',
} as const;

export type PersonalDataKind = keyof typeof PERSONAL_DATA_KINDS;

/** How many records of each kind: what is held (before), or what was removed (after). */
export type PersonalDataCounts = Record<PersonalDataKind, number>;

export const emptyCounts = (): PersonalDataCounts =>
  Object.fromEntries(Object.keys(PERSONAL_DATA_KINDS).map((k) => [k, 0])) as PersonalDataCounts;

export const addCounts = (a: PersonalDataCounts, b: Partial<PersonalDataCounts>): PersonalDataCounts =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + (b[k as PersonalDataKind] ?? 0)])) as PersonalDataCounts;

export const totalOf = (counts: PersonalDataCounts): number => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * Put where a forgotten person's id stood on a record that must stay (a broadcast other
 * people received, a workshop's capacity history): the record keeps its meaning, the
 * person is gone from it. The nil UUID is no one's Entra object id.
 */
export const FORGOTTEN_ID = '00000000-0000-0000-0000-000000000000';

/** A person the bot has records of, as an organiser searching by name sees them. */
export interface KnownPerson {
  userId: string;
  /** The name Teams gave, as last recorded; absent when only an id is held. */
  name?: string;
}
