import { strict as assert } from 'node:assert';
import { decideSlots, nextCivilStart, civilHours, reminderSlots } from '../../bot/domain/reminders/schedule';
import { type ReminderSubject } from '../../bot/domain/reminders/reminders';

const iso = (dates: { dueAt: Date }[]): string[] => dates.map((d) => d.dueAt.toISOString());

const event = (at: string, days: number[] = [7, 1], live = true): ReminderSubject => ({ kind: 'event', id: 'e', title: 'E', at: new Date(at), days, live });

describe('reminder schedule (Europe/London)', () => {
  it('when an event is at 09:00 on Monday 31 March 2025 (the day after the clocks go forward), then "1 day before" is 09:00 BST on Sunday 30 March, 08:00Z', () => {
    const slots = reminderSlots(new Date('2025-03-31T08:00:00Z'), [1], '09:00');
    assert.deepEqual(iso(slots), ['2025-03-30T08:00:00.000Z']);
  });

  it('when the week before an event spans the spring change, then "7 days before" is 09:00 GMT (09:00Z) and "1 day before" 09:00 BST (08:00Z)', () => {
    const slots = reminderSlots(new Date('2025-03-31T08:00:00Z'), [7, 1], '09:00');
    assert.deepEqual(iso(slots), ['2025-03-24T09:00:00.000Z', '2025-03-30T08:00:00.000Z']);
    assert.deepEqual(slots.map((s) => s.days), [7, 1]);
  });

  it('when an event is the day after the clocks go back (Monday 27 October 2025), then "1 day before" is 09:00 GMT on Sunday 26 October, 09:00Z, and "7 days before" 09:00 BST, 08:00Z', () => {
    const slots = reminderSlots(new Date('2025-10-27T09:00:00Z'), [7, 1], '09:00');
    assert.deepEqual(iso(slots), ['2025-10-20T08:00:00.000Z', '2025-10-26T09:00:00.000Z']);
  });

  it('when an event starts late in the evening, then the reminder day is its London date, not its UTC date', () => {
    // 00:30 BST on 1 June is 23:30Z on 31 May: the London date is 1 June.
    const slots = reminderSlots(new Date('2024-05-31T23:30:00Z'), [1], '09:00');
    assert.deepEqual(iso(slots), ['2024-05-31T08:00:00.000Z']);
  });

  it('when "0 days before" an event at 08:30 would fall due after it starts, then that slot is left out', () => {
    assert.deepEqual(reminderSlots(new Date('2024-05-22T07:30:00Z'), [0, 1], '09:00').map((s) => s.days), [1]);
    assert.deepEqual(reminderSlots(new Date('2024-05-22T13:00:00Z'), [0], '09:00').map((s) => s.days), [0]);
  });

  it('when the same slot is computed twice, then its key is the same, and a moved event gets a new key', () => {
    const a = reminderSlots(new Date('2024-05-22T08:30:00Z'), [1], '09:00')[0]!;
    const b = reminderSlots(new Date('2024-05-22T08:30:00Z'), [1], '09:00')[0]!;
    const moved = reminderSlots(new Date('2024-05-23T08:30:00Z'), [1], '09:00')[0]!;
    assert.equal(a.key, b.key);
    assert.notEqual(a.key, moved.key);
  });
});

describe('what the scheduler does with due reminders', () => {
  const conference = event('2024-05-22T08:30:00Z');

  it('when nothing is due yet, then nothing is decided', () => {
    assert.deepEqual(decideSlots(conference, () => false, new Date('2024-05-15T07:59:00Z'), '09:00'), []);
  });

  it('when the 7-day reminder falls due in the morning, then it is sent', () => {
    const decisions = decideSlots(conference, () => false, new Date('2024-05-15T08:00:00Z'), '09:00');
    assert.deepEqual(decisions.map((d) => [d.action, d.slot.days]), [['send', 7]]);
  });

  it('when a due reminder has been handled, then it is not decided again', () => {
    const [slot] = reminderSlots(conference.at, [7], '09:00');
    assert.deepEqual(decideSlots(conference, (key) => key === slot!.key, new Date('2024-05-15T10:00:00Z'), '09:00'), []);
  });

  it('when the bot was down through the 7-day and 1-day reminders, then on start the 7-day one is dropped as superseded and only the 1-day one is sent', () => {
    const decisions = decideSlots(conference, () => false, new Date('2024-05-21T12:00:00Z'), '09:00');
    assert.deepEqual(
      decisions.map((d) => [d.action, d.slot.days]),
      [
        ['drop', 7],
        ['send', 1],
      ],
    );
  });

  it('when the bot comes back after the event has started, then the missed reminder is dropped with the reason', () => {
    const decisions = decideSlots(conference, () => false, new Date('2024-05-22T09:00:00Z'), '09:00');
    const last = decisions.at(-1)!;
    assert.equal(last.action, 'drop');
    assert.equal(last.action === 'drop' && last.reason, 'the event has started');
  });

  it('when the event was cancelled, then its due reminder is dropped', () => {
    const decisions = decideSlots(event('2024-05-22T08:30:00Z', [1], false), () => false, new Date('2024-05-21T08:00:00Z'), '09:00');
    assert.deepEqual(decisions.map((d) => d.action === 'drop' && d.reason), ['the event was cancelled']);
  });

  it('when a due reminder is found at night (a restart at 23:30), then it waits, and the next civil start is 09:00 the next morning', () => {
    const night = new Date('2024-05-20T22:30:00Z');
    const later = event('2024-05-23T08:30:00Z', [3]);
    assert.deepEqual(decideSlots(later, () => false, night, '09:00').map((d) => d.action), ['wait']);
    assert.equal(nextCivilStart(night, civilHours('09:00')).toISOString(), '2024-05-21T08:00:00.000Z');
    assert.equal(nextCivilStart(new Date('2024-05-21T05:00:00Z'), civilHours('09:00')).toISOString(), '2024-05-21T08:00:00.000Z');
  });
});
