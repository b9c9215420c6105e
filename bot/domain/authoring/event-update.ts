import type { Actor } from '../actor';
import { saveChangedEvent } from '../events/changes';
import type { NlcEvent } from '../events/event';
import { type BookingEntry } from '../workshops/ledger';
import { changeCapacity } from '../workshops/ledger-changes';
import { assertNoConflict, type FormText, sameText } from './conflicts';
import { formTextOf } from './event-fields';
import { type EventInput, eventFromInput, inputOf } from './event-input';
import type { Saved } from './authoring';
import type { AuthoringDeps } from './ports';

/**
 * An organiser's change to an event (from the form, which showed `shown`, or an imported
 * row): the next version, copies updated, places applied. Saving what is stored already
 * (a retry after a lost answer) writes nothing and brings the copies up to date.
 */
export async function updateEvent(deps: AuthoringDeps, actor: Actor, current: NlcEvent, input: EventInput, hasLedger: boolean, shown?: FormText): Promise<Saved> {
  const { event, copies } = await saveChangedEvent(deps, current.id, (latest) => {
    // What created it stays with it, so a late repeat of that request still finds it.
    const next = { ...eventFromInput(input, { id: latest.id, status: latest.status, sequence: latest.sequence + 1 }), ...(latest.createdFrom ? { createdFrom: latest.createdFrom } : {}), ...(latest.example ? { example: latest.example } : {}) };
    const [stored, mine] = [formTextOf(inputOf(latest)), formTextOf(inputOf(next))];
    assertNoConflict(latest.title, stored, shown, mine);
    return sameText(stored, mine) ? undefined : next;
  });
  const promoted = await applyCapacity(deps, actor, event, hasLedger);
  const kind = event.kind === 'workshop' ? 'workshop' : 'event';
  return { kind, id: event.id, title: event.title, created: false, copies, ...(promoted.length ? { promoted: { eventId: event.id, entries: promoted } } : {}) };
}

/**
 * A workshop's places live in its ledger once anyone has booked: raising them books
 * people from the waitlist. The ledger also keeps the workshop's end, for its retention.
 */
async function applyCapacity(deps: AuthoringDeps, actor: Actor, event: NlcEvent, hasLedger: boolean): Promise<BookingEntry[]> {
  if (!event.booking || !hasLedger) return [];
  const capacity = event.booking.capacity;
  const at = deps.clock.now().toISOString();
  return deps.workshops.updateLedger(event.id, (current) => {
    if (!current || (current.capacity === capacity && current.eventEndsAt === event.endsAt)) return { result: [] };
    const changed = changeCapacity(current, capacity, actor.aadObjectId, at);
    return { next: { ...changed.ledger, eventEndsAt: event.endsAt }, result: changed.promoted };
  });
}
