/**
 * The call log as a spreadsheet for the dispatcher's records: UTF-8 with a BOM (without it Excel
 * reads UTF-8 as GBK), CRLF, oldest first, headers and words from the catalog in the UI language
 * (zh-CN by default), like the contact export.
 *
 * One coherent result per row, the same words as the strip and the log (src/shared/call-outcome.ts):
 * the result and its reason in words, then the raw codes (error code, state, Yunxin status, hang
 * cause) in their own columns for whoever needs to look them up.
 */
import { callerLeg, causeWords, legView, outcomeOf } from '../../shared/call-outcome';
import type { CallLogEntry, CallParty } from '../../shared/domain';
import { formatMessage, translate, type Language, type Message, type PlainKey } from '../../shared/i18n';
import { failureText } from '../../shared/result';
import { csvCell, guard } from '../../shared/csv-cell';
import { localIso } from '../local-time';

const HEADER_KEYS: readonly PlainKey[] = [
  'csv.log.time',
  'csv.log.kind',
  'csv.log.mode',
  'csv.log.caller',
  'csv.log.parties',
  'csv.log.result',
  'csv.log.reason',
  'csv.log.explanation',
  'csv.log.code',
  'csv.log.session',
  'csv.log.stateCode',
  'csv.log.status',
  'csv.log.duration',
  'csv.log.hangCauseCode',
  'csv.log.people',
  'csv.log.maxDur',
  'csv.log.perPerson',
];

export function callLogHeaders(lang: Language): string[] {
  return HEADER_KEYS.map((key) => translate(lang, key));
}

const KIND = { call: 'csv.log.kind.call', conf: 'csv.log.kind.conf' } as const satisfies Record<CallLogEntry['kind'], PlainKey>;
const MODE = { sandbox: 'csv.log.mode.sandbox', production: 'csv.log.mode.production', team: 'csv.log.mode.team' } as const satisfies Record<
  CallLogEntry['mode'],
  PlainKey
>;

/** A word for a value read from the log file, which an older or newer version may have written. */
function word<T extends string>(table: Readonly<Record<T, PlainKey>>, value: T, lang: Language): string {
  const key = Object.prototype.hasOwnProperty.call(table, value) ? table[value] : undefined;
  return key ? formatMessage(lang, { key }) : String(value);
}

/** The talk time to show: a conference's wall-clock length (not its legs summed), a call's duration. */
export function shownDurationSec(e: CallLogEntry): number | undefined {
  return e.kind === 'conf' ? e.wallSec : e.durationSec;
}

/** "张三 13800138000: 已接听 0:42 (NORMAL_CLEARING)" for each person, the host first. */
function peopleText(e: CallLogEntry, lang: Language): string {
  if (!e.legs?.length) return '';
  const f = (m: Message) => formatMessage(lang, m);
  const names = new Map(e.parties.map((p) => [p.number, p.name] as const));
  const host = callerLeg(e);
  const people = [...(host ? [host.number] : []), ...e.parties.map((p) => p.number).filter((n) => n !== e.caller)];
  return people
    .map((number) => {
      const v = legView(e, number);
      const who = number === e.caller ? `${f({ key: 'outcome.leg.caller' })} ${number}` : names.get(number) ? `${names.get(number)} ${number}` : number;
      const cause = 'cause' in v && v.cause ? v.cause : undefined;
      const what =
        v.kind === 'answered'
          ? v.durationSec !== undefined
            ? f({ key: 'outcome.leg.answeredFor', params: { time: clock(v.durationSec) } })
            : f({ key: 'outcome.leg.answered' })
          : v.kind === 'not_answered'
            ? cause
              ? f(causeWords(cause).words)
              : f({ key: 'outcome.leg.notAnswered' })
            : f({ key: legKey[v.kind] });
      return `${who}: ${what}${cause ? ` (${cause})` : ''}`;
    })
    .join('; ');
}

/** "张三 01062234302 转 396": the extension the dispatcher asked for stays on record. */
function partyText(p: CallParty, lang: Language): string {
  const who = p.name ? `${p.name} ${p.number}` : p.number;
  return p.extension ? `${who} ${formatMessage(lang, { key: 'rules.extension', params: { extension: p.extension } })}` : who;
}

const legKey = {
  not_rung: 'outcome.leg.notRung',
  waiting: 'outcome.leg.waiting',
  ringing: 'outcome.leg.ringing',
  talking: 'outcome.leg.talking',
  ended: 'outcome.leg.ended',
} as const;

function clock(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function exportCallLogCsv(entries: readonly CallLogEntry[], lang: Language = 'zh-CN'): string {
  const lines = [callLogHeaders(lang).map(cell).join(',')];
  const oldestFirst = [...entries].sort((a, b) => a.createdAt - b.createdAt);
  for (const e of oldestFirst) {
    const parties = e.parties.map((p) => partyText(p, lang)).join('; ');
    const outcome = outcomeOf(e);
    const duration = shownDurationSec(e);
    lines.push(
      [
        localIso(e.createdAt),
        word(KIND, e.kind, lang),
        word(MODE, e.mode, lang),
        e.caller,
        parties,
        formatMessage(lang, outcome.words),
        outcome.reason && !e.error ? formatMessage(lang, outcome.reason.words) : e.error ? formatMessage(lang, outcome.reason?.words ?? outcome.words) : '',
        e.error ? failureText(e.error, lang) : formatMessage(lang, outcome.reason?.meaning ?? outcome.meaning),
        e.error ? String(e.error.code) : '',
        e.session ?? '',
        e.state,
        e.status ?? '',
        duration === undefined ? '' : String(duration),
        e.hangCause ?? '',
        peopleText(e, lang),
        String(e.maxDur),
        e.perPersonSec === undefined ? '' : String(e.perPersonSec),
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
