/**
 * The rejected rows of an import as a CSV to fix and import again: the record as the file gave it
 * (numbers with their labels, as our own export writes them, so the file reads back the same way),
 * its row in the original file and what is wrong with it, in the dispatcher's language.
 */
import { formatMessage, translate, type Language } from '../../../shared/i18n';
import { csvCell, guard } from '../../../shared/csv-cell';
import type { ImportRow } from './import-preview';

export function exportRejectedCsv(rows: readonly ImportRow[], lang: Language): string {
  const header = [
    translate(lang, 'csv.contacts.name'),
    translate(lang, 'csv.contacts.numbers'),
    translate(lang, 'csv.contacts.org'),
    translate(lang, 'csv.contacts.notes'),
    translate(lang, 'csv.contacts.groups'),
    translate(lang, 'importPlan.rejectedLine'),
    translate(lang, 'importPlan.rejectedReason'),
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) {
    if (row.status !== 'error') continue;
    const r = row.source;
    const numbers = (r?.numbers ?? []).map((n) => {
      const label = n.label.replace(/[:：;；,，、/|\r\n]/g, ' ').trim();
      return label ? `${label}:${n.raw}` : n.raw;
    });
    const cells = [
      guard(r?.name ?? row.name),
      guard(numbers.join('; ')),
      guard(r?.org ?? row.org),
      guard(r?.notes ?? row.notes),
      guard((r?.groupNames ?? row.groupNames).join('; ')),
      String(row.line),
      guard(row.errors.map((e) => formatMessage(lang, e.text)).join('; ')),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
