/**
 * The Action.Execute buttons on an Adaptive Card, with what Teams would send for each:
 * the action's own data plus the values of its associated inputs. Inputs are filled the
 * way a careful person would (prefilled value kept, else the first choice, a short text
 * within maxLength, a date, a time), so a test can press every button of a card it has
 * never seen, as the fuzz test's crawl does.
 */
export interface CardButton {
  verb: string;
  /** The action's own data (ids the bot put on the card). */
  data: Record<string, unknown>;
  /** The associated inputs' values, as Teams sends them (strings). */
  inputs: Record<string, string>;
  /** From the card's `refresh` (Teams sends it by itself, without inputs). */
  refresh: boolean;
  /** Styled destructive ("Delete my data"): it erases what it is pressed on. */
  destructive?: boolean;
}

type Node = Record<string, unknown>;

/** What `fill` types into a free-text input (cut to its maxLength). */
export const FILL_TEXT = 'A short answer written for the test.';

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A valid value for one input element, or undefined when it is not an input. */
function fill(input: Node): string | undefined {
  const type = str(input.type);
  if (!type.startsWith('Input.')) return undefined;
  if (typeof input.value === 'string' && input.value !== '') return input.value;
  switch (type) {
    case 'Input.ChoiceSet': {
      const first = Array.isArray(input.choices) ? (input.choices[0] as Node | undefined) : undefined;
      return typeof first?.value === 'string' ? first.value : '';
    }
    case 'Input.Number':
      return String(typeof input.min === 'number' ? input.min : 1);
    case 'Input.Date':
      return '2024-05-07';
    case 'Input.Time':
      return '10:00';
    case 'Input.Toggle':
      return typeof input.valueOn === 'string' ? input.valueOn : 'true';
    default: {
      const max = typeof input.maxLength === 'number' ? input.maxLength : 200;
      return FILL_TEXT.slice(0, Math.max(2, Math.min(max, 200)));
    }
  }
}

/**
 * Walks one card scope: its inputs and its actions, not those inside a nested
 * ShowCard's card (a scope of its own, whose actions also see this scope's inputs).
 */
function scan(card: Node, parentInputs: Record<string, string>, out: CardButton[]): void {
  const inputs: Record<string, string> = {};
  const actions: Node[] = [];
  const nested: Node[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isNode(node)) return;
    const value = typeof node.id === 'string' ? fill(node) : undefined;
    if (value !== undefined) inputs[node.id as string] = value;
    if (node.type === 'Action.Execute') actions.push(node);
    if (node.type === 'Action.ShowCard' && isNode(node.card)) nested.push(node.card);
    for (const [key, child] of Object.entries(node)) {
      if (key === 'refresh' || (key === 'card' && node.type === 'Action.ShowCard')) continue;
      walk(child);
    }
  };
  walk(card.body);
  walk(card.actions);
  const scope = { ...parentInputs, ...inputs };
  for (const action of actions) {
    out.push({
      verb: str(action.verb),
      data: isNode(action.data) ? action.data : {},
      inputs: action.associatedInputs === 'none' ? {} : scope,
      refresh: false,
      destructive: action.style === 'destructive',
    });
  }
  for (const child of nested) scan(child, scope, out);
}

/** Every Action.Execute button on the card, the refresh action included. */
export function buttonsOf(card: unknown): CardButton[] {
  if (!isNode(card)) return [];
  const out: CardButton[] = [];
  const refresh = isNode(card.refresh) && isNode(card.refresh.action) ? card.refresh.action : undefined;
  if (refresh?.type === 'Action.Execute') {
    out.push({ verb: str(refresh.verb), data: isNode(refresh.data) ? refresh.data : {}, inputs: {}, refresh: true });
  }
  scan(card, {}, out);
  return out;
}

/** The card data Teams sends for a button: its data with the input values merged in. */
export const pressed = (button: Pick<CardButton, 'data' | 'inputs'>): Record<string, unknown> => ({ ...button.data, ...button.inputs });
