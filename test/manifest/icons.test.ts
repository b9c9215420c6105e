import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { ICONS_DIR } from '../../manifest/app-package';
import { ICONS } from '../../manifest/manifest';

/** PNG colour type 6 = RGBA, the only type with a full alpha channel. */
const RGBA = 6;

const read = (file: string): PNG & { colorType?: number } => PNG.sync.read(readFileSync(join(ICONS_DIR, file)));

const pixels = (png: PNG): { r: number; g: number; b: number; a: number }[] =>
  Array.from({ length: png.width * png.height }, (_, i) => {
    const [r = 0, g = 0, b = 0, a = 0] = png.data.subarray(i * 4, i * 4 + 4);
    return { r, g, b, a };
  });

describe('Teams app icons', () => {
  it('when the colour icon is read, then it is a 192x192 opaque PNG in colour', () => {
    const png = read(ICONS.color);
    assert.equal(png.width, 192);
    assert.equal(png.height, 192);
    const all = pixels(png);
    assert.ok(all.every((p) => p.a === 255), 'no transparent pixels: Teams shows the accent-coloured tile as drawn');
    assert.ok(all.some((p) => Math.max(p.r, p.g, p.b) - Math.min(p.r, p.g, p.b) > 60), 'not greyscale');
  });

  it('when the outline icon is read, then it is a 32x32 RGBA PNG, white on a transparent background', () => {
    const png = read(ICONS.outline);
    assert.equal(png.width, 32);
    assert.equal(png.height, 32);
    assert.equal(png.colorType, RGBA);
    const all = pixels(png);
    const corners = [0, 31, 32 * 31, 32 * 32 - 1].map((i) => all[i]!);
    assert.ok(corners.every((p) => p.a === 0), 'corners are transparent');
    const transparent = all.filter((p) => p.a === 0).length;
    const solid = all.filter((p) => p.a === 255).length;
    assert.ok(transparent > all.length * 0.3, `${transparent} transparent pixels`);
    assert.ok(solid > all.length * 0.1, `${solid} solid pixels: the symbol is there`);
    assert.deepEqual(all.filter((p) => p.a > 0 && (p.r !== 255 || p.g !== 255 || p.b !== 255)), [], 'every visible pixel is white');
  });
});
