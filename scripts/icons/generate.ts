// Generates every icon the app and its installers need from the SVG sources in resources/.
// Deterministic: the same sources give byte-identical files (tests/unit/packaging/icons.test.ts
// regenerates in memory and compares with what is committed).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';
import * as png2icons from 'png2icons';
import { TRAY_STATES, traySvg, type TrayIconState } from './tray-svg';

/** PNG sizes: Linux hicolor and AppImage up to 512, macOS up to 1024, Windows up to 256. */
export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Sizes packed into the .ico (Windows shell: 16–256). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** Below this the detailed mark turns to mush; the small variant is drawn for it. */
const SMALL_VARIANT_MAX = 24;

function render(svg: string | Buffer, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng());
}

/** Returns { relativePath: Buffer } for every generated file. */
export async function generateIcons(resourcesDir: string): Promise<Record<string, Buffer>> {
  const large = await readFile(join(resourcesDir, 'icon.svg'));
  const small = await readFile(join(resourcesDir, 'icon-small.svg'));
  const files: Record<string, Buffer> = {};
  const pngBySize = new Map<number, Buffer>();
  for (const size of APP_ICON_SIZES) {
    const png = render(size <= SMALL_VARIANT_MAX ? small : large, size);
    pngBySize.set(size, png);
    files[`icons/png/${size}x${size}.png`] = png;
  }
  files['icon.ico'] = await pngToIco(ICO_SIZES.map((size) => pngBySize.get(size)!));
  // png2icons scales the 1024 px master down for every ICNS slot (16 … 1024, retina included).
  const icns = png2icons.createICNS(pngBySize.get(1024)!, png2icons.BICUBIC, 0);
  if (!icns) throw new Error('png2icons could not create the .icns');
  files['icon.icns'] = icns;
  for (const state of Object.keys(TRAY_STATES) as TrayIconState[]) {
    for (const template of [false, true]) {
      const svg = traySvg(state, { template });
      // Electron picks @2x on HiDPI screens and treats a name ending in "Template" as a macOS template image.
      const base = template ? `tray/${state}Template` : `tray/${state}`;
      files[`${base}.png`] = render(svg, 16);
      files[`${base}@2x.png`] = render(svg, 32);
    }
  }
  return files;
}

export async function writeIcons(resourcesDir: string, rendererPublicDir: string): Promise<number> {
  const files = await generateIcons(resourcesDir);
  for (const [relative, bytes] of Object.entries(files)) {
    const target = join(resourcesDir, relative);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
  // The browser preview and the window use the same mark as favicon.
  await mkdir(rendererPublicDir, { recursive: true });
  await writeFile(join(rendererPublicDir, 'favicon.png'), files['icons/png/32x32.png']);
  return Object.keys(files).length + 1;
}
