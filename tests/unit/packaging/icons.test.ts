import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ICON_SIZES, generateIcons } from '../../../scripts/icons/generate';
import { icnsTypes, icoSizes, pngSize, REQUIRED_ICONS } from '../../../scripts/package/icon-files';

const root = resolve(__dirname, '../../..');

describe('icons', () => {
  it('the committed icons are exactly what `npm run icons` generates from the SVG sources, every time', async () => {
    const first = await generateIcons(join(root, 'resources'));
    const second = await generateIcons(join(root, 'resources'));
    expect(Object.keys(first).length).toBeGreaterThan(20);
    for (const [path, bytes] of Object.entries(first)) {
      expect(second[path].equals(bytes), `${path} differs between two runs`).toBe(true);
      expect(readFileSync(join(root, 'resources', path)).equals(bytes), `resources/${path} is stale: run npm run icons`).toBe(true);
    }
    expect(readFileSync(join(root, 'src/renderer/public/favicon.png')).equals(first['icons/png/32x32.png'])).toBe(true);
  }, 60_000);

  it('has every size each target needs', () => {
    for (const size of APP_ICON_SIZES) {
      expect(pngSize(readFileSync(join(root, `resources/icons/png/${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
    expect(icoSizes(readFileSync(join(root, 'resources/icon.ico')))).toEqual(expect.arrayContaining(REQUIRED_ICONS.icoSizes));
    expect(icnsTypes(readFileSync(join(root, 'resources/icon.icns')))).toEqual(expect.arrayContaining(REQUIRED_ICONS.icnsTypes));
  });

  it('the readers reject files that are not what they claim', () => {
    const notPng = Buffer.from('not a png at all, but long enough');
    expect(pngSize(notPng)).toBeNull();
    expect(icoSizes(notPng)).toEqual([]);
    expect(icnsTypes(notPng)).toEqual([]);
  });
});
