import { strict as assert } from 'node:assert';
import { EVENT_FIELDS } from '../../bot/domain/authoring/event-fields';
import { parseProgrammeFile } from '../../bot/domain/authoring/programme-file';
import { eventSchema } from '../../bot/domain/events/event';
import { programmeEntrySchema } from '../../bot/domain/events/programme';
import { FLOURISH } from '../../bot/domain/flourish';

/** The outcomes as "Flourishing in Norfolk" (2021-2025) names them, page 15, in its order. */
const STRATEGY = ['Family and friends', 'Learning', 'Opportunity', 'Understood', 'Resilience', 'Individual', 'Safe and secure', 'Healthy'];

const event = (flourish: string) => ({
  id: 'flourish-check',
  title: 'A session',
  startsAt: '2024-05-20T11:30:00Z',
  endsAt: '2024-05-20T12:15:00Z',
  location: { type: 'online' },
  audience: 'Open to all',
  flourish,
});

describe('the FLOURISH outcomes', () => {
  it('when the list is read, then it is the strategy\'s eight outcomes in its order, and their first letters spell FLOURISH', () => {
    assert.deepEqual([...FLOURISH], STRATEGY);
    assert.equal(FLOURISH.map((f) => f[0]).join(''), 'FLOURISH');
  });

  it('when the authoring form offers an outcome, then its choices are exactly the list', () => {
    const field = EVENT_FIELDS.find((f) => f.id === 'flourish');
    assert.ok(field?.kind === 'titledChoice');
    assert.deepEqual(field.options.map((o) => o.value), [...FLOURISH]);
    assert.deepEqual(field.options.map((o) => o.title), [...FLOURISH]);
  });

  it('when each outcome is given to an event or a programme entry, then it is kept; a word that is not an outcome is refused', () => {
    for (const outcome of FLOURISH) {
      assert.equal(eventSchema.parse(event(outcome)).flourish, outcome);
      assert.equal(programmeEntrySchema.shape.flourish.parse(outcome), outcome);
    }
    assert.equal(eventSchema.safeParse(event('Happiness')).success, false);
  });

  it('when an event was stored with an earlier spelling ("Opportunities", "Individuality", "Safe"), then it reads as the strategy\'s word', () => {
    assert.equal(eventSchema.parse(event('Opportunities')).flourish, 'Opportunity');
    assert.equal(eventSchema.parse(event('Individuality')).flourish, 'Individual');
    assert.equal(eventSchema.parse(event('Safe')).flourish, 'Safe and secure');
  });

  it('when an imported programme names an outcome in any case, then the row carries the strategy\'s word', () => {
    const file = parseProgrammeFile('title,date,start,end,location,audience,flourish\nA talk,2030-05-20,12:30,13:15,Online,Open to all,safe AND secure\n');
    assert.deepEqual(file.rows.flatMap((r) => r.problems), []);
    assert.equal(file.rows[0]!.input!.flourish, 'Safe and secure');
  });
});
