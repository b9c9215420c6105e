/**
 * npm run icons: draws manifest/*.png from their SVG sources in headless Chromium.
 * Run it after changing an SVG; the PNGs are committed (the package and CI need no browser).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { ICONS_DIR } from '../manifest/app-package';
import { launchChromium } from './lib/chromium';

const ICONS = [
  { svg: 'color.svg', png: 'color.png', size: 192, whiteOnly: false },
  { svg: 'outline.svg', png: 'outline.png', size: 32, whiteOnly: true },
];

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
      const svg = readFileSync(join(ICONS_DIR, icon.svg), 'utf8');
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const shot = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
      await page.close();
      const png = PNG.sync.read(shot);
      // Teams wants the outline icon pure white on transparent; anti-aliased edges come
      // back from the compositor as near-whites, so only their alpha is kept.
      if (icon.whiteOnly) for (let i = 0; i < png.data.length; i += 4) png.data.fill(255, i, i + 3);
      writeFileSync(join(ICONS_DIR, icon.png), PNG.sync.write(png, { colorType: 6 }));
      process.stdout.write(`manifest/${icon.png}: ${png.width}x${png.height}\n`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
