import { strict as assert } from 'node:assert';
import { createTestInvoke, personalChat } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { click, command, installPersonalChats, organiserEnv, recipient } from '../helpers/broadcasts';
import { cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { runReminders } from '../helpers/reminders';
import { countDocs } from '../helpers/store';

const SAFEGUARDING = 'dfe-safeguarding-call-for-evidence-2024';

/** Deadline answers and reminder records under "forget me" and retention (bot/domain/privacy). */
describe('deadlines, forgetting and retention', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const person = recipient(0);

  beforeEach(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: organiserEnv() });
    await installPersonalChats(bot, connector, 0, 1);
    await bot.post(createTestInvoke(connector.serviceUrl, personalChat(person), person, 'deadline.remind', { deadlineId: SAFEGUARDING, remind: true }));
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
  });

  const answers = () => countDocs(bot.store.cosmos.containers.deadlines, "c.type = 'follow'");

  it('when someone who pressed Remind me types "forget me" and deletes their data, then their deadline answer goes and no reminder follows', async () => {
    const preview = await command(bot, connector, 'forget me', person);
    assert.match(cardText(preview), /Remind me or I've responded answer on a consultation deadline/);
    assert.equal(await answers(), 1);
    await click(bot, connector, 'privacy.forgetMe', {}, { user: person });
    assert.equal(await answers(), 0);
    connector.clear();
    bot.clock.set('2024-06-13T08:00:00Z');
    await runReminders(bot);
    assert.equal(connector.sent().length, 0);
  });

  it('when a deadline closed more than RETENTION_DAYS ago, then the retention job removes it with the answers and its reminder record', async () => {
    bot.clock.set('2024-06-13T08:00:00Z');
    await runReminders(bot);
    const record = () => bot.store.reminders.getMany([`deadline:${SAFEGUARDING}`]);
    assert.equal((await record()).size, 1);
    bot.clock.set('2025-06-21T08:00:00Z');
    await bot.jobs.find((j) => j.name === 'retention')!.run();
    assert.equal(await countDocs(bot.store.cosmos.containers.deadlines, 'c.deadlineId = @d', [{ name: '@d', value: SAFEGUARDING }]), 0);
    assert.equal((await record()).size, 0);
    assert.ok((await bot.store.deadlines.getDeadline('wraparound-capital-eoi-2024')) === undefined, 'closed 24 May 2024: also past');
  });
});
