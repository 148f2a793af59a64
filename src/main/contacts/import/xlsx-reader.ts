/**
 * Excel workbooks (.xlsx, what Excel and WPS save by default) through read-excel-file, a maintained
 * reader: no zip or XML parsing of our own. Cells come back as the text the dispatcher sees, so a
 * number stored as a number keeps every digit (read-excel-file hands us the stored digits).
 */
import readXlsxFile from 'read-excel-file/node';

export interface Workbook {
  /** Sheet names in the workbook's order. */
  sheets: string[];
  /** The chosen sheet's rows; row index + 1 is the row number Excel shows. */
  rows: string[][];
  sheet: string;
}

export type WorkbookRead = { ok: true; workbook: Workbook } | { ok: false; reason: 'bad_xlsx' } | { ok: false; reason: 'unknown_sheet'; sheet: string };

/** A zip file (an .xlsx is one) starts with a local file header. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Old Excel 97-2003 (.xls) and other OLE2 compound files. */
export function looksLikeOle2(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

/** Reads the named sheet, or the first one. */
export async function readWorkbook(bytes: Uint8Array, sheet?: string): Promise<WorkbookRead> {
  let sheets;
  try {
    // parseNumber: the stored digits as text (13800138000, not 13800138000 as a float that could
    // print as 1.38e10), so phone numbers survive.
    sheets = await readXlsxFile<string>(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { parseNumber: (s) => s });
  } catch {
    return { ok: false, reason: 'bad_xlsx' };
  }
  if (sheets.length === 0) return { ok: false, reason: 'bad_xlsx' };
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet);
  if (!chosen) return { ok: false, reason: 'unknown_sheet', sheet: sheet ?? '' };
  return {
    ok: true,
    workbook: {
      sheets: sheets.map((s) => s.sheet),
      sheet: chosen.sheet,
      rows: chosen.data.map((row) => row.map(cellText)),
    },
  };
}
