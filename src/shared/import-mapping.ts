/**
 * What each column of an imported table (CSV, xlsx) means: guessed by main from the header, shown
 * and changed in the import dialog's column-mapping step, remembered per header set. Shared so the
 * request schema, main and the dialog name the same roles.
 */

/** `label`: the number label of the nearest `number` column to its right (Google's "Phone 1 - Type"). */
export const COLUMN_ROLES = ['name', 'family', 'given', 'number', 'label', 'org', 'notes', 'groups', 'favorite', 'ignore'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export interface ColumnMapping {
  role: ColumnRole;
  /** For a `number` column: the label its numbers get ('' for none). Ignored for other roles. */
  label: string;
}

/** More columns than any real export has (Outlook's is about 90); bounds the request. */
export const IMPORT_COLUMNS_MAX = 256;
/** How many first data rows the mapping step shows under each column. */
export const IMPORT_SAMPLE_ROWS = 3;
/** Sheet names in an xlsx are at most 31 characters; a little slack for odd writers. */
export const SHEET_NAME_MAX = 64;

/** The file formats the importer reads (the dialog words them; the file picker offers these extensions). */
export const IMPORT_FORMATS = ['csv', 'vcard', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_FILE_EXTENSIONS = ['csv', 'txt', 'tsv', 'vcf', 'vcard', 'xlsx', 'xls'] as const;
/**
 * The file picker's filter (the `accept` of the import input; Electron turns it into the native
 * dialog's filter). .xls is offered so that choosing one gets the "save as .xlsx or CSV" answer
 * rather than a silent "file not shown".
 */
export const IMPORT_ACCEPT = [
  ...IMPORT_FILE_EXTENSIONS.map((e) => `.${e}`),
  'text/csv',
  'text/vcard',
  'text/x-vcard',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');
