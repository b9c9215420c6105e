import { z } from 'zod/v4';
import type { Clock } from '../../clock';
import { aadObjectIdSchema, type Actor } from '../actor';
import { DomainError } from '../errors';
import { hasStarted } from '../events/event';
import type { EventStore } from '../events/ports';
import { assertOrganiser, type Organisers } from '../organisers';
import { type BookingEntry, type Ledger } from '../workshops/ledger';
import { promote } from '../workshops/ledger-changes';
import { colleagueKey, colleagueKeySchema } from '../workshops/colleague';
import type { WorkshopStore } from '../workshops/ports';
import { addCounts, emptyCounts, type KnownPerson, type PersonalDataCounts } from './privacy';
import { type PersonalDataStore } from './ports';

export interface ForgetDeps {
  personalData: PersonalDataStore;
  workshops: WorkshopStore;
  events: EventStore;
  organisers: Organisers;
  clock: Clock;
}

/** What the bot holds about someone, shown before anything is deleted. */
export interface ForgetPreview {
  person: KnownPerson;
  /** True when the person asked about themself ("forget me"). */
  self: boolean;
  held: PersonalDataCounts;
}

export interface ForgetReport {
  person: KnownPerson;
  self: boolean;
  removed: PersonalDataCounts;
  /** Workshop places that went to the next person waiting, to be told (see promotions.ts). */
  promoted: { eventId: string; entries: BookingEntry[] }[];
}

/** "forget me": what would go. Nothing changes. */
export async function previewForgetMe(deps: ForgetDeps, actor: Actor): Promise<ForgetPreview> {
  return { person: { userId: actor.aadObjectId, name: actor.name }, self: true, held: await holdings(deps, actor.aadObjectId) };
}

/** "forget me", confirmed: everything goes, and the report says what went. */
export function forgetMe(deps: ForgetDeps, actor: Actor): Promise<ForgetReport> {
  return erase(deps, { userId: actor.aadObjectId, name: actor.name }, true);
}

/**
 * An organiser looks someone up to forget them (a request made to the NLC by email or in
 * person): by Entra object id, or by the name Teams recorded. Several people can share
 * a name, so the organiser picks one from what each holds.
 */
export async function findPeopleToForget(deps: ForgetDeps, actor: Actor, who: string): Promise<ForgetPreview[]> {
  await mayForgetOthers(deps, actor);
  const query = who.trim();
  if (query.length < 2 || query.length > 120) {
    throw new DomainError('invalid_input', 'Say whose data to remove: their name as Teams shows it, their Entra object id, or the email of a colleague booked onto a workshop.', {
      hint: 'For example: "forget person Jane Smith".',
    });
  }
  const id = aadObjectIdSchema.safeParse(query);
  // A colleague someone booked a workshop place for, whom the bot does not know in Teams, is found by their email.
  const email = z.email().safeParse(query);
  const people = id.success
    ? [await knownPerson(deps, id.data)]
    : email.success
      ? [await knownPerson(deps, colleagueKey(email.data))]
      : await deps.personalData.findByName(query);
  const previews = await Promise.all(people.map(async (person) => ({ person, self: false, held: await holdings(deps, person.userId) })));
  return previews.filter((p) => Object.values(p.held).some((n) => n > 0));
}

/** What the bot holds about one person, for an organiser to review before removing it. */
export async function previewForgetSomeone(deps: ForgetDeps, actor: Actor, userId: string): Promise<ForgetPreview> {
  await mayForgetOthers(deps, actor);
  const person = await knownPerson(deps, userId);
  return { person, self: person.userId === actor.aadObjectId, held: await holdings(deps, person.userId) };
}

/** An organiser's confirmed removal of one person's data (the id comes from their own search card). */
export async function forgetSomeone(deps: ForgetDeps, actor: Actor, userId: string): Promise<ForgetReport> {
  await mayForgetOthers(deps, actor);
  const person = await knownPerson(deps, userId);
  return erase(deps, person, person.userId === actor.aadObjectId);
}

