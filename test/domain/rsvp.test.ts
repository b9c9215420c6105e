import { strict as assert } from 'node:assert';
import type { Actor } from '../../bot/domain/actor';
import { actorFrom } from '../../bot/domain/actor';
import { DomainError } from '../../bot/domain/errors';
import type { NlcEvent } from '../../bot/domain/events/event';
import { eventSchema } from '../../bot/domain/events/event';
import { assertCanRespond, isAttending, newRsvp } from '../../bot/domain/events/rsvp';

const event: NlcEvent = eventSchema.parse({
  id: 'new-horizons-2024',
  title: 'New Horizons',
  startsAt: '2024-07-16T08:00:00Z',
  endsAt: '2024-07-16T14:30:00Z',
  location: { type: 'venue', name: 'Wymondham College' },
  audience: 'Primary and trust leaders',
});
const actor: Actor = { aadObjectId: '00000000-0000-4000-8000-000000000001', teamsUserId: '29:u1', name: 'A Head' };

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
};

describe('RSVP rules', () => {
  it('when the event is upcoming, then an answer is accepted', () => {
    assert.equal(codeOf(() => assertCanRespond(event, new Date('2024-07-16T07:59:59Z'))), undefined);
  });

  it('when the event has started, then answers are closed', () => {
    assert.equal(codeOf(() => assertCanRespond(event, new Date('2024-07-16T08:00:00Z'))), 'closed');
  });

  it('when the event is cancelled, then answers are closed', () => {
    assert.equal(codeOf(() => assertCanRespond({ ...event, status: 'cancelled' }, new Date('2024-05-01T00:00:00Z'))), 'closed');
  });

  it('when an answer is made, then it belongs to the Teams identity and carries a UTC time', () => {
    const rsvp = newRsvp(event, actor, 'maybe', new Date('2024-05-01T10:00:00Z'));
    assert.deepEqual(rsvp, {
      eventId: event.id,
      userId: actor.aadObjectId,
      userName: 'A Head',
      response: 'maybe',
      respondedAt: '2024-05-01T10:00:00.000Z',
      eventEndsAt: event.endsAt,
    });
  });

  it('when the answer is going or maybe, then the event is on the person\'s list; can\'t go is not', () => {
    assert.deepEqual(['going', 'maybe', 'notGoing'].map((r) => isAttending(r as 'going')), [true, true, false]);
  });

  it('when Teams sends no Entra object id, then there is no actor', () => {
    assert.equal(codeOf(() => actorFrom({ id: '29:x' })), 'no_identity');
    assert.equal(codeOf(() => actorFrom({ id: '29:x', aadObjectId: 'not-a-guid' })), 'no_identity');
  });

  it('when Teams sends an upper-case object id, then the actor key is lower case', () => {
    assert.equal(actorFrom({ id: '29:x', aadObjectId: 'ABCDEF00-0000-4000-8000-000000000001' }).aadObjectId, 'abcdef00-0000-4000-8000-000000000001');
  });

  it('when an event ends before it starts, then the event is invalid', () => {
    assert.equal(eventSchema.safeParse({ ...event, endsAt: '2024-07-16T07:00:00Z' }).success, false);
  });
});
