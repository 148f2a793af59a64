/**
 * vCard 2.1, 3.0 and 4.0 (what Android, iOS, Outlook and WeChat-era phone tools export): several
 * cards per file, folded lines, QUOTED-PRINTABLE values with their CHARSET (GBK included), FN/N,
 * TEL with its TYPE, ORG, NOTE, CATEGORIES. Photos and everything else are skipped.
 *
 * Takes the file already decoded (text-decode.ts); a quoted-printable value carries its own bytes
 * and is decoded here with the charset its line names.
 */
import type { Language } from '../../../shared/i18n';
import { multiLine, oneLine } from '../field-text';
import { isFaxLabel, numberLabel } from './labels';
import type { SourceNumber, SourceRecord } from './source-record';

export class VcardTooManyCardsError extends Error {
  constructor(readonly maxCards: number) {
    super(`more than ${maxCards} cards`);
  }
}

/** True when the text is a vCard file (its first non-blank line opens a card). */
export function looksLikeVcard(text: string): boolean {
  return /^\uFEFF?\s*BEGIN\s*:\s*VCARD\s*$/im.test(
    text
      .slice(0, 4096)
      .split(/\r\n|\r|\n/)
      .find((l) => l.trim() !== '') ?? '',
  );
}

interface Property {
  group: string;
  name: string;
  params: Map<string, string[]>;
  /** Parameters without a name (vCard 2.1: `TEL;CELL;VOICE:…`). */
  bare: string[];
  value: string;
}

/**
 * Physical lines → logical lines. A line starting with a space or tab continues the previous one
 * (3.0/4.0 folding, and 2.1 base64 photos); in 2.1 a quoted-printable value ending in `=`
 * continues on the next line whatever it starts with.
 */
function unfold(text: string): string[] {
  const out: string[] = [];
  let qpOpen = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (qpOpen && out.length) {
      out[out.length - 1] = out[out.length - 1].slice(0, -1) + line;
    } else if ((line.startsWith(' ') || line.startsWith('\t')) && out.length) {
      out[out.length - 1] += line.slice(1);
    } else {
      out.push(line);
    }
    const last = out[out.length - 1] ?? '';
    qpOpen = /ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE[;:]/i.test(last.slice(0, last.indexOf(':') + 1)) && last.endsWith('=');
  }
  return out;
}

function parseLine(line: string): Property | null {
  // The first colon outside a quoted parameter value ends the name and parameters.
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const head = line.slice(0, colon).split(';');
  const [groupAndName, ...rawParams] = head;
  const dot = groupAndName.lastIndexOf('.');
  const group = dot < 0 ? '' : groupAndName.slice(0, dot).toLowerCase();
  const name = groupAndName
    .slice(dot + 1)
    .trim()
    .toUpperCase();
  const params = new Map<string, string[]>();
  const bare: string[] = [];
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq < 0 || /^x-custom\(/i.test(p)) {
      if (p.trim()) bare.push(p.trim());
      continue;
    }
    const pname = p.slice(0, eq).trim().toUpperCase();
    const values = p
      .slice(eq + 1)
      .replace(/^"|"$/g, '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    params.set(pname, [...(params.get(pname) ?? []), ...values]);
  }
  return { group, name, params, bare, value: line.slice(colon + 1) };
}

/** `=E5=BC=A0` → bytes; a soft line break was already joined by unfold(). */
function quotedPrintableBytes(value: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '=' && i === value.length - 1) {
      // A soft break at the very end.
    } else {
      // Anything else is itself; non-ASCII here would be unusual, keep it as UTF-8.
      for (const b of new TextEncoder().encode(c)) bytes.push(b);
    }
  }
  return Uint8Array.from(bytes);
}

