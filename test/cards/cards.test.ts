import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gallery } from '../../scripts/gallery/gallery';
import { withShareAction } from '../../cards/share';
import { MAX_REFRESH_USERS, withRefresh } from '../../cards/template';
import { adaptiveCardProblems } from '../helpers/adaptive-cards';

/** Teams shows cards up to about 28 KB everywhere (the message limit itself is 100 KB). */
const MAX_CARD_BYTES = 28 * 1024;

describe('cards', () => {
  it('when the card folder is listed, then every template has at least one gallery entry', () => {
    const templates = readdirSync(join(__dirname, '../../cards')).filter((f) => f.endsWith('.json'));
    const covered = new Set(gallery.map((g) => g.template));
    assert.deepEqual(templates.filter((t) => !covered.has(t)), []);
  });

  for (const entry of gallery) {
    describe(entry.name, () => {
      const card = entry.render();
      const json = JSON.stringify(card);

      it('when expanded with fixture data, then no template expression is left', () => {
        assert.doesNotMatch(json, /\$\{/);
      });

      it('when parsed by the adaptivecards library at 1.5, then it raises no warning', () => {
        assert.equal(card.version, '1.5');
        assert.deepEqual(adaptiveCardProblems(card), []);
      });

      it('when serialised, then it is under 28 KB', () => {
        assert.ok(Buffer.byteLength(json) < MAX_CARD_BYTES, `${Buffer.byteLength(json)} bytes`);
      });
    });
  }

  it('when a card is given more than 60 refresh users, then only the first 60 are kept', () => {
    const ids = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    const card = withRefresh({ type: 'AdaptiveCard', version: '1.5' }, 'event.view', { eventId: 'x' }, ids);
    assert.equal(card.refresh?.userIds?.length, MAX_REFRESH_USERS);
    assert.deepEqual(card.refresh?.userIds, ids.slice(0, 60));
  });

  it('when a card is for everyone in a chat (dropped in from a search), then its refresh names nobody, so Teams refreshes it for every member', () => {
    const card = withRefresh({ type: 'AdaptiveCard', version: '1.5' }, 'event.view', { eventId: 'x' }, 'everyone');
    assert.deepEqual(card.refresh, { action: { type: 'Action.Execute', verb: 'event.view', data: { eventId: 'x' } } });
  });

  it('when a card has a public page, then Share opens Teams\' share dialog with its address; without one, the card is unchanged', () => {
    const card = { type: 'AdaptiveCard' as const, version: '1.5', actions: [{ type: 'Action.Execute', title: 'Going' }] };
    assert.deepEqual(withShareAction(card, 'https://nlc.example.org/e/new-horizons-2024').actions, [
      { type: 'Action.Execute', title: 'Going' },
      { type: 'Action.OpenUrl', title: 'Share', url: 'https://teams.microsoft.com/share?href=https%3A%2F%2Fnlc.example.org%2Fe%2Fnew-horizons-2024&preview=true' },
    ]);
    assert.equal(withShareAction(card, undefined), card);
    assert.deepEqual(adaptiveCardProblems(withShareAction(card, 'https://nlc.example.org/e/x')), []);
  });

  it('when a card has no refresh users, then it has no refresh block', () => {
    const card = withRefresh({ type: 'AdaptiveCard', version: '1.5' }, 'event.view', {}, []);
    assert.equal(card.refresh, undefined);
  });

  it('when the adaptivecards validator is given a broken card, then it reports the problems', () => {
    // Guards the guard: the checks above would pass vacuously if the validator saw nothing.
    const problems = adaptiveCardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Bogus' }, { type: 'TextBlock', text: 'x', color: 'Pink' }],
    });
    assert.equal(problems.length, 2);
  });
});
