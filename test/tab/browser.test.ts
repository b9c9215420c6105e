import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';
import type { TestBot } from '../helpers/bot';
import { broadcastJob, installPersonalChats } from '../helpers/broadcasts';
import { startConnector } from '../helpers/connector';
import { CASE_STUDY_SUMMARY, fillWorkshop, LEAD, leadWithCaseStudy, MEMBER, openTab, ORGANISER, startTabBot } from '../helpers/tab';
import { WORKSHOP } from '../helpers/workshops';

/**
 * The organiser tab in Debian's Chromium, in local mode, against the real bot and its
 * embedded Cosmos DB: what an organiser, a lead and a member each can do and see.
 */
describe('organiser tab in Chromium (local mode)', function () {
  this.timeout(90_000);
  let browser: Browser;
  let bot: TestBot;

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    bot = await startTabBot();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('when an organiser raises the full AP framework workshop from 40 to 45 places, then two people move up from the waiting list and the CSV export has everyone', async () => {
    await fillWorkshop(bot, 42);
    const page = await openTab(browser, bot, ORGANISER);
    const row = page.getByRole('row', { name: /AP framework workshop/ });
    await row.getByText('40 of 40 places taken, 2 on the waiting list').waitFor();
    await row.getByRole('link', { name: 'AP framework workshop' }).click();
    await page.getByRole('heading', { name: 'AP framework workshop' }).waitFor();
    const places = page.getByRole('spinbutton', { name: 'Places' });
    assert.equal(await places.inputValue(), '40');
    await places.fill('45');
    await page.getByRole('button', { name: 'Change places' }).click();
    await page.getByText('2 people move up from the waiting list and are being told.').waitFor();
    await page.getByText('42 of 45 places taken').first().waitFor();
    assert.equal(await page.getByRole('cell', { name: 'Waiting list', exact: true }).count(), 0, 'nobody is left waiting');
    const ledger = await bot.store.workshops.getLedger(WORKSHOP);
    assert.deepEqual([ledger?.capacity, ledger?.entries.filter((e) => e.status === 'booked').length], [45, 42]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path()), 'utf8');
    assert.match(download.suggestedFilename(), /^ap-framework-workshop-2024-attendees-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.trim().split(/\r\n/);
    assert.equal(lines.length, 43, 'a header and 42 people');
    assert.equal(lines.filter((l) => l.startsWith('"booked"')).length, 42);
    assert.ok(csv.includes('"Test User 542"'), 'the last person promoted is in it by name');
  });

  it('when an organiser types no places at all, then the bot\'s own refusal shows beside the field and nothing changes', async () => {
    await fillWorkshop(bot, 5);
    const page = await openTab(browser, bot, ORGANISER, { hash: `event/${WORKSHOP}` });
    await page.getByRole('spinbutton', { name: 'Places' }).fill('0');
    await page.getByRole('button', { name: 'Change places' }).click();
    await page.getByText('A workshop needs at least 1 place.').waitFor();
    assert.equal(await page.getByRole('spinbutton', { name: 'Places' }).getAttribute('aria-invalid'), 'true', 'marked beside the field');
    assert.equal((await bot.store.workshops.getLedger(WORKSHOP))?.capacity, 40);
  });

  it('when a lead opens their task group, then they read a case study in full, every answer under its question', async () => {
    await leadWithCaseStudy(bot);
    const page = await openTab(browser, bot, LEAD);
    await page.getByRole('tab', { name: 'Task groups' }).click();
    await page.getByText('Case study: Case studies: what is working well').waitFor();
    const text = await page.locator('main').innerText();
    for (const line of CASE_STUDY_SUMMARY.split('\n')) assert.ok(text.includes(line), `the full summary: ${line}`);
    assert.ok(text.includes('Example Primary School') && text.includes('A shared nurture visit'));
    assert.equal(await page.getByRole('tab', { name: 'Programme' }).count(), 0, 'a lead who does not organise has no programme page');
  });

  it('when a broadcast goes out while its page is open, then the delivery figures move by themselves: delivered, retrying, blocked', async () => {
    const connector = await startConnector();
    try {
      const chats = await installPersonalChats(bot, connector, 0, 3);
      const answers: Record<string, number> = { [chats[0]!]: 403, [chats[1]!]: 502 };
      connector.override((c) => (c.method === 'POST' && answers[c.conversationId ?? ''] ? { status: answers[c.conversationId ?? '']! } : undefined));
      const page = await openTab(browser, bot, ORGANISER, { hash: 'broadcasts' });
      await page.getByText('Reaches 3 chats.').waitFor();
      await page.getByRole('button', { name: 'Send…' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByRole('progressbar', { name: 'Waiting to be sent: 3 of 3' }).waitFor();
      await broadcastJob(bot).run(); // no reload: the page asks again while copies are going out
      for (const figure of ['Delivered: 1 of 3', 'Retrying: 1 of 3', 'Blocked or gone: 1 of 3', 'Waiting to be sent: 0 of 3']) {
        await page.getByRole('progressbar', { name: figure }).waitFor();
      }
    } finally {
      await connector.close();
    }
  });

  it('when a member opens the tab, then they see their own page and no one\'s name, even when they ask for an attendee list', async () => {
    await fillWorkshop(bot, 3);
    const page = await openTab(browser, bot, MEMBER);
    await page.getByRole('heading', { name: 'Your events and bookings' }).waitFor();
    assert.deepEqual(await page.getByRole('tab').allInnerTexts(), ['Mine']);
    await page.goto(`${bot.url}/tab/?user=${MEMBER.id}#event/${WORKSHOP}`);
    await page.getByText('Only NLC organisers can see who has booked.').waitFor();
    const text = await page.locator('body').innerText();
    assert.ok(!/Test User 50\d/.test(text), 'no booker is named');
  });
});
