import { startTestBot, type TestBot, type TestBotOptions } from '../bot';
import { startPlayground } from './index';
import type { Playground } from './types';

/**
 * One test bot and one Agents Playground for the enclosing `describe`, stopped after it:
 * starting the Playground takes seconds, so its tests share them (each uses its own people
 * or conversation). `given` receives both for the suite's own variables and may finish
 * the set-up (installs, greetings) before the first test.
 */
export function playgroundPerSuite(options: TestBotOptions, given: (bot: TestBot, playground: Playground) => void | Promise<void>): void {
  let bot: TestBot | undefined;
  let playground: Playground | undefined;
  before(async () => {
    bot = await startTestBot(options);
    playground = await startPlayground({ botEndpoint: `${bot.url}/api/messages`, port: 0 });
    await given(bot, playground);
  });
  after(async () => {
    await playground?.stop();
    await bot?.close();
  });
}
