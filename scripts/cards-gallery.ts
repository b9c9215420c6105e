/**
 * npm run cards:gallery: renders every entry of scripts/gallery/gallery.ts (each template
 * with its fixture data) with the official `adaptivecards` renderer and a Teams-like light
 * host config, in headless Chromium, to docs/cards/<name>.png, and writes
 * docs/cards/README.md showing them and docs/cards/fingerprints.json. Needs Debian's
 * chromium (`apt-get install chromium`), so npm test does not draw: it compares the
 * fingerprints instead (test/cards/gallery-docs.test.ts).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINGERPRINTS_FILE, GALLERY_DOCS as OUT, galleryFingerprints, galleryReadme } from './gallery/docs';
import { gallery } from './gallery/gallery';
import { TEAMS_LIGHT_HOST_CONFIG } from './gallery/host-config';
import { PAGE_HTML, renderInPage } from './gallery/page';
import { launchChromium } from './lib/chromium';

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    // Crisp on high-density screens, where most people will read the docs.
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 }, deviceScaleFactor: 2 });
    await page.setContent(PAGE_HTML);
    // tsx keeps function names with a __name() helper that the page does not have.
    await page.addScriptTag({ content: 'window.__name = (fn) => fn;' });
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    for (const entry of gallery) {
      const result = await page.evaluate(renderInPage, { card: entry.render(), hostConfig: TEAMS_LIGHT_HOST_CONFIG });
      if (result.problems.length > 0 || result.height < 20) {
        throw new Error(`${entry.name}: ${result.problems.join('; ') || `rendered ${result.height}px high`}`);
      }
      await page.locator('#stage').screenshot({ path: join(OUT, `${entry.name}.png`) });
      process.stdout.write(`docs/cards/${entry.name}.png\n`);
    }
  } finally {
    await browser.close();
  }
  const names = new Set(gallery.map((entry) => `${entry.name}.png`));
  for (const file of readdirSync(OUT)) if (file.endsWith('.png') && !names.has(file)) rmSync(join(OUT, file));
  writeFileSync(join(OUT, 'README.md'), galleryReadme(gallery));
  writeFileSync(join(OUT, FINGERPRINTS_FILE), `${JSON.stringify(galleryFingerprints(gallery), null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
