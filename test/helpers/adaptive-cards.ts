/**
 * The official `adaptivecards` library, used as a validator: parsing with a 1.5
 * serialization context reports unknown elements, bad property values and version
 * problems without a DOM.
 */
// The package's main entry expects a browser; its UMD bundle parses fine in Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
};

/** Every warning the library raises for this card at Adaptive Cards 1.5 (empty when valid). */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  problems.push(...card.validateProperties().validationEvents.map((e) => e.message));
  return problems;
}

/**
 * Every element and action of a card, depth first, leaving out its refresh block; with
 * `intoShowCards: false`, not the card an Action.ShowCard opens (a card of its own).
 */
export function cardNodes(card: unknown, options: { intoShowCards?: boolean } = {}): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string') found.push(record);
    for (const [key, value] of Object.entries(record)) {
      if (key === 'refresh' || (options.intoShowCards === false && record.type === 'Action.ShowCard' && key === 'card')) continue;
      walk(value);
    }
  };
  walk(card);
  return found;
}
