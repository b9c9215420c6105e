import { strict as assert } from 'node:assert';
import { renderEventCard } from '../../cards/event';
import { demoEvents } from '../../bot/data/demo/programme';
import type { NlcEvent } from '../../bot/domain/events/event';
import { cardNodes } from '../helpers/adaptive-cards';
import { cardText } from '../helpers/connector';

const demo = (id: string) => demoEvents().find((e) => e.id === id) as NlcEvent;
const conference = demo('practice-week-2024-bitesize-tue');
const before = new Date('2024-05-01T08:00:00Z');
const counts = { going: 3, maybe: 2, notGoing: 1 };

/** Every button on the card: the action bar and the row of links above it. */
const actionsOf = (card: Record<string, unknown>) =>
  cardNodes(card).filter((n) => (n.type as string).startsWith('Action.')) as unknown as { type: string; title: string; verb?: string; data?: Record<string, unknown> }[];

describe('event card', () => {
  it('when rendered, then it shows when in London time, where, who for and the FLOURISH tag', () => {
    const text = cardText(renderEventCard({ event: conference, counts, now: before }, { refreshUserIds: [] }));
    assert.match(text, /Tue 21 May 2024, 12:30 to 13:15/);
    assert.match(text, /Online \(Microsoft Teams\)/);
    assert.match(text, /FLOURISH: Learning/);
    assert.match(text, /Open to all: everyone working to improve the lives/);
    assert.match(text, /3 going · 2 maybe · 1 can't go/);
  });

  it('when the person has answered going, then the card says so and ticks Going', () => {
    const card = renderEventCard({ event: conference, counts, myResponse: 'going', now: before }, { refreshUserIds: ['29:a'] });
    assert.match(cardText(card), /You're going\. Change your answer\?/);
    assert.deepEqual(actionsOf(card).filter((a) => a.type === 'Action.Execute').map((a) => a.title), ['✓ Going', 'Maybe', "Can't go"]);
  });

  it('when the person has answered maybe, then Maybe is ticked but not coloured like Going, which stays the one main action', () => {
    const card = renderEventCard({ event: conference, counts, myResponse: 'maybe', now: before }, { refreshUserIds: ['29:a'] });
    const styles = actionsOf(card).filter((a) => a.type === 'Action.Execute').map((a) => [a.title, (a as { style?: string }).style]);
    assert.deepEqual(styles, [['Going', 'positive'], ['✓ Maybe', 'default'], ["Can't go", 'default']]);
  });

  it('when a click on a past event\'s card is answered with a reason, then the card says once that it has taken place', () => {
    const card = renderEventCard({ event: conference, counts, myResponse: 'maybe', now: new Date('2024-05-23T08:00:00Z') }, { refreshUserIds: [], banner: 'It has already started, so answers are closed.' });
    const text = cardText(card);
    assert.equal(text.match(/[^.\n]*(taken place|already started|under way|answers are closed)[^.\n]*\./g)?.length, 1, text);
  });

  it('when open, then it offers Going, Maybe and Can\'t go as Action.Execute with the event id, and the join link', () => {
    const actions = actionsOf(renderEventCard({ event: conference, counts, now: before }, { refreshUserIds: [] }));
    const rsvps = actions.filter((a) => a.type === 'Action.Execute');
    assert.deepEqual(rsvps.map((a) => a.data), [
      { eventId: conference.id, response: 'going' },
      { eventId: conference.id, response: 'maybe' },
      { eventId: conference.id, response: 'notGoing' },
    ]);
    assert.ok(actions.some((a) => a.type === 'Action.OpenUrl'));
  });

  it('when the event has ended, then the answer and join buttons are gone (the brochure stays) and it says it has taken place', () => {
    const card = renderEventCard({ event: conference, counts, now: new Date('2024-05-23T08:00:00Z') }, { refreshUserIds: [] });
    assert.deepEqual(actionsOf(card).map((a) => a.title), ['See the brochure']);
    assert.match(cardText(card), /taken place/);
  });

  it('when the event is cancelled, then it says so and takes no answers', () => {
    const card = renderEventCard({ event: { ...conference, status: 'cancelled' }, counts, now: before }, { refreshUserIds: [] });
    assert.deepEqual(actionsOf(card).filter((a) => a.type === 'Action.Execute' || a.title === 'Join online'), []);
    assert.match(cardText(card), /cancelled/);
  });

  it('when given refresh users, then the refresh action asks for this event\'s view', () => {
    const card = renderEventCard({ event: conference, counts, now: before }, { refreshUserIds: ['29:a', '29:b'] });
    assert.deepEqual(card.refresh, {
      action: { type: 'Action.Execute', verb: 'event.view', data: { eventId: conference.id } },
      userIds: ['29:a', '29:b'],
    });
  });

  it('when the source gives a date and no time, then the card says "time to be confirmed" and shows no made-up time', () => {
    for (const id of ['practice-week-2024-conference', 'new-horizons-2024', 'trauma-attachment-network-2024-06']) {
      const event = demo(id);
      assert.equal(event.timeToBeConfirmed, true, id);
      const text = cardText(renderEventCard({ event, counts, now: before }, { refreshUserIds: [] }));
      assert.match(text, /, time to be confirmed\n/, id);
      assert.doesNotMatch(text, /\d\d:\d\d/, id);
    }
    assert.match(cardText(renderEventCard({ event: demo('new-horizons-2024'), counts, now: before }, { refreshUserIds: [] })), /Tue 16 July 2024, time to be confirmed/);
  });

  it('when an online event has no joining link yet, then it says "joining details to follow" and offers no Join button', () => {
    for (const id of ['practice-week-2024-bitesize-fri', 'trauma-attachment-network-2024-06']) {
      const card = renderEventCard({ event: demo(id), counts, now: before }, { refreshUserIds: [] });
      assert.match(cardText(card), /Online \(Microsoft Teams\): joining details to follow/, id);
      assert.ok(!actionsOf(card).some((a) => a.title === 'Join online'), id);
    }
  });

  it('when an event is booked elsewhere and has a brochure, then both are buttons that open the links', () => {
    const event = demo('practice-week-2024-conference');
    const links = actionsOf(renderEventCard({ event, counts, now: before }, { refreshUserIds: [] })).filter((a) => a.type === 'Action.OpenUrl');
    assert.deepEqual(links, [
      { type: 'Action.OpenUrl', title: 'Book a place', url: event.bookingUrl },
      { type: 'Action.OpenUrl', title: 'See the brochure', url: event.brochureUrl },
    ]);
    assert.match(String(event.bookingUrl), /^https:\/\/www\.eventbrite\.co\.uk\//);
  });

  it('when anything on an event is illustrative, then the card itself says "Example:" and what', () => {
    const text = cardText(renderEventCard({ event: demo('nlc-meeting-2024-06'), counts, now: before }, { refreshUserIds: [] }));
    assert.match(text, /\nExample: The letter says only that the NLC will meet in June: this date, time and joining link are examples\.\n/);
    const plain = cardText(renderEventCard({ event: { ...demo('nlc-meeting-2024-06'), example: undefined }, counts, now: before }, { refreshUserIds: [] }));
    assert.doesNotMatch(plain, /Example/);
  });

  it('when it has a public page, then Share appears while answers are open, and not on a draft, cancelled or past event (its page would not help)', () => {
    const shareUrl = 'https://nlc.example.org/e/practice-week-2024-conference';
    const shares = (event: NlcEvent, now: Date) =>
      actionsOf(renderEventCard({ event, counts, now }, { refreshUserIds: [], shareUrl })).filter((a) => a.title === 'Share').length;
    assert.equal(shares(conference, before), 1);
    assert.equal(shares({ ...conference, status: 'draft' }, before), 0);
    assert.equal(shares({ ...conference, status: 'cancelled' }, before), 0);
    assert.equal(shares(conference, new Date('2024-05-23T08:00:00Z')), 0);
  });
});
