/**
 * Tidying of free-text fields (contact names, units, notes, labels, group names), shared so the
 * rules in contact-rules.ts measure and clean text the same way in main, the editor and the import.
 */

// Control characters would break CSV rows and the search index's line separator; in one-line
// fields they become spaces, in notes only line breaks and tabs survive.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROL_BUT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks, zero-width spaces, the BOM,
 * soft hyphens: invisible, and able to show a name as another (U+202E turns "evil" around). All
 * format characters go except the zero-width (non-)joiner, which emoji and some scripts need and
 * which cannot reorder text.
 */
const FORMAT = /(?![\u200c\u200d])\p{Cf}/gu;

export function oneLine(s: string): string {
  return s.replace(FORMAT, '').replace(CONTROL, ' ').trim();
}

export function multiLine(s: string): string {
  return s.replace(FORMAT, '').replace(CONTROL_BUT_BREAKS, '').replace(/\r\n?/g, '\n').trim();
}

/** Code points, not UTF-16 units: 64 Chinese characters are 64 characters to a dispatcher. */
export function textLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
