/**
 * A table (CSV or a sheet) and its column mapping → the seam's SourceRecords. Only splitting and
 * tidying here: numbers stay as written (the plan normalises and reports them), Google's ` ::: `
 * multi-values are split, Google's system groups are dropped (`* starred` makes a favourite).
 */
import type { ColumnMapping } from '../../../shared/import-mapping';
import { LANGUAGES, translate, type Language } from '../../../shared/i18n';
import { multiLine, oneLine } from '../field-text';
import type { Layout } from './columns';
import { unwrapCell } from './columns';
import { isFaxLabel, numberLabel } from './labels';
import type { SourceNumber, SourceRecord } from './source-record';

/** Google joins several values of one field with ` ::: `. */
const MULTI = / ::: /;
const NUMBER_SEPARATORS = /[;；,，、/|\r\n]+/;
const GROUP_SEPARATORS = /[;；,，、|\r\n]+/;

/** The favourite column's "yes" in every UI language, besides the usual marks. */
const FAVORITE_YES = new Set(LANGUAGES.map((lang) => translate(lang, 'csv.contacts.yes').toLowerCase()));
const isYes = (mark: string) => /^(是|y|yes|true|1|★|☆|√|✓|✔|收藏)$/i.test(mark) || FAVORITE_YES.has(mark.toLowerCase());

/** Google's own groups (`* myContacts`, `* starred`, old `System Group: Friends`): not the user's. */
const isSystemGroup = (g: string) => /^\*\s/.test(g) || /^system group:/i.test(g);
const isStarred = (g: string) => /^\*\s*starred$/i.test(g);

export interface TableRecordsOptions {
  layout: Layout;
  /** Index of the header row; -1 when there is none. */
  headerRow: number;
  lang: Language;
}

/** One number item of a cell: `13800138000`, `手机:13800138000` (what our export writes). */
function splitLabel(item: string): { label: string | null; raw: string } {
  const m = /^(.*?)[:：](.*)$/s.exec(item);
  // Numbers have no letters, so letters before a colon are a label.
  if (m && /\p{L}/u.test(m[1]) && !/^(ext|x|转|分机)/i.test(m[1].trim())) return { label: oneLine(m[1]), raw: m[2].trim() };
  return { label: null, raw: item };
}

export function tableRecords(table: readonly string[][], mapping: readonly ColumnMapping[], options: TableRecordsOptions): SourceRecord[] {
  const { lang, layout } = options;
  // Each label column labels the nearest number column to its right.
  const labelOf = new Map<number, number>();
  mapping.forEach((m, i) => {
    if (m.role !== 'label') return;
    const target = mapping.findIndex((n, j) => j > i && n.role === 'number');
    if (target >= 0 && !labelOf.has(target)) labelOf.set(target, i);
  });
  let numberColumns = mapping.flatMap((m, i) => (m.role === 'number' ? [i] : []));
  if (layout === 'outlook') {
    // The first number is the one Enter calls: a mobile before an office switchboard.
    const mobile = numberLabel(['mobile'], lang);
    numberColumns = [...numberColumns.filter((i) => mapping[i].label === mobile), ...numberColumns.filter((i) => mapping[i].label !== mobile)];
  }
  const columnsOf = (role: ColumnMapping['role']) => mapping.flatMap((m, i) => (m.role === role ? [i] : []));
  const [nameCols, familyCols, givenCols, orgCols, notesCols, groupCols, favCols] = (
    ['name', 'family', 'given', 'org', 'notes', 'groups', 'favorite'] as const
  ).map(columnsOf);

  const records: SourceRecord[] = [];
  for (let r = options.headerRow + 1; r < table.length; r++) {
    const cells = table[r];
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (i: number) => unwrapCell(cells[i] ?? '');
    const joined = (cols: number[], sep: string, tidy: (s: string) => string) =>
      cols
        .map((i) => tidy(cell(i)))
        .filter(Boolean)
        .join(sep);

    let name = joined(nameCols, ' ', oneLine);
    if (name === '') {
      const family = joined(familyCols, ' ', oneLine);
      const given = joined(givenCols, ' ', oneLine);
      // 张 + 三 → 张三; Smith + John → John Smith.
      name = /^[\u3400-\u9fff]/.test(family) ? family + given : [given, family].filter(Boolean).join(' ');
    }

    const numbers: SourceNumber[] = [];
    for (const i of numberColumns) {
      const labelCol = labelOf.get(i);
      const labelWords =
        labelCol === undefined
          ? []
          : cell(labelCol)
              .split(MULTI)
              .map((w) => w.trim());
      if (isFaxLabel(labelWords)) continue;
      const fileLabel = labelWords.length && labelWords[0] !== '' ? numberLabel(labelWords, lang) : mapping[i].label;
      for (const part of cell(i).split(MULTI)) {
        for (const item of part.split(NUMBER_SEPARATORS)) {
          const { label, raw } = splitLabel(unwrapCell(item).trim());
          if (raw === '') continue;
          numbers.push({ raw, label: label ?? fileLabel });
        }
      }
    }

    const groupItems = groupCols.flatMap((i) =>
      cell(i)
        .split(MULTI)
        .flatMap((g) => g.split(GROUP_SEPARATORS))
        .map(oneLine)
        .filter(Boolean),
    );
    const starred = groupItems.some(isStarred);
    const record: SourceRecord = {
      line: r + 1,
      name,
      numbers,
      org: joined(orgCols, ' ', oneLine),
      notes: joined(notesCols, '\n', multiLine),
      groupNames: [...new Set(groupItems.filter((g) => !isSystemGroup(g)))],
    };
    if (favCols.length) record.favorite = favCols.some((i) => isYes(cell(i).trim()));
    else if (layout === 'google' && groupCols.length) record.favorite = starred;
    else if (starred) record.favorite = true;
    records.push(record);
  }
  return records;
}
