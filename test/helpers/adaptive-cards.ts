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