const mayForgetOthers = (deps: ForgetDeps, actor: Actor): Promise<void> => assertOrganiser(deps.organisers, actor, "remove another person's data");

/** The person behind an id, with the name the bot last recorded for them (a colleague booked by email: that email). */
async function knownPerson(deps: ForgetDeps, userId: string): Promise<KnownPerson> {
  const id = userId.toLowerCase();
  const name = (await deps.personalData.nameOf(id)) ?? (colleagueKeySchema.safeParse(id).success ? id.slice('email:'.length) : undefined);
  return { userId: id, name };
}

async function holdings(deps: ForgetDeps, userId: string): Promise<PersonalDataCounts> {
  const [stored, workshops] = await Promise.all([deps.personalData.count(userId), deps.workshops.workshopsOfUser(userId)]);
  const ledgers = await Promise.all(workshops.map((id) => deps.workshops.getLedger(id)));
  const bookings = ledgers.reduce((n, ledger) => n + (ledger?.entries.filter((e) => e.userId === userId || e.bookedBy?.userId === userId).length ?? 0), 0);
  return addCounts(addCounts(emptyCounts(), stored), { bookings });
}

/**
 * Bookings first, each in its own etag-guarded ledger write (a freed place is refilled in
 * that same write), then everything else. Every step is idempotent, so when the store
 * fails part-way the person is told to try again and a second run finishes the job.
 */
async function erase(deps: ForgetDeps, person: KnownPerson, self: boolean): Promise<ForgetReport> {
  const now = deps.clock.now();
  const promoted: ForgetReport['promoted'] = [];
  let bookings = 0;
  for (const eventId of await deps.workshops.workshopsOfUser(person.userId)) {
    const event = await deps.events.getEvent(eventId);
    const refill = !!event && event.status !== 'cancelled' && !hasStarted(event, now);
    const result = await deps.workshops.updateLedger<{ removed: number; promoted: BookingEntry[] }>(eventId, (current) => {
      if (!current) return { result: { removed: 0, promoted: [] } };
      const outcome = forgetPerson(current, person.userId, now.toISOString(), refill);
      return { next: outcome.ledger !== current ? outcome.ledger : undefined, result: outcome };
    });
    bookings += result.removed;
    if (result.promoted.length > 0) promoted.push({ eventId, entries: result.promoted });
  }
  const rest = await deps.personalData.erase(person.userId);
  return { person, self, removed: addCounts(addCounts(emptyCounts(), rest), { bookings }), promoted };
}

export interface ForgetResult {
  ledger: Ledger;
  /** How many of the person's entries were removed (any status), or kept for a colleague without them as booker. */
  removed: number;
  /** People moved up into a place the person held. */
  promoted: BookingEntry[];
}

/**
 * Removes every entry of one person ("forget me"): unlike a cancellation, nothing of
 * theirs is kept, not even the history. A place they held goes to the first in line, as
 * when they cancel, unless `refill` is false (the workshop has started). Places they
 * booked for colleagues stay the colleagues', without their booker.
 */
export function forgetPerson(ledger: Ledger, userId: string, at: string, refill: boolean): ForgetResult {
  const stripped = ledger.entries.filter((e) => e.userId !== userId && e.bookedBy?.userId === userId).length;
  const entries = ledger.entries.filter((e) => e.userId !== userId).map((e) => (e.bookedBy?.userId === userId ? withoutBooker(e) : e));
  const removed = ledger.entries.length - entries.length;
  if (removed === 0 && stripped === 0) return { ledger, removed: 0, promoted: [] };
  const without = { ...ledger, entries };
  const { ledger: next, promoted } = refill && removed > 0 ? promote(without, at) : { ledger: without, promoted: [] };
  return { ledger: next, removed: removed + stripped, promoted };
}

const withoutBooker = (entry: BookingEntry): BookingEntry => {
  const { bookedBy: _booker, ...rest } = entry;
  return rest;
};
