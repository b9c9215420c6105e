import { strict as assert } from 'node:assert';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';
import type { TestBot } from '../helpers/bot';
import { answerConference, fillWorkshop, LEAD, leadWithCaseStudy, MEMBER, openTab, ORGANISER, startTabBot } from '../helpers/tab';
import { TAB_PAGES } from '../../scripts/tab-pages';

/**
 * axe-core (the engine behind accessibility checkers) over every page of the tab, in the
 * Teams default and dark themes: no serious or critical violation.
 */
describe('organiser tab accessibility (axe-core, default and dark themes)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let bot: TestBot;

  before(async () => {
    browser = await launchChromium();
    bot = await startTabBot();
    await fillWorkshop(bot, 42);
    await leadWithCaseStudy(bot);
    await answerConference(bot, 30);
  });
  after(async () => {
    await bot.close();
    await browser.close();
  });

  for (const theme of ['default', 'dark'] as const) {
    it(`when every page is checked in the ${theme} theme, then axe finds no serious or critical violation`, async () => {
      const found: string[] = [];
      for (const tabPage of TAB_PAGES) {
        const person = { organiser: ORGANISER, lead: LEAD, member: MEMBER }[tabPage.as];
        const page = await openTab(browser, bot, person, { hash: tabPage.hash, ...(theme === 'dark' ? { theme } : {}) });
        await page.getByText(tabPage.shows, { exact: false }).first().waitFor();
        // Tabster's focus sentinels (Fluent UI's focus management: <i data-tabster-dummy>,
        // aria-hidden and focusable by design, they pass focus straight on) are left out;
        // everything the page itself draws is checked.
        const { violations } = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
        for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          found.push(`${tabPage.name}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }
        await page.close();
      }
      assert.deepEqual(found, []);
    });
  }
});
