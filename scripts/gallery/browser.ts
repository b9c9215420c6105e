import type { Browser, Page } from 'playwright-core';
import type { GalleryEntry } from './entry';
import { TEAMS_LIGHT_HOST_CONFIG } from './host-config';
import { PAGE_HTML, renderInPage, type RenderResult } from './page';

/**
 * The gallery page in a browser, ready to draw cards: used by `npm run cards:gallery`
 * for the pictures and by test/cards/gallery-render.test.ts to measure them.
 */
export async function openGalleryPage(browser: Browser, deviceScaleFactor = 1): Promise<Page> {
  // No locale override: date and time inputs follow the browser's own language, which
  // launchChromium sets to British English (29/04/2024, 09:00), as people in the UK see them.
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 }, deviceScaleFactor, timezoneId: 'Europe/London' });
  await page.setContent(PAGE_HTML);
  // tsx keeps function names with a __name() helper that the page does not have.
  await page.addScriptTag({ content: 'window.__name = (fn) => fn;' });
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  return page;
}

/** Draws one entry's card in the page's frame, at Teams' desktop card width. */
export function drawEntry(page: Page, entry: GalleryEntry): Promise<RenderResult> {
  return page.evaluate(renderInPage, { card: entry.render(), hostConfig: TEAMS_LIGHT_HOST_CONFIG });
}
