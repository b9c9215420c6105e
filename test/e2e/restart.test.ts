import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestInvoke, personalChat, testUser } from '../helpers/activities';
import { invokeCard } from '../helpers/bot';
import { postActivity, startBotProcess, type BotProcess } from '../helpers/bot-process';
import { cardText } from '../helpers/connector';

/**
 * The embedded (no Azure) mode keeps its data in DATA_DIR: a person trying the bot does
 * not lose events and answers when it restarts. These start the real bot as a process
 * and stop it gracefully, or kill it with SIGKILL.
 */
describe('embedded data across restarts', function () {
  this.timeout(90_000);
  let dataDir: string;
  let bot: BotProcess | undefined;
  const env = () => ({ DATA_DIR: dataDir, DATA_SAVE_SECONDS: '1' });
  const snapshot = () => join(dataDir, 'embedded-cosmos.json');

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'nlc-restart-'));
  });
  afterEach(async () => {
    await bot?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const answer = async (n: number, response: string) => {
    const user = testUser(n);
    const reply = await postActivity(bot!.url, createTestInvoke('http://127.0.0.1:9/', personalChat(user), user, 'event.rsvp', { eventId: 'new-horizons-2024', response }));
    assert.match(cardText(invokeCard(reply.body)), /Change your answer/);
  };
  const viewAs = async (n: number) => {
    const user = testUser(n);
    const reply = await postActivity(bot!.url, createTestInvoke('http://127.0.0.1:9/', personalChat(user), user, 'event.view', { eventId: 'new-horizons-2024' }));
    return cardText(invokeCard(reply.body));
  };

  it('when the bot is stopped normally right after an answer, then after a restart the answer and the counts are still there', async () => {
    bot = await startBotProcess(env());
    await answer(1, 'going');
    await answer(2, 'maybe');
    await bot.stop('SIGTERM');
    assert.ok(existsSync(snapshot()), 'a snapshot is written on shutdown');

    bot = await startBotProcess(env());
    const seen = await viewAs(1);
    assert.match(seen, /You're going/);
    assert.match(seen, /1 going · 1 maybe/);
  });

  it('when the bot is killed with SIGKILL, then answers older than the save interval survive', async () => {
    bot = await startBotProcess(env());
    await answer(3, 'going');
    const user3 = testUser(3).aadObjectId ?? '';
    // Wait (polling, no fixed sleep) for the interval snapshot that holds the answer.
    const deadline = Date.now() + 10_000;
    while (!(existsSync(snapshot()) && readFileSync(snapshot(), 'utf8').includes(user3))) {
      assert.ok(Date.now() < deadline, 'the answer reached a snapshot within 10 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    await bot.stop('SIGKILL');

    bot = await startBotProcess(env());
    assert.match(await viewAs(3), /You're going/);
  });

  it('when DATA_DIR is "memory", then nothing is written and a restart starts afresh', async () => {
    bot = await startBotProcess({ DATA_DIR: 'memory' });
    await answer(4, 'going');
    await bot.stop('SIGTERM');
    assert.equal(existsSync(snapshot()), false);
    bot = await startBotProcess({ DATA_DIR: 'memory' });
    assert.match(await viewAs(4), /Will you come\?/);
  });
});
