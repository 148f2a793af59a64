/** Reads the pixel sizes out of PNG, ICO and ICNS files, to check each target gets what it needs. */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Square sizes in an .ico directory (a 0 byte means 256). */
export function icoSizes(bytes: Buffer): number[] {
  if (bytes.length < 6 || bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) return [];
  const count = bytes.readUInt16LE(4);
  const sizes: number[] = [];
  for (let i = 0; i < count && 6 + 16 * (i + 1) <= bytes.length; i++) sizes.push(bytes[6 + 16 * i] || 256);
  return sizes;
}

/** The element types in an .icns file (ic07 = 128, ic08 = 256, ic09 = 512, ic10 = 1024@2x …). */
export function icnsTypes(bytes: Buffer): string[] {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== 'icns') return [];
  const types: string[] = [];
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset + 4);
    if (length < 8) break;
    types.push(bytes.toString('latin1', offset, offset + 4));
    offset += length;
  }
  return types;
}

/** What each target needs (electron-builder's and the platforms' documented sizes). */
export const REQUIRED_ICONS = {
  // Linux hicolor theme and the AppImage/deb desktop entry; 512 for software centres.
  linuxPngSizes: [16, 24, 32, 48, 64, 128, 256, 512],
  // Windows shell: small icons 16/24/32, medium 48, large 256 (Explorer's extra large).
  icoSizes: [16, 24, 32, 48, 256],
  // macOS: 16@1x/2x … 512@2x. ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x), is32/ic04 16.
  icnsTypes: ['ic07', 'ic08', 'ic09', 'ic10', 'ic11'],
  trayStates: ['sandbox', 'production', 'in-call'],
};
