import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { storedTabFingerprint, TAB_DOCS, tabFingerprint, tabReadme } from '../../scripts/tab-docs';
import { TAB_PAGES } from '../../scripts/tab-pages';

const REGENERATE = 'run `npm run tab:pictures` (apt-get install chromium first)';

/**
 * The pictures of the tab (docs/tab, drawn by npm run tab:pictures with Chromium, so not
 * drawn here) are kept in step with its code: a change to the tab, its API or its pages
 * without drawing the pictures again fails here.
 */
describe('organiser tab pictures (docs/tab)', () => {
  it('when the pages are listed, then each has its picture on docs/tab/README.md, and there is no other picture', () => {
    const expected = [...TAB_PAGES.map((p) => `${p.name}.png`), 'programme-dark.png'].sort();
    assert.deepEqual(readdirSync(TAB_DOCS).filter((f) => f.endsWith('.png')).sort(), expected, REGENERATE);
    assert.equal(readFileSync(join(TAB_DOCS, 'README.md'), 'utf8'), tabReadme(), REGENERATE);
  });

  it('when a picture is read, then it is a real page, not an empty file', () => {
    for (const page of TAB_PAGES) {
      const png = PNG.sync.read(readFileSync(join(TAB_DOCS, `${page.name}.png`)));
      assert.ok(png.width === 1280 && png.height >= 400, `${page.name}: ${png.width}x${png.height}`);
    }
  });

  it('when the tab\'s code is hashed now, then it is what the pictures were drawn from', () => {
    assert.ok(existsSync(join(TAB_DOCS, 'fingerprint.json')), REGENERATE);
    assert.equal(storedTabFingerprint(), tabFingerprint(), `the pictures are out of date: ${REGENERATE}`);
  });

  it('when one file the pictures come from changes, then the fingerprint changes (the check above can fail)', () => {
    assert.notEqual(tabFingerprint(['tab/src/app.tsx']), tabFingerprint(['tab/src/main.tsx']));
    assert.equal(tabFingerprint(['tab/src/app.tsx']), tabFingerprint(['tab/src/app.tsx']));
  });
});