function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  const labels = [charset?.toLowerCase(), 'utf-8', 'gb18030'].filter((l): l is string => !!l);
  for (const label of labels) {
    try {
      return new TextDecoder(label === 'gbk' || label === 'gb2312' ? 'gb18030' : label, { fatal: true }).decode(bytes);
    } catch {
      // Not this charset (or one the runtime does not know): try the next.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** The value as text: quoted-printable decoded with its charset; escapes stay for the caller. */
function rawText(p: Property): string {
  const encoding = (p.params.get('ENCODING')?.[0] ?? p.bare.find((b) => /^quoted-printable$/i.test(b)) ?? '').toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE') return decodeBytes(quotedPrintableBytes(p.value), p.params.get('CHARSET')?.[0]);
  return p.value;
}

/** Splits on an unescaped separator, then removes the escapes (`\,` `\;` `\n` `\\`). */
function components(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      const n = value[++i];
      current += n === 'n' || n === 'N' ? '\n' : n;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

const text = (p: Property) => components(rawText(p), '\u0000')[0].trim();

interface Card {
  fn: string;
  n: string[];
  numbers: SourceNumber[];
  org: string[];
  notes: string[];
  groups: string[];
  /** Apple's `itemN.X-ABLabel`, by group: the label of the TEL in the same group. */
  groupLabels: Map<string, string>;
  tels: { group: string; raw: string; words: string[] }[];
}

/**
 * Android writes a label of the user's own as `X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=E8=BD=A6)`
 * (or with the label as plain text last); any other bare word is itself.
 */
function customLabel(word: string): string {
  const m = /^X-CUSTOM\((.*)\)$/is.exec(word);
  if (!m) return /^x-custom$/i.test(word) ? '' : word;
  const parts = m[1].split(',');
  const label = parts[parts.length - 1] ?? '';
  const charset = /CHARSET=([^,]+)/i.exec(m[1])?.[1];
  return /ENCODING=QUOTED-PRINTABLE/i.test(m[1]) ? decodeBytes(quotedPrintableBytes(label), charset) : label;
}

function telValue(p: Property): string {
  let v = text(p);
  // vCard 4.0: VALUE=uri, `tel:+86-10-6552-9988;ext=396`.
  const uri = /^tel:([^;]*)(?:;(.*))?$/i.exec(v);
  if (uri) {
    const ext = /(?:^|;)ext=([^;]+)/i.exec(uri[2] ?? '');
    v = ext ? `${uri[1]} ext. ${ext[1]}` : uri[1];
  }
  return v.trim();
}

function addProperty(card: Card, p: Property): void {
  switch (p.name) {
    case 'FN':
      card.fn = text(p);
      break;
    case 'N':
      card.n = components(rawText(p), ';').map((s) => s.trim());
      break;
    case 'TEL': {
      const words = [...(p.params.get('TYPE') ?? []), ...p.bare.map(customLabel)];
      const raw = telValue(p);
      if (raw !== '') card.tels.push({ group: p.group, raw, words });
      break;
    }
    case 'ORG':
      card.org.push(
        components(rawText(p), ';')
          .map((s) => s.trim())
          .filter(Boolean)
          .join(' '),
      );
      break;
    case 'NOTE':
      card.notes.push(text(p));
      break;
    case 'CATEGORIES':
      card.groups.push(...components(rawText(p), ',').map((s) => s.trim()));
      break;
    case 'X-ABLABEL':
      // Apple writes its own labels as `_$!<Mobile>!$_`.
      if (p.group) card.groupLabels.set(p.group, text(p).replace(/^_\$!<(.*)>!\$_$/, '$1'));
      break;
    default:
    // PHOTO, EMAIL, ADR, …: not for a dispatch contact.
  }
}

function toRecord(card: Card, line: number, lang: Language): SourceRecord {
  const [family = '', given = '', middle = ''] = card.n;
  let name = card.fn;
  if (name === '') {
    // 张 + 三 → 张三; Smith + John → John Smith.
    name = /^[\u3400-\u9fff]/.test(family) ? family + middle + given : [given, middle, family].filter(Boolean).join(' ');
  }
  const numbers: SourceNumber[] = [];
  for (const tel of card.tels) {
    const words = [...tel.words];
    const custom = card.groupLabels.get(tel.group);
    if (custom) words.unshift(custom);
    if (isFaxLabel(words)) continue;
    numbers.push({ raw: tel.raw, label: numberLabel(words, lang) });
  }
  // Google's own categories in its vCard export: `myContacts` for everyone, `starred` for favourites.
  const groups = card.groups.map(oneLine).filter(Boolean);
  const record: SourceRecord = {
    line,
    name: oneLine(name),
    numbers,
    org: oneLine(card.org.filter(Boolean).join(' ')),
    notes: multiLine(card.notes.filter(Boolean).join('\n')),
    groupNames: [...new Set(groups.filter((g) => !GOOGLE_SYSTEM.test(g)))],
  };
  if (groups.some((g) => STARRED.test(g))) record.favorite = true;
  return record;
}

const GOOGLE_SYSTEM = /^(\*\s*.*|mycontacts|starred)$/i;
const STARRED = /^(\*\s*)?starred$/i;

/** Every card of the file, in order; `line` is the card's ordinal (1 for the first). */
export function readVcard(text: string, options: { lang: Language; maxCards?: number }): SourceRecord[] {
  const maxCards = options.maxCards ?? Infinity;
  const records: SourceRecord[] = [];
  let card: Card | null = null;
  for (const line of unfold(text.replace(/^\uFEFF/, ''))) {
    const p = parseLine(line);
    if (!p) continue;
    if (p.name === 'BEGIN' && /^vcard$/i.test(p.value.trim())) {
      card = { fn: '', n: [], numbers: [], org: [], notes: [], groups: [], groupLabels: new Map(), tels: [] };
    } else if (p.name === 'END' && /^vcard$/i.test(p.value.trim())) {
      if (card) {
        if (records.length >= maxCards) throw new VcardTooManyCardsError(maxCards);
        records.push(toRecord(card, records.length + 1, options.lang));
      }
      card = null;
    } else if (card) {
      addProperty(card, p);
    }
  }
  return records;
}
