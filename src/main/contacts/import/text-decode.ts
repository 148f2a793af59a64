/**
 * Bytes → text for the text formats (CSV, vCard): what Excel, WPS and phones save in China.
 * Pure, and TextDecoder rather than Node's Buffer, so the same code works in a browser.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Nothing decoded cleanly: invalid bytes became U+FFFD. Worth a warning in the preview. */
  lossy: boolean;
}

/**
 * A BOM decides; otherwise strict UTF-8, then strict GBK: Excel and WPS in China save "CSV" in
 * the ANSI code page (GBK), and Chinese GBK text is practically never valid UTF-8. TextDecoder
 * (not Node's Buffer) so the same code works in a browser.
 */
export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  const bom = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (bom(0xef, 0xbb, 0xbf)) return decodeOrReplace('utf-8', bytes.subarray(3), 'utf-8-bom');
  if (bom(0xff, 0xfe)) return decodeOrReplace('utf-16le', bytes.subarray(2), 'utf-16le');
  if (bom(0xfe, 0xff)) return decodeOrReplace('utf-16be', bytes.subarray(2), 'utf-16be');
  // Before UTF-8: ASCII in UTF-16 is valid UTF-8 too (with a NUL between every character).
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = strictDecode(utf16, bytes);
    if (text !== null) return { text, encoding: utf16, lossy: false };
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', lossy: false };
  // GB18030 is a superset of GBK (rare name characters live in its four-byte part), and browsers
  // decode "gbk" with it anyway; Node's own "gbk" converter also accepts stray 0xFF bytes.
  const gbk = strictDecode('gb18030', bytes);
  if (gbk !== null) return { text: gbk, encoding: 'gbk', lossy: false };
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', lossy: true };
}

/**
 * UTF-16 without a BOM ("Unicode text" from some tools): a CSV or vCard always has ASCII in it
 * (commas, colons, digits, line breaks), and in UTF-16 each ASCII character has a zero byte — at odd offsets in
 * little-endian, even in big-endian. Text in UTF-8 or GBK has no zero bytes at all.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.2 && even === 0) return 'utf-16le';
  if (even >= pairs * 0.2 && odd === 0) return 'utf-16be';
  return null;
}

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: a BOM was already handled by the caller; any other U+FEFF is content.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Invalid bytes, or a runtime without this encoding (Node built with small-icu).
    return null;
  }
}

function decodeOrReplace(label: string, bytes: Uint8Array, encoding: TextEncoding): DecodedText {
  const text = strictDecode(label, bytes);
  if (text !== null) return { text, encoding, lossy: false };
  return { text: new TextDecoder(label, { ignoreBOM: true }).decode(bytes), encoding, lossy: true };
}
