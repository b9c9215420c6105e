import { strict as assert } from 'node:assert';
import { renderEventCard } from '../../cards/event';
import { demoEvents } from '../../bot/data/demo/programme';
import type { NlcEvent } from '../../bot/domain/events/event';
import { cardText } from '../helpers/connector';

const conference = demoEvents().find((e) => e.id === 'practice-week-2024-conference') as NlcEvent;
const before = new Date('2024-05-01T08:00:00Z');
const counts = { going: 3, maybe: 2, notGoing: 1 };

const actionsOf = (card: Record<string, unknown>) => (card.actions ?? []) as { type: string; title: string; verb?: string; data?: Record<string, unknown> }[];

describe('event card', () => {
  it('when rendered, then it shows when in London time, where, who for and the FLOURISH tag', () => {
    const text = cardText(renderEventCard({ event: conference, counts, now: before }, { refreshUserIds: [] }));
    assert.match(text, /Wed 22 May 2024, 09:30 to 12:30/);
    assert.match(text, /Online \(Microsoft Teams\)/);
    assert.match(text, /FLOURISH: Learning/);
    assert.match(text, /Anyone working to improve the lives/);
    assert.match(text, /3 going · 2 maybe · 1 can't go/);
  });

  it('when the person has answered going, then the card says so and highlights Going', () => {
    const card = renderEventCard({ event: conference, counts, myResponse: 'going', now: before }, { refreshUserIds: ['29:a'] });
    assert.match(cardText(card), /You're going\. Change your answer\?/);
    const going = actionsOf(card).find((a) => a.title === 'Going') as unknown as { style: string };
    assert.equal(going.style, 'positive');
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

  it('when the event has ended, then the buttons are gone and it says it has taken place', () => {
    const card = renderEventCard({ event: conference, counts, now: new Date('2024-05-23T08:00:00Z') }, { refreshUserIds: [] });
    assert.deepEqual(actionsOf(card), []);
    assert.match(cardText(card), /taken place/);
  });

  it('when the event is cancelled, then it says so and takes no answers', () => {
    const card = renderEventCard({ event: { ...conference, status: 'cancelled' }, counts, now: before }, { refreshUserIds: [] });
    assert.deepEqual(actionsOf(card), []);
    assert.match(cardText(card), /cancelled/);
  });

  it('when given refresh users, then the refresh action asks for this event\'s view', () => {
    const card = renderEventCard({ event: conference, counts, now: before }, { refreshUserIds: ['29:a', '29:b'] });
    assert.deepEqual(card.refresh, {
      action: { type: 'Action.Execute', verb: 'event.view', data: { eventId: conference.id } },
      userIds: ['29:a', '29:b'],
    });
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
