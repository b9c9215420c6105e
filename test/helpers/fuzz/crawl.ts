import { createTestInvoke, personalChat, type TestUser } from '../activities';
import type { TestBot } from '../bot';
import { buttonsOf, type CardButton, FILL_TEXT, pressed } from '../card-buttons';
import type { StandInConnector } from '../connector';
import { workshopDriver } from '../workshops';

/** A button someone was shown: who, and what pressing it sends. */
export interface Sighting extends CardButton {
  role: string;
}

export interface CrawlOptions {
  /** Press the buttons found (breadth first) as well as collecting them. */
  click: boolean;
  /** At most this many presses of one verb (distinct data), so one long list does not dominate. */
  maxPerVerb?: number;
  maxClicks?: number;
  /**
   * What this person types into free-text inputs instead of the shared filler (school,
   * needs, answers): text only they gave the bot, so a test can look for it elsewhere.
   */
  typed?: string;
}

const keyOf = (b: CardButton): string => `${b.verb} ${JSON.stringify(b.data)}`;

/**
 * Explores the bot as one person would: types every command the app registered, then
 * (if asked) presses every button on every card that comes back, filling forms with
 * valid answers, breadth first. Returns every button seen. Knowing nothing about the
 * features, it finds the verbs a feature adds later by itself.
 */
export async function crawl(bot: TestBot, connector: StandInConnector, role: string, user: TestUser, options: CrawlOptions): Promise<Sighting[]> {
  const driver = workshopDriver(bot, connector);
  const seen = new Map<string, Sighting>();
  const queue: CardButton[] = [];
  const note = (cards: unknown[]): void => {
    for (const button of cards.flatMap(buttonsOf)) {
      const key = keyOf(button);
      if (seen.has(key) || !button.verb) continue;
      seen.set(key, { ...button, role });
      queue.push(button);
    }
  };
  const typeEveryCommand = async (): Promise<void> => {
    for (const command of bot.routes.commands) note(await driver.say(user, command.name));
  };
  await typeEveryCommand();
  if (!options.click) return [...seen.values()];

  const perVerb = new Map<string, number>();
  let clicks = 0;
  while (queue.length > 0 && clicks < (options.maxClicks ?? 300)) {
    const button = queue.shift()!;
    // A destructive button ("Delete my data") would erase the world being explored; it is
    // still seen, so the fuzz cases are built around it.
    if (button.destructive) continue;
    const count = perVerb.get(button.verb) ?? 0;
    if (count >= (options.maxPerVerb ?? 4)) continue;
    perVerb.set(button.verb, count + 1);
    clicks++;
    const activity = createTestInvoke(connector.serviceUrl, personalChat(user), user, button.verb, pressed(retyped(button, options.typed)), {
      trigger: button.refresh ? 'automatic' : 'manual',
    });
    const response = await bot.post(activity);
    const card = (response.body as { value?: unknown } | undefined)?.value;
    note(card ? [card] : []);
  }
  // What a card offers depends on what the person has done ("forget me" shows Delete my
  // data once there is something to delete): look again, without pressing.
  queue.length = 0;
  await typeEveryCommand();
  return [...seen.values()];
}

/** The button with the filler text in its inputs replaced by the person's own. */
function retyped(button: CardButton, typed: string | undefined): CardButton {
  if (!typed) return button;
  const inputs = Object.fromEntries(Object.entries(button.inputs).map(([k, v]) => [k, v === FILL_TEXT ? typed : v]));
  return { ...button, inputs };
}
