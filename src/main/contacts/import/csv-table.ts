/**
 * RFC 4180 tables as Excel and WPS write them (comma, tab or semicolon separated), one array of
 * cells per line.
 */

/**
 * RFC 4180 records: quoted fields with `""` escapes, delimiters and line breaks inside quotes,
 * CRLF, LF or CR line ends. Lenient where Excel is (text after a closing quote is kept, an
 * unterminated quote runs to the end). Blank lines stay as `['']` records so a record's index + 1
 * is its row number in Excel, which is what the preview reports.
 */
export class CsvTooManyRowsError extends Error {
  constructor(readonly maxRecords: number) {
    super(`more than ${maxRecords} lines`);
  }
}

export function parseCsv(
  text: string,
  delimiter = detectDelimiter(text),
  options: { maxRecords?: number; onRecords?: (records: number, offset: number) => void } = {},
): string[][] {
  const maxRecords = options.maxRecords ?? Infinity;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const d = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < s.length) {
    let field = '';
    if (s.charCodeAt(i) === 34) {
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          field += s.slice(i);
          i = s.length;
          break;
        }
        field += s.slice(i, q);
        i = q + 1;
        if (s.charCodeAt(i) !== 34) break;
        field += '"';
        i++;
      }
    }
    let j = i;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (c === d || c === 10 || c === 13) break;
      j++;
    }
    field += s.slice(i, j);
    row.push(field);
    i = j;
    const c = s.charCodeAt(i);
    if (c === d) {
      i++;
      if (i === s.length) row.push('');
      continue;
    }
    i += c === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1;
    rows.push(row);
    row = [];
    // Stop as soon as the file is known to be too long: its rest is never held as records.
    if (rows.length > maxRecords) throw new CsvTooManyRowsError(maxRecords);
    if (options.onRecords && rows.length % 10_000 === 0) options.onRecords(rows.length, i);
  }
  if (row.length) rows.push(row);
  if (rows.length > maxRecords) throw new CsvTooManyRowsError(maxRecords);
  return rows;
}

/** Comma unless the first line clearly uses tabs (Excel "Unicode text") or semicolons (European Excel). */
function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const line = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const count = (c: string) => line.split(c).length - 1;
  const [comma, tab, semi] = [count(','), count('\t'), count(';')];
  if (tab > comma && tab >= semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}
