/**
 * The call log as a spreadsheet for the dispatcher's records: UTF-8 with a BOM (without it Excel
 * reads UTF-8 as GBK), CRLF, oldest first, headers and words from the catalog in the UI language
 * (zh-CN by default), like the contact export.
 */
import type { CallLogEntry } from '../../shared/domain';
import { formatMessage, translate, type Language, type PlainKey } from '../../shared/i18n';
import { failureText } from '../../shared/result';
import { csvCell, guard } from '../contacts/csv';
import { localIso } from '../local-time';

const HEADER_KEYS: readonly PlainKey[] = [
  'csv.log.time',
  'csv.log.kind',
  'csv.log.mode',
  'csv.log.caller',
  'csv.log.parties',
  'csv.log.result',
  'csv.log.code',
  'csv.log.explanation',
  'csv.log.session',
  'csv.log.state',
  'csv.log.duration',
  'csv.log.hangCause',
];

export function callLogHeaders(lang: Language): string[] {
  return HEADER_KEYS.map((key) => translate(lang, key));
}

const KIND = { call: 'csv.log.kind.call', conf: 'csv.log.kind.conf' } as const satisfies Record<CallLogEntry['kind'], PlainKey>;
const MODE = { sandbox: 'csv.log.mode.sandbox', production: 'csv.log.mode.production', team: 'csv.log.mode.team' } as const satisfies Record<
  CallLogEntry['mode'],
  PlainKey
>;
const STATE = {
  submitted: 'csv.log.state.submitted',
  ringing: 'csv.log.state.ringing',
  answered: 'csv.log.state.answered',
  ended: 'csv.log.state.ended',
  unknown: 'csv.log.state.unknown',
  failed: 'csv.log.state.failed',
} as const satisfies Record<CallLogEntry['state'], PlainKey>;

/** A word for a value read from the log file, which an older or newer version may have written. */
function word<T extends string>(table: Readonly<Record<T, PlainKey>>, value: T, lang: Language): string {
  const key = Object.prototype.hasOwnProperty.call(table, value) ? table[value] : undefined;
  return key ? formatMessage(lang, { key }) : String(value);
}

export function exportCallLogCsv(entries: readonly CallLogEntry[], lang: Language = 'zh-CN'): string {
  const lines = [callLogHeaders(lang).map(cell).join(',')];
  const oldestFirst = [...entries].sort((a, b) => a.createdAt - b.createdAt);
  for (const e of oldestFirst) {
    const parties = e.parties.map((p) => (p.name ? `${p.name} ${p.number}` : p.number)).join('; ');
    lines.push(
      [
        localIso(e.createdAt),
        word(KIND, e.kind, lang),
        word(MODE, e.mode, lang),
        e.caller,
        parties,
        translate(lang, e.error ? 'csv.log.result.failed' : 'csv.log.result.ok'),
        e.error ? String(e.error.code) : '',
        e.error ? failureText(e.error, lang) : '',
        e.session ?? '',
        word(STATE, e.state, lang),
        e.durationSec === undefined ? '' : String(e.durationSec),
        e.hangCause ?? '',
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * RFC 4180 quoting, plus the formula-injection guard: a spreadsheet runs a cell starting with
 * = + - @ as a formula, and contact names come from whoever filled in the address book. Numbers
 * (digits only) are quoted as ="…" so Excel keeps them as text, leading 0 included.
 */
function cell(value: string): string {
  if (/^\d{5,}$/.test(value)) return `="${value}"`;
  return csvCell(guard(value));
}
