import { strict as assert } from 'node:assert';
import type { Browser, Page } from 'playwright-core';
import { drawEntry, openGalleryPage } from '../../scripts/gallery/browser';
import { gallery } from '../../scripts/gallery/gallery';
import type { RenderResult } from '../../scripts/gallery/page';
import { launchChromium } from '../../scripts/lib/chromium';

/**
 * The tallest a card may draw at Teams' desktop width before it is a wall to scroll past
 * (a page of 25 attendees is about 1,500 px). The "-largest" entries are every field at
 * its longest, there to prove the 28 KB limit, not what people meet.
 */
const MAX_CARD_HEIGHT = 1600;

/**
 * Every gallery card drawn by the official renderer in real Chromium at Teams' desktop
 * card width (scripts/gallery/page.ts), and measured: what people would see cut short
 * or run on is a failure here, not a surprise in Teams.
 */
describe('card gallery, drawn in Chromium at Teams card width', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  const drawn = new Map<string, RenderResult>();

  before(async () => {
    browser = await launchChromium();
    page = await openGalleryPage(browser);
    for (const entry of gallery) drawn.set(entry.name, await drawEntry(page, entry));
  });
  after(async () => {
    await browser?.close();
  });

  it('when the gallery browser draws a form, then it runs in British English, so its date inputs read 29/04/2024', async () => {
    const shown = await page.evaluate(() => [(globalThis as unknown as { navigator: { language: string } }).navigator.language, new Date(Date.UTC(2024, 3, 29, 12)).toLocaleDateString()]);
    assert.deepEqual(shown, ['en-GB', '29/04/2024'], "install Debian's chromium-l10n: without it Chromium falls back to American English");
  });

  it('when every card is drawn, then the renderer reports no problem with any of them', () => {
    const problems = [...drawn].filter(([, r]) => r.problems.length > 0).map(([name, r]) => `${name}: ${r.problems.join('; ')}`);
    assert.deepEqual(problems, []);
  });

  it('when every card is drawn, then no button label is cut short ("Send to me..." for "Send to members")', () => {
    const cut = [...drawn].filter(([, r]) => r.truncatedButtons.length > 0).map(([name, r]) => `${name}: ${[...new Set(r.truncatedButtons)].join(', ')}`);
    assert.deepEqual(cut, []);
  });

  it('when a button label is too long for its share of the row, then the measurement reports it', async () => {
    // Guards the guard: four long labels in one row cannot all fit in 480 px.
    const long = { type: 'Action.Execute', title: 'A rather long button label', verb: 'x' };
    const result = await drawEntry(page, {
      name: 'probe',
      template: 'probe.json',
      description: '',
      render: () => ({ type: 'AdaptiveCard', version: '1.5', body: [], actions: [long, long, long, long] }),
    });
    assert.equal(result.truncatedButtons.length, 4);
  });

  it(`when every card is drawn, then none is taller than ${MAX_CARD_HEIGHT} px at card width`, () => {
    const tall = [...drawn].filter(([name, r]) => !name.endsWith('-largest') && r.height > MAX_CARD_HEIGHT).map(([name, r]) => `${name}: ${Math.round(r.height)} px`);
    assert.deepEqual(tall, []);
  });
});
