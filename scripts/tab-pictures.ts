/**
 * npm run tab:pictures: draws every page of the organiser tab into docs/tab/ (a real bot in
 * local mode with demo data, Debian's Chromium), writes docs/tab/README.md and the
 * fingerprint test/tab/pictures.test.ts compares, so CI checks the pictures without drawing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerConference, fillWorkshop, LEAD, leadWithCaseStudy, MEMBER, openTab, ORGANISER, startTabBot } from '../test/helpers/tab';
import { launchChromium } from './lib/chromium';
import { TAB_DOCS, TAB_FINGERPRINT_FILE, tabFingerprint, tabReadme } from './tab-docs';
import { TAB_PAGES } from './tab-pages';

async function main(): Promise<void> {
  mkdirSync(TAB_DOCS, { recursive: true });
  const bot = await startTabBot();
  const browser = await launchChromium();
  try {
    await fillWorkshop(bot, 42);
    await leadWithCaseStudy(bot);
    await answerConference(bot, 30);
    const people = { organiser: ORGANISER, lead: LEAD, member: MEMBER };
    const shots = [...TAB_PAGES.map((p) => ({ ...p, theme: undefined })), { ...TAB_PAGES[0]!, name: 'programme-dark', theme: 'dark' as const }];
    for (const shot of shots) {
      const page = await openTab(browser, bot, people[shot.as], { hash: shot.hash, ...(shot.theme ? { theme: shot.theme } : {}) });
      await page.getByText(shot.shows, { exact: false }).first().waitFor();
      // Charts and the card preview load a moment after the page.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(TAB_DOCS, `${shot.name}.png`), fullPage: true });
      await page.context().close();
      process.stdout.write(`docs/tab/${shot.name}.png\n`);
    }
  } finally {
    await browser.close();
    await bot.close();
  }
  writeFileSync(join(TAB_DOCS, 'README.md'), tabReadme());
  writeFileSync(join(TAB_DOCS, TAB_FINGERPRINT_FILE), `${JSON.stringify({ sources: tabFingerprint() }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
