import { strict as assert } from 'node:assert';
import { gallery } from '../../scripts/gallery/gallery';
import { cardNodes } from '../helpers/adaptive-cards';

interface Action {
  type: string;
  title?: string;
  style?: string;
  associatedInputs?: string;
}

/** A card's own actions, body and action bar: not those inside an Action.ShowCard's card, which is a card of its own. */
const actionsOf = (card: unknown): Action[] => cardNodes(card, { intoShowCards: false }).filter((n) => (n.type as string).startsWith('Action.')) as unknown as Action[];

/**
 * The one main action of each card that asks something of the person, styled as such
 * (positive: Teams' filled button). Cards not listed (lists, reports, confirmations,
 * notices) have no single main action, and must not pretend to have several.
 */
const MAIN_ACTION: Record<string, string> = {
  'event-unanswered': 'Going',
  'event-going': '✓ Going',
  'task-group-visitor': 'Join',
  'call-case-study': 'Send',
  'call-survey-with-problems': 'Send',
  'new-task-group': 'Create group',
  'notice-retry': 'Try again',
  'workshop-open': 'Book a place',
  'workshop-form-problems': 'Book a place',
  'workshop-colleagues-and-reminder': 'Book a place',
  'workshop-colleague-form': 'Book their place',
  'workshop-booked': 'Add to calendar',
  'workshop-promoted': 'Add to calendar',
  'broadcast-compose': 'Next',
  'broadcast-compose-event': 'Preview',
  'broadcast-compose-empty': 'Preview',
  'broadcast-compose-problems': 'Preview',
  'broadcast-preview': 'Send to 1,214 people',
  'broadcast-preview-scheduled': 'Schedule it',
  'broadcast-status-report': 'Resend to failed (7)',
  'deadline-open': 'Respond',
  'author-event-form': 'Save changes',
  'import-preview': 'Import 1 session',
};

describe('one main action per card', () => {
  it('when every gallery card is read, then none has more than one main (positive) action', () => {
    const many = gallery.map((e) => [e.name, actionsOf(e.render()).filter((a) => a.style === 'positive').map((a) => a.title)] as const).filter(([, p]) => p.length > 1);
    assert.deepEqual(many, []);
  });

  it('when a card asks something of the person, then its one main action is styled as such', () => {
    const wrong = Object.entries(MAIN_ACTION)
      .map(([name, title]) => {
        const entry = gallery.find((e) => e.name === name);
        const main = entry ? actionsOf(entry.render()).filter((a) => a.style === 'positive').map((a) => a.title) : ['(no such gallery entry)'];
        return { name, expected: [title], main };
      })
      .filter((r) => JSON.stringify(r.main) !== JSON.stringify(r.expected));
    assert.deepEqual(wrong, []);
  });

  it('when a card has a form that sends its inputs, then that card is one with a main action', () => {
    const forms = gallery.filter((e) => actionsOf(e.render()).some((a) => a.type === 'Action.Execute' && a.associatedInputs === 'auto')).map((e) => e.name);
    assert.deepEqual(forms.filter((name) => !(name in MAIN_ACTION)), []);
  });
});
