/**
 * Yunxin nests JSON inside strings (the callback's `callback`, a conference's `members`), and
 * undocumented fields may come either way. These helpers accept both forms and never throw.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value that may be JSON text: parsed when it is a string that parses, else returned as is. */
export function decodeMaybeJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export function asRecord(v: unknown): JsonRecord | undefined {
  const d = decodeMaybeJson(v);
  return isRecord(d) ? d : undefined;
}

/** An array of records, whether given as an array or as a (once more encoded) JSON string. */
export function asRecordArray(v: unknown): JsonRecord[] | undefined {
  const d = decodeMaybeJson(v);
  return Array.isArray(d) ? d.filter(isRecord) : undefined;
}

export function asText(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Non-negative number from a number or a numeric string. */
export function asCount(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The first of several candidate field names that holds a value. */
export function pick(r: JsonRecord, ...keys: string[]): unknown {
  for (const k of keys) if (r[k] !== undefined && r[k] !== null) return r[k];
  return undefined;
}
