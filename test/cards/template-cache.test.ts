import { strict as assert } from 'node:assert';
import { cardTemplate, EXPANSIONS_KEPT } from '../../cards/template';

const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${going} going' }] };

describe('card templates: remembered expansions', () => {
  it('when the same data is rendered twice in a row, then the second render is the remembered card', () => {
    const render = cardTemplate<{ going: number }>(card);
    assert.equal(render({ going: 3 }), render({ going: 3 }));
  });

  it(`when more than ${EXPANSIONS_KEPT} distinct cards have been rendered since, then the oldest is expanded afresh and the latest is still remembered`, () => {
    const render = cardTemplate<{ going: number }>(card);
    const first = render({ going: 0 });
    const latest = Array.from({ length: EXPANSIONS_KEPT }, (_, i) => render({ going: i + 1 })).at(-1);
    assert.notEqual(render({ going: 0 }), first, 'the oldest was let go');
    assert.deepEqual(render({ going: 0 }), first, 'and renders the same again');
    assert.equal(render({ going: EXPANSIONS_KEPT }), latest);
  });

  it('when a template has rendered many distinct cards, then it keeps a small number of them', () => {
    assert.ok(EXPANSIONS_KEPT <= 32, `${EXPANSIONS_KEPT} kept per template, across 40 templates`);
  });
});
