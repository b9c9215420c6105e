import { strict as assert } from 'node:assert';
import { demoDeadlines, demoEvents } from '../../bot/data/demo/programme';
import { demoTaskGroups } from '../../bot/data/demo/task-groups';
import { renderDeadlineCard } from '../../cards/deadline';
import { renderCallCard } from '../../cards/call';
import { cardText } from '../helpers/connector';

/**
 * The demo programme says what the NLC's April 2024 letter (and the strategy it draws on)
 * says, and no more: where the letter is silent, the demo says "to be confirmed" or
 * "to follow", or labels its own detail "Example" on the card.
 */
const NOW = new Date('2024-04-23T08:00:00Z');
const events = demoEvents();
const deadlines = demoDeadlines();
const { groups, calls } = demoTaskGroups(NOW);
type Action = { type: string; title: string; url?: string };
const cardActions = (card: Record<string, unknown>) => (card.actions ?? []) as Action[];
const event = (id: string) => events.find((e) => e.id === id)!;
const deadline = (id: string) => deadlines.find((d) => d.id === id)!;

describe('demo content true to the source', () => {
  it('when Task Group 5 is shown, then it carries its full name', () => {
    assert.equal(groups.find((g) => g.number === 5)?.name, 'Enhancing the self-improving system through a Norfolk Collaborative Standard');
  });

  it('when the wraparound expression of interest says who should respond, then early years providers and the 30 hours entitlement are named', () => {
    const respondents = deadline('wraparound-capital-eoi-2024').respondents;
    assert.match(respondents, /early years providers/);
    assert.match(respondents, /30 hours early years entitlement/);
  });

  it('when a Practice Week event says who it is for, then it is open to all, children, young people and families included', () => {
    const week = events.filter((e) => e.series === 'Norfolk Practice Week 2024');
    assert.equal(week.length, 5);
    for (const e of week) assert.match(e.audience, /^Open to all: .*children, young people and families themselves$/, e.id);
  });

  it('when the letter gives a date but no time (New Horizons, the trauma network, the conference), then the event\'s time is to be confirmed', () => {
    const untimed = events.filter((e) => e.timeToBeConfirmed).map((e) => e.id).sort();
    assert.deepEqual(untimed, ['new-horizons-2024', 'practice-week-2024-conference', 'trauma-attachment-network-2024-06']);
    assert.equal(event('new-horizons-2024').startsAt, '2024-07-15T23:00:00.000Z', 'the London day, midnight BST');
  });

  it('when an online event has no link in the letter (Friday\'s bitesize, the trauma network), then it has none in the demo', () => {
    for (const id of ['practice-week-2024-bitesize-fri', 'trauma-attachment-network-2024-06', 'practice-week-2024-conference']) {
      const { location } = event(id);
      assert.deepEqual(location, { type: 'online' }, id);
    }
  });

  it('when a demo entry holds an invented detail (a link, a session, a date, places), then it names it as an example', () => {
    const invented = [
      ...events.filter((e) => e.bookingUrl || e.brochureUrl || (e.location.type === 'online' && e.location.joinUrl) || e.kind === 'workshop').map((e) => [e.id, e.example]),
      ...deadlines.map((d) => [d.id, d.example]),
      ...calls.map((c) => [c.id, c.example]),
    ];
    assert.ok(invented.length >= 15);
    for (const [id, example] of invented) assert.match(example ?? '', /example/, `${id} says what is an example`);
  });

  it('when the Trauma Aware Practice Grant is shown, then it is an open offer: no closing date, no countdown, no reminder', () => {
    const grant = deadline('trauma-aware-practice-grant');
    assert.equal(grant.closesAt, undefined);
    const card = renderDeadlineCard({ deadline: grant, now: NOW }, { refreshUserIds: [] });
    const text = cardText(card);
    assert.match(text, /^Open offer · Virtual School\n/);
    assert.match(text, /No closing date: applications remain open/);
    assert.doesNotMatch(text, /Closes (in|today|tomorrow)/);
    assert.deepEqual(cardActions(card).map((a) => a.title), ["I've responded", 'Respond']);
  });

  it('when the Transitions survey call is shown, then it offers its public form to share, and staff still answer on the card', () => {
    const call = calls.find((c) => c.id === 'tg2-transition-survey')!;
    const card = renderCallCard(call, groups.find((g) => g.id === call.groupId)!);
    const actions = cardActions(card);
    assert.deepEqual(actions.filter((a) => a.type === 'Action.OpenUrl'), [{ type: 'Action.OpenUrl', title: 'Open the form to share', url: call.shareUrl }]);
    assert.ok(actions.some((a) => a.type === 'Action.Execute' && a.title === 'Send'));
    assert.match(cardText(card), /Pupils, parents and carers answer on the public form/);
  });
});
