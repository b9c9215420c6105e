import { strict as assert } from 'node:assert';
import { addLondonDays, endOfLondonDay, formatDate, formatRange, londonToUtc } from '../../bot/domain/time';

describe('London time', () => {
  it('when 09:00 on 7 May 2024 (BST) is stored, then it is 08:00Z', () => {
    assert.equal(londonToUtc('2024-05-07', '09:00').toISOString(), '2024-05-07T08:00:00.000Z');
  });

  it('when 09:00 on 5 Dec 2024 (GMT) is stored, then it is 09:00Z', () => {
    assert.equal(londonToUtc('2024-12-05', '09:00').toISOString(), '2024-12-05T09:00:00.000Z');
  });

  it('when an instant in summer is shown, then people see the London wall-clock time', () => {
    assert.equal(
      formatRange(new Date('2024-05-22T08:30:00Z'), new Date('2024-05-22T11:30:00Z')),
      'Wed 22 May 2024, 09:30 to 12:30',
    );
  });

  it('when an instant in winter is shown, then it is the same as UTC', () => {
    assert.equal(formatRange(new Date('2024-12-05T09:00:00Z'), new Date('2024-12-05T10:15:00Z')), 'Thu 5 December 2024, 09:00 to 10:15');
  });

  it('when a range crosses midnight in London, then both dates are shown', () => {
    assert.equal(
      formatRange(new Date('2024-06-01T22:00:00Z'), new Date('2024-06-02T00:30:00Z')),
      'Sat 1 June 2024, 23:00 to Sun 2 June 2024, 01:30',
    );
  });

  it('when 23:30Z on 28 April 2024 is shown, then it is already Monday 29 April in London', () => {
    assert.equal(formatDate(new Date('2024-04-28T23:30:00Z')), 'Mon 29 April 2024');
  });

  it('when the end of a BST day is asked for, then it is 22:59:59.999Z', () => {
    assert.equal(endOfLondonDay(new Date('2024-04-29T10:00:00Z')).toISOString(), '2024-04-29T22:59:59.999Z');
  });

  it('when one day is taken from 09:00 on the Monday after the clocks go forward, then it is 09:00 local on Sunday (08:00Z)', () => {
    const monday = londonToUtc('2025-03-31', '09:00');
    assert.equal(monday.toISOString(), '2025-03-31T08:00:00.000Z');
    assert.equal(addLondonDays(monday, -1).toISOString(), '2025-03-30T08:00:00.000Z');
  });

  it('when a local time is not a real date, then it is refused', () => {
    assert.throws(() => londonToUtc('2024-02-30', '09:00'), RangeError);
  });

  it('when a caller changes a date it was given, then the next answer for the same question is still right (answers are remembered)', () => {
    const first = addLondonDays(new Date('2025-03-31T08:00:00Z'), -1);
    first.setFullYear(1999);
    assert.equal(addLondonDays(new Date('2025-03-31T08:00:00Z'), -1).toISOString(), '2025-03-30T08:00:00.000Z');
    const utc = londonToUtc('2024-05-07', '09:00');
    utc.setTime(0);
    assert.equal(londonToUtc('2024-05-07', '09:00').toISOString(), '2024-05-07T08:00:00.000Z');
  });

  it('when a local time is not a real date a second time, then it is refused again (a refusal is not remembered as an answer)', () => {
    assert.throws(() => londonToUtc('2025-02-30', '09:00'), RangeError);
    assert.throws(() => londonToUtc('2025-02-30', '09:00'), RangeError);
  });
});
