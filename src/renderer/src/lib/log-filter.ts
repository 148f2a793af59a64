/** Call log ordering and filtering (pure; the log holds up to 10 000 entries). */
import { SEARCH_KEYS_VERSION, normalizeSearchText, type ContactSearchKeys } from '../../../shared/contact-search';
import { hasUsableKeys } from '../../../shared/contact-order';
import type { CallLogEntry, ContactRecord } from '../../../shared/domain';
import { buildSearchIndex, search, type ContactSearchIndex, type SearchEntry } from './search/contact-search-index';

export type LogResultFilter = 'all' | 'ok' | 'failed';

export interface LogFilter {
  /** Over names, numbers (digits compared without separators) and session ids. */
  text: string;
  /** `YYYY-MM-DD` (local day) or ''. */
  date: string;
  result: LogResultFilter;
}

export const EMPTY_LOG_FILTER: LogFilter = { text: '', date: '', result: 'all' };

export function isFailed(e: CallLogEntry): boolean {
  return e.state === 'failed' || e.error !== undefined;
}

/** Newest first; ties by id so the order is stable. */
export function compareNewestFirst(a: CallLogEntry, b: CallLogEntry): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Merges changed entries (a `callLogList({ sinceRevision })` answer) into a newest-first list.
 * Returns the same array when nothing changed, so selectors stay stable.
 */
export function mergeLog(current: readonly CallLogEntry[], changed: readonly CallLogEntry[]): CallLogEntry[] {
  if (changed.length === 0) return current as CallLogEntry[];
  const byId = new Map<string, CallLogEntry>();
  for (const e of changed) byId.set(e.id, e);
  let needsSort = false;
  const out = current.map((e) => {
    const next = byId.get(e.id);
    if (!next) return e;
    byId.delete(e.id);
    if (next.createdAt !== e.createdAt) needsSort = true;
    return next;
  });
  if (byId.size > 0) {
    out.push(...byId.values());
    needsSort = true;
  }
  if (needsSort) out.sort(compareNewestFirst);
  return out;
}

function matchesText(e: CallLogEntry, text: string, digits: string): boolean {
  if (e.session && e.session.toLowerCase().includes(text)) return true;
  for (const p of e.parties) {
    if (p.name && p.name.toLowerCase().includes(text)) return true;
    if (p.number.includes(text)) return true;
    if (digits.length > 0 && p.number.includes(digits)) return true;
  }
  return false;
}

/**
 * The log's parties as a contact search index, so the log is searched by the same rules as the
 * contacts (pinyin, initials, `张s`, polyphonic surnames, numbers): a party whose number belongs
 * to a contact carries that contact's keys (the renderer has no pinyin of its own), any other
 * party its stored name and number. Hits are log entry ids. Built only while a search is typed.
 */
export function logSearchIndex(entries: readonly CallLogEntry[], contactFor: (number: string) => ContactRecord | undefined): ContactSearchIndex {
  const list: SearchEntry[] = [];
  for (const e of entries) {
    for (const p of e.parties) {
      const digits = p.number.replace(/\D/g, '');
      const contact = contactFor(p.number);
      const keys: ContactSearchKeys =
        contact && hasUsableKeys(contact.keys)
          ? { ...contact.keys, digits }
          : { v: SEARCH_KEYS_VERSION, name: normalizeSearchText(p.name ?? ''), py: '', ini: '', syl: [], digits, org: '' };
      list.push({ id: e.id, keys });
    }
  }
  return buildSearchIndex(list);
}

export function filterLog(entries: readonly CallLogEntry[], filter: LogFilter, index?: ContactSearchIndex | null): readonly CallLogEntry[] {
  const text = filter.text.normalize('NFKC').trim().toLowerCase();
  // `138-0013` or `+86 138…` should find 13800138000: compare digits alone when the text is a number.
  const digits = /^[\d\s+\-().]+$/.test(text) ? text.replace(/^(\+|00)86/, '').replace(/\D/g, '') : '';
  if (text === '' && filter.date === '' && filter.result === 'all') return entries;
  const day = dayRange(filter.date);
  const hits = index && text !== '' ? new Set(search(index, text)) : null;
  return entries.filter((e) => {
    if (filter.result === 'ok' && isFailed(e)) return false;
    if (filter.result === 'failed' && !isFailed(e)) return false;
    if (day && (e.createdAt < day.start || e.createdAt >= day.end)) return false;
    if (text !== '' && !hits?.has(e.id) && !matchesText(e, text, digits)) return false;
    return true;
  });
}

/** Local-time bounds of a `YYYY-MM-DD` day; null for '' or a malformed value (no filtering). */
export function dayRange(date: string): { start: number; end: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  return { start: new Date(y, mo, d).getTime(), end: new Date(y, mo, d + 1).getTime() };
}
