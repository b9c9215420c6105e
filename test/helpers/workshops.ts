import { cardNodes } from './adaptive-cards';
import { personalChat, type TestUser, BOT, createTestConversationUpdate, createTestInvoke, createTestMessage } from './activities';
import { invokeCard, type TestBot } from './bot';
import { cardsIn, type StandInConnector } from './connector';

/** The demo AP framework workshop: 40 places, book by Mon 29 April 2024. */
export const WORKSHOP = 'ap-framework-workshop-2024';

export interface CardAction {
  type: string;
  title?: string;
  verb?: string;
  url?: string;
  data?: Record<string, unknown>;
}

/** Every action on a card, those inside ActionSets included. */
export function actionsOf(card: unknown): CardAction[] {
  return cardNodes(card).filter((n) => (n.type as string).startsWith('Action.')) as unknown as CardAction[];
}

/** Talking to the bot as Teams would, for workshop tests. */
export function workshopDriver(bot: TestBot, connector: StandInConnector) {
  return {
    /** Presses an Action.Execute button in the person's personal chat; the card that comes back. */
    invoke: async (user: TestUser, verb: string, data: unknown): Promise<Record<string, unknown>> =>
      invokeCard((await bot.post(createTestInvoke(connector.serviceUrl, personalChat(user), user, verb, data))).body),
    /** Types a command in the person's personal chat; the cards the bot answered with. */
    say: async (user: TestUser, text: string): Promise<Record<string, unknown>[]> => {
      const chat = personalChat(user);
      const before = connector.sentTo(chat.id).length;
      await bot.post(createTestMessage(connector.serviceUrl, chat, user, text));
      return connector.sentTo(chat.id).slice(before).flatMap(cardsIn);
    },
    /** The person installs the bot: from now on it can message them. */
    install: async (user: TestUser): Promise<void> => {
      await bot.post(createTestConversationUpdate(connector.serviceUrl, personalChat(user), user, { membersAdded: [BOT] }));
    },
  };
}

/** A complete booking form, as the card's inputs send it. */
export const formOf = (user: TestUser): Record<string, string> => ({ role: 'headteacher', school: `School of ${user.name ?? user.id}`, needs: '' });

/**
 * Waits for work the bot does after answering (a promotion message, its delivery record)
 * to show: checks again every few milliseconds until `check` passes or 3 s go by.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
