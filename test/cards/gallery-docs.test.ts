import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { GALLERY_DOCS as DOCS, galleryFingerprints, galleryReadme, readStoredFingerprints, staleEntries } from '../../scripts/gallery/docs';
import { gallery } from '../../scripts/gallery/gallery';

const REGENERATE = 'run `npm run cards:gallery` (apt-get install chromium chromium-l10n first)';

/**
 * The rendered gallery (npm run cards:gallery, which needs Chromium, so it is not run
 * here) is kept in step with the cards: a card added, or a template or fixture changed,
 * without drawing the pictures again fails here.
 */
describe('card gallery pictures (docs/cards)', () => {
  it('when the gallery is listed, then every entry has its picture in docs/cards/README.md, and no picture is stale', () => {
    const readme = readFileSync(join(DOCS, 'README.md'), 'utf8');
    const missing = gallery.filter((entry) => !existsSync(join(DOCS, `${entry.name}.png`)) || !readme.includes(`](${entry.name}.png)`));
    assert.deepEqual(missing.map((entry) => entry.name), [], REGENERATE);
    const stale = readdirSync(DOCS).filter((file) => file.endsWith('.png') && !gallery.some((entry) => `${entry.name}.png` === file));
    assert.deepEqual(stale, []);
  });

  it('when a picture is read, then it is a real image of a card, not an empty file', () => {
    for (const entry of gallery) {
      const png = PNG.sync.read(readFileSync(join(DOCS, `${entry.name}.png`)));
      assert.ok(png.width >= 480 && png.height >= 100, `${entry.name}: ${png.width}x${png.height}`);
    }
  });

  it('when each card is rendered now, then it is what its picture was drawn from (the stored fingerprints match)', () => {
    const stored = readStoredFingerprints();
    assert.deepEqual(staleEntries(stored, galleryFingerprints(gallery)), [], `these pictures are out of date: ${REGENERATE}`);
    assert.deepEqual(Object.keys(stored).sort(), gallery.map((entry) => entry.name).sort(), 'a fingerprint for every entry and no other');
  });

  it('when a card changes by one word, then its picture is reported out of date and the others are not', () => {
    // Guards the guard: the comparison above would pass vacuously if a change went unseen.
    const [first, second] = gallery;
    const changed = { ...first!, render: () => ({ ...first!.render(), speak: 'changed' }) };
    const before = galleryFingerprints([first!, second!]);
    assert.deepEqual(staleEntries(before, galleryFingerprints([changed, second!])), [first!.name]);
  });

  it('when the gallery page is read, then it is the one npm run cards:gallery writes for the entries today', () => {
    assert.equal(readFileSync(join(DOCS, 'README.md'), 'utf8'), galleryReadme(gallery), REGENERATE);
  });
});
