import { strict as assert } from 'node:assert';
import { demoEvents } from '../../bot/data/demo/programme';
import { DomainError } from '../../bot/domain/errors';
import { eventSchema } from '../../bot/domain/events/event';
import { asWorkshop, assertCanBook, assertCanCancel, type Workshop } from '../../bot/domain/workshops/workshop';
import { parseBookingForm } from '../../bot/domain/workshops/booking-form';
import { deadlineFromDate } from '../../bot/domain/workshops/terms';

const workshopWith = (deadlineDate: string, startsAt: string): Workshop =>
  asWorkshop(
    eventSchema.parse({
      id: 'test-workshop',
      kind: 'workshop',
      title: 'Test workshop',
      startsAt,
      endsAt: new Date(new Date(startsAt).getTime() + 3 * 3600_000).toISOString(),
      location: { type: 'venue', name: 'The Nest' },
      audience: 'Secondary leaders',
      booking: { capacity: 40, deadline: deadlineFromDate(deadlineDate).toISOString(), organiser: { name: 'NLC', email: 'nlc@example.org' } },
    }),
  );

const closedError = (error: unknown): boolean => error instanceof DomainError && error.code === 'closed';

describe('workshop booking rules', () => {
  describe('the booking deadline is the end of the deadline day in London', () => {
    it('when the deadline day is in BST, then booking is open at 23:59:59 London (22:59:59Z) and closed at midnight London (23:00Z)', () => {
      const workshop = workshopWith('2024-04-29', '2024-05-07T08:00:00Z');
      assert.equal(workshop.booking.deadline, '2024-04-29T22:59:59.999Z');
      assert.doesNotThrow(() => assertCanBook(workshop, new Date('2024-04-29T22:59:59.999Z')));
      assert.throws(() => assertCanBook(workshop, new Date('2024-04-29T23:00:00.000Z')), closedError);
    });

    it('when the deadline day is in GMT, then booking is open until 23:59:59Z and closed at 00:00Z', () => {
      const workshop = workshopWith('2024-11-29', '2024-12-05T09:00:00Z');
      assert.equal(workshop.booking.deadline, '2024-11-29T23:59:59.999Z');
      assert.doesNotThrow(() => assertCanBook(workshop, new Date('2024-11-29T23:59:59.999Z')));
      assert.throws(() => assertCanBook(workshop, new Date('2024-11-30T00:00:00.000Z')), closedError);
    });

    it('when the deadline day is the day the clocks go forward, then it still ends at London midnight (23:00Z)', () => {
      assert.equal(deadlineFromDate('2024-03-31').toISOString(), '2024-03-31T22:59:59.999Z');
      assert.equal(deadlineFromDate('2024-10-27').toISOString(), '2024-10-27T23:59:59.999Z');
    });

    it('when the deadline has passed, then cancelling is still allowed until the workshop starts', () => {
      const workshop = workshopWith('2024-04-29', '2024-05-07T08:00:00Z');
      assert.doesNotThrow(() => assertCanCancel(workshop, new Date('2024-05-07T07:59:59Z')));
      assert.throws(() => assertCanCancel(workshop, new Date('2024-05-07T08:00:00Z')), closedError);
    });
  });

  it('when an organiser has closed booking, then booking is refused before the deadline too', () => {
    const workshop = workshopWith('2024-04-29', '2024-05-07T08:00:00Z');
    assert.throws(() => assertCanBook(workshop, new Date('2024-04-23T08:00:00Z'), true), /organisers have closed booking/);
  });

  it('when the demo programme is read, then the AP framework workshop has 40 places, book by 29 April (London), 09:00-12:00 BST at The Nest', () => {
    const workshop = asWorkshop(demoEvents().find((e) => e.id === 'ap-framework-workshop-2024'));
    assert.equal(workshop.booking.capacity, 40);
    assert.equal(workshop.booking.deadline, '2024-04-29T22:59:59.999Z');
    assert.equal(workshop.startsAt, '2024-05-07T08:00:00.000Z');
    assert.equal(workshop.endsAt, '2024-05-07T11:00:00.000Z');
    assert.deepEqual(workshop.location, { type: 'venue', name: 'The Nest' });
  });

  it('when an event is a workshop without booking terms, or has terms without being a workshop, then the schema refuses it', () => {
    const base = { id: 'x-event', title: 'Something', startsAt: '2024-05-07T08:00:00Z', endsAt: '2024-05-07T09:00:00Z', location: { type: 'online' }, audience: 'All' };
    assert.equal(eventSchema.safeParse({ ...base, kind: 'workshop' }).success, false);
    const booking = { capacity: 1, deadline: '2024-05-01T22:59:59.999Z', organiser: { name: 'NLC', email: 'nlc@example.org' } };
    assert.equal(eventSchema.safeParse({ ...base, booking }).success, false);
  });

  describe('the booking form', () => {
    const fieldsOf = (values: unknown): string[] => {
      try {
        parseBookingForm(values);
        return [];
      } catch (error) {
        assert.ok(error instanceof DomainError && error.code === 'invalid_input');
        return (error.details.fields ?? []).map((f) => f.field);
      }
    };

    it('when the form is complete, then it is read trimmed, with needs optional', () => {
      assert.deepEqual(parseBookingForm({ role: 'senco', school: '  Acle Academy ', needs: '' }), { role: 'senco', school: 'Acle Academy', needs: '' });
      assert.deepEqual(parseBookingForm({ role: 'other', school: 'Acle Academy' }), { role: 'other', school: 'Acle Academy', needs: '' });
    });

    const cases: [string, unknown, string[]][] = [
      ['an empty school name', { role: 'headteacher', school: '   ', needs: '' }, ['school']],
      ['a missing school name', { role: 'headteacher' }, ['school']],
      ['an unknown role', { role: 'wizard', school: 'Acle Academy' }, ['role']],
      ['needs of 2,000 characters', { role: 'senco', school: 'Acle Academy', needs: 'x'.repeat(2000) }, ['needs']],
      ['everything wrong at once', { role: '', school: '', needs: 'x'.repeat(501) }, ['role', 'school', 'needs']],
    ];
    for (const [name, values, fields] of cases) {
      it(`when the form has ${name}, then each problem is reported against its field`, () => {
        assert.deepEqual(fieldsOf(values), fields);
      });
    }
  });
});
