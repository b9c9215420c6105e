import { strict as assert } from 'node:assert';
import { ATTENDEES_PER_PAGE, renderAttendeesCard } from '../../cards/attendees';
import { attendeeListOf, ledgerWith } from '../../scripts/gallery/gallery-workshops';
import { actionsOf } from '../helpers/workshops';

/** The demo workshop has 40 places: 62 requests are 40 booked and 22 on the waiting list. */
const list = () => attendeeListOf(ledgerWith(62), false);
const people = (card: unknown): string[] => [...JSON.stringify(card).matchAll(/\*\*(\d+)\. Leader (\d+)\*\*/g)].map((m) => `${m[1]}:${m[2]}`);

describe('attendee list card, paged', () => {
  it('when 62 people have asked for places, then the first page shows 25 of them, the counts on top and Next only', () => {
    const card = renderAttendeesCard(list());
    const text = JSON.stringify(card);
    assert.equal(ATTENDEES_PER_PAGE, 25);
    assert.equal(people(card).length, 25);
    assert.ok(text.indexOf('40 booked · 22 on the waiting list') < text.indexOf('Leader 1**'), 'counts above the list');
    assert.match(text, /People 1 to 25 of 62 \(page 1 of 3\)/);
    const pager = actionsOf(card).filter((a) => ['Previous', 'Next', 'Refresh'].includes(a.title ?? ''));
    assert.deepEqual(pager.map((a) => [a.title, (a.data as { page: number }).page]), [['Refresh', 1], ['Next', 2]]);
  });

  it('when the second page is asked for, then it goes on where the first stopped, into the waiting list numbered from 1', () => {
    const card = renderAttendeesCard(list(), { page: 2 });
    const shown = people(card);
    assert.equal(shown.length, 25);
    assert.deepEqual(shown.slice(0, 2), ['26:26', '27:27']);
    assert.ok(shown.includes('1:41'), 'the 41st request is first on the waiting list');
    assert.match(JSON.stringify(card), /"Booked"[\s\S]*"Waiting list"/);
    assert.deepEqual(actionsOf(card).filter((a) => ['Previous', 'Next'].includes(a.title ?? '')).map((a) => (a.data as { page: number }).page), [1, 3]);
  });

  it('when a page past the end is asked for (an old card), then the last page is shown, with Previous and no Next', () => {
    const card = renderAttendeesCard(list(), { page: 99 });
    assert.equal(people(card).length, 12);
    assert.match(JSON.stringify(card), /People 51 to 62 of 62 \(page 3 of 3\)/);
    assert.deepEqual(actionsOf(card).filter((a) => ['Previous', 'Next'].includes(a.title ?? '')).map((a) => a.title), ['Previous']);
  });
});
