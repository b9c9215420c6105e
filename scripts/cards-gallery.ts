/**
 * npm run cards:gallery: renders every entry of scripts/gallery/gallery.ts (each template
 * with its fixture data) with the official `adaptivecards` renderer and a Teams-like light
 * host config, in headless Chromium, to docs/cards/<name>.png, and writes
 * docs/cards/README.md showing them and docs/cards/fingerprints.json. Needs Debian's
 * chromium (`apt-get install chromium chromium-l10n`), so npm test does not draw: it compares the
 * fingerprints instead (test/cards/gallery-docs.test.ts).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINGERPRINTS_FILE, GALLERY_DOCS as OUT, galleryFingerprints, galleryReadme } from './gallery/docs';
import { gallery } from './gallery/gallery';
import { drawEntry, openGalleryPage } from './gallery/browser';
import { launchChromium } from './lib/chromium';

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    // Crisp on high-density screens, where most people will read the docs.
    const page = await openGalleryPage(browser, 2);
    for (const entry of gallery) {
      const result = await drawEntry(page, entry);
      if (result.problems.length > 0 || result.height < 20) {
        throw new Error(`${entry.name}: ${result.problems.join('; ') || `rendered ${result.height}px high`}`);
      }
      // The pictures are drawn all the same; the test (gallery-render.test.ts) fails on these.
      if (result.truncatedButtons.length > 0) process.stderr.write(`${entry.name}: button labels cut short: ${result.truncatedButtons.join(', ')}\n`);
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
