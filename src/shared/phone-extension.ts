/**
 * Numbers as people write them with an extension: `010-62234302-396`, `0571-88886666 转 123`,
 * `010 6552 9988 ext. 12`, `…x12`, `… 分机 12`. The main number is what the ECP API dials; the
 * extension is kept beside it and shown ("转 396") so the dispatcher can ask the switchboard for it.
 *
 * Pure, like phone.ts: the contact editor runs it per keystroke, main on save, the import per row.
 */
import { CONTACT_EXTENSION_MAX } from './contact-limits';
import type { PhoneNumber } from './domain';
import { normalizePhone, type PhoneKind, type PhoneParseFailure } from './phone';

/** An extension as it is stored and sent once split off: digits only. What is not is dropped, never dialled. */
export const isExtension = (v: unknown): v is string => typeof v === 'string' && /^\d+$/.test(v);

export type DialableParse = { ok: true; number: PhoneNumber; kind: PhoneKind; extension?: string } | PhoneParseFailure;

// A spoken or written marker before the extension digits. `x` alone only after a digit or space
// (`8888x12`), so it is never read out of a word.
const MARKED = /^(.*?[\d)）])\s*[(（]?\s*(?:转分机|转|分机号?|ext(?:ension)?\.?|x|#)\s*[:：]?\s*([0-9０-９]+)\s*[)）]?\s*$/i;
// `010-62234302-396`: a dash group after a complete fixed line.
const DASHED = /^(.*\d)\s*[-－–—]\s*([0-9０-９]{1,6})\s*$/;

const halfWidth = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));

/**
 * The number with its extension split off. A number that is valid as a whole is never split
 * (`0571-8888-6666` is one number); otherwise a marked extension, then a trailing dash group after
 * a landline or hotline, is tried. When nothing fits, the whole input's failure is returned, so the
 * message quotes what the user typed.
 */
export function parseDialable(input: string): DialableParse {
  const whole = normalizePhone(input);
  if (whole.ok || typeof input !== 'string') return whole;
  for (const pattern of [MARKED, DASHED]) {
    const m = pattern.exec(input);
    if (!m) continue;
    const main = normalizePhone(m[1]);
    // Mobiles have no switchboard behind them: `138…-12` is a typing mistake, not an extension.
    if (!main.ok || main.kind === 'mobile' || m[2].length > CONTACT_EXTENSION_MAX) continue;
    return { ok: true, number: main.number, kind: main.kind, extension: halfWidth(m[2]) };
  }
  return whole;
}
