import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { gallery } from '../../cards/gallery';

const DOCS = join(__dirname, '../../docs/cards');

/**
 * The rendered gallery (npm run cards:gallery, which needs Chromium, so it is not run
 * here) is kept in step with cards/gallery.ts: a card added without re-rendering fails.
 */
describe('card gallery pictures (docs/cards)', () => {
  it('when the gallery is listed, then every entry has its picture in docs/cards/README.md, and no picture is stale', () => {
    const readme = readFileSync(join(DOCS, 'README.md'), 'utf8');
    const missing = gallery.filter((entry) => !existsSync(join(DOCS, `${entry.name}.png`)) || !readme.includes(`](${entry.name}.png)`));
    assert.deepEqual(missing.map((entry) => entry.name), [], 'run `npm run cards:gallery` (apt-get install chromium first)');
    const stale = readdirSync(DOCS).filter((file) => file.endsWith('.png') && !gallery.some((entry) => `${entry.name}.png` === file));
    assert.deepEqual(stale, []);
  });

  it('when a picture is read, then it is a real image of a card, not an empty file', () => {
    for (const entry of gallery) {
      const png = PNG.sync.read(readFileSync(join(DOCS, `${entry.name}.png`)));
      assert.ok(png.width >= 480 && png.height >= 100, `${entry.name}: ${png.width}x${png.height}`);
    }
  });
});
