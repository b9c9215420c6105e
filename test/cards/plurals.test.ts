import { strict as assert } from 'node:assert';
import { emptyCounts } from '../../bot/domain/privacy/privacy';
import { daysList } from '../../cards/deadline';
import { renderForgetPreviewCard } from '../../cards/forget';
import { gallery } from '../../scripts/gallery/gallery';
import { cardText } from '../helpers/connector';

const ONE_WITH_PLURAL = /\b1 (days|places|people|members|bookings|copies|conversations|sessions|answers|contributions|chats|reminders|memberships|records)\b/;

describe('plurals on cards', () => {
  it('when reminder days are listed, then each number has its own unit ("3 days and 1 day")', () => {
    assert.equal(daysList([3, 1]), '3 days and 1 day');
    assert.equal(daysList([7, 3, 1]), '7 days, 3 days and 1 day');
    assert.equal(daysList([1]), '1 day');
    assert.equal(daysList([14]), '14 days');
  });

  it('when someone holds one booking, then "forget me" counts it as "1 workshop booking", not "1 workshop bookings"', () => {
    const card = renderForgetPreviewCard({ person: { userId: '00000000-0000-4000-8000-0000000000aa', name: 'Ann' }, self: true, held: { ...emptyCounts(), bookings: 1, rsvps: 2 } });
    assert.match(cardText(card), /1\nworkshop booking or waiting list place/);
    assert.match(cardText(card), /2\nanswers to events/);
  });

  it('when every gallery card is read, then no "1" is followed by a plural', () => {
    const wrong = gallery.map((e) => [e.name, ONE_WITH_PLURAL.exec(cardText(e.render()))?.[0]] as const).filter(([, m]) => m);
    assert.deepEqual(wrong, []);
  });
});
