import { strict as assert } from 'node:assert';
import { closesText } from '../../cards/deadline';
import { eventFromInput, type EventInput, eventInputProblems, inputOf, sameInput } from '../../bot/domain/authoring/event-input';
import { type Deadline, deadlineState, wantsReminder } from '../../bot/domain/deadlines/deadline';
import { demoDeadlines } from '../../bot/data/demo/programme';
import { londonToUtc } from '../../bot/domain/time';

const NOW = new Date('2024-04-23T08:00:00Z');
const online: EventInput = {
  title: 'Bitesize: outdoor learning',
  date: '2024-05-21',
  start: '16:00',
  end: '16:45',
  where: 'online',
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  audience: 'Open to all',
};
const workshop: EventInput = {
  ...online,
  where: 'venue',
  venue: 'County Hall',
  joinUrl: undefined,
  booking: { capacity: 20, bookBy: '2024-05-17', organiserName: 'NLC', organiserEmail: 'nlc@example.org' },
};
const fields = (input: EventInput, context = {}) => eventInputProblems(input, { now: NOW, ...context }).map((p) => p.field);

describe('authoring rules (events and workshops)', () => {
  it('when an event is well formed, then there are no problems', () => {
    assert.deepEqual(fields(online), []);
    assert.deepEqual(fields(workshop), []);
  });

  it('when the end is before the start, then the end is at fault', () => {
    assert.deepEqual(fields({ ...online, end: '15:00' }), ['end']);
  });

  it('when the date has passed, then the date is at fault, but an edit that leaves a past start alone is not', () => {
    const past = { ...online, date: '2024-04-01' };
    assert.deepEqual(fields(past), ['date']);
    const current = eventFromInput(past, { id: 'past-event', status: 'scheduled', sequence: 0 });
    assert.deepEqual(fields({ ...past, title: 'Renamed' }, { current }), []);
  });

  it('when an online event has no join link yet, then nothing is at fault (joining details follow); a link that is not https is', () => {
    assert.deepEqual(fields({ ...online, joinUrl: undefined }), []);
    assert.deepEqual(fields({ ...online, joinUrl: 'http://example.org' }), ['joinUrl']);
    assert.deepEqual(fields({ ...online, bookingUrl: 'http://example.org', brochureUrl: 'ftp://example.org' }), ['bookingUrl', 'brochureUrl']);
  });

  it('when both times are left empty, then the time is to be confirmed; one time alone is at fault', () => {
    const { start: _s, end: _e, ...untimed } = online;
    assert.deepEqual(fields(untimed), []);
    const event = eventFromInput(untimed, { id: 'untimed-talk', status: 'scheduled', sequence: 0 });
    assert.equal(event.timeToBeConfirmed, true);
    assert.equal(event.startsAt, londonToUtc(online.date, '00:00').toISOString());
    assert.deepEqual(inputOf(event), { ...untimed, summary: undefined, flourish: undefined, series: undefined, bookingUrl: undefined, brochureUrl: undefined, reminderDays: undefined, joinUrl: online.joinUrl });
    assert.deepEqual(fields({ ...untimed, start: '10:00' }), ['end']);
  });

  it('when a venue event names no venue, then the venue is at fault', () => {
    assert.deepEqual(fields({ ...workshop, venue: undefined }), ['venue']);
  });

  it('when a workshop has fewer places than people already booked, then the capacity is at fault and says how many', () => {
    const problems = eventInputProblems({ ...workshop, booking: { ...workshop.booking!, capacity: 5 } }, { now: NOW, booked: 8 });
    assert.deepEqual(problems.map((p) => p.field), ['capacity']);
    assert.match(problems[0]!.message, /8 people already have places, so there must be at least 8/);
  });

  it('when booking closes after the workshop, then the booking deadline is at fault', () => {
    assert.deepEqual(fields({ ...workshop, booking: { ...workshop.booking!, bookBy: '2024-05-22' } }), ['bookBy']);
  });

  it('when an event is turned into input and back, then nothing is lost, so an unchanged re-import changes nothing', () => {
    const event = eventFromInput(workshop, { id: 'walk-workshop', status: 'scheduled', sequence: 0 });
    assert.ok(sameInput(inputOf(event), workshop));
    assert.ok(!sameInput(inputOf(event), { ...workshop, start: '16:15' }));
  });
});

describe('consultation deadlines', () => {
  const safeguarding = demoDeadlines().find((d) => d.id === 'dfe-safeguarding-call-for-evidence-2024')!;

  it('when the demo deadline is read, then it closes at the end of Thursday 20 June 2024, London time', () => {
    assert.equal(safeguarding.closesAt, '2024-06-20T22:59:59.999Z');
  });

  it('when it is five days before, then the card says "Closes in 5 days: Thu 20 June 2024"', () => {
    assert.equal(closesText(safeguarding, new Date('2024-06-15T08:00:00Z')), 'Closes in 5 days: Thu 20 June 2024');
    assert.equal(closesText(safeguarding, new Date('2024-06-19T20:00:00Z')), 'Closes tomorrow: Thu 20 June 2024');
    assert.equal(closesText(safeguarding, new Date('2024-06-20T22:00:00Z')), 'Closes today: Thu 20 June 2024');
  });

  it('when the close has passed, then it is closed; when withdrawn, it is cancelled whatever the date', () => {
    assert.equal(deadlineState(safeguarding, new Date('2024-06-20T22:59:59.998Z')), 'open');
    assert.equal(deadlineState(safeguarding, new Date('2024-06-20T23:00:00Z')), 'closed');
    assert.equal(closesText(safeguarding, new Date('2024-06-21T08:00:00Z')), 'Closed');
    const withdrawn: Deadline = { ...safeguarding, status: 'cancelled' };
    assert.equal(deadlineState(withdrawn, new Date('2024-05-01T08:00:00Z')), 'cancelled');
  });

  it('when someone asked to be reminded, then they are reminded only until they say they have responded', () => {
    const follow = { deadlineId: safeguarding.id, userId: 'u', remind: true, responded: false, updatedAt: NOW.toISOString() };
    assert.equal(wantsReminder(follow), true);
    assert.equal(wantsReminder({ ...follow, responded: true }), false);
    assert.equal(wantsReminder({ ...follow, remind: false }), false);
    assert.equal(wantsReminder(undefined), false);
  });
});
