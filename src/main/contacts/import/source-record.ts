/**
 * The seam of the import pipeline: a reader (CSV, vCard, xlsx, with its layout and column mapping)
 * turns a file into these records; the import plan (duplicates, merge/replace, apply, undo) takes
 * them from here and never learns which format they came from. Nothing here is normalised or
 * validated yet: numbers are as the file wrote them, so the plan can report each one in the
 * user's own spelling.
 */
export interface SourceNumber {
  /** As written in the file, extension included (`010-62234302-396`, `0571-88886666 转 123`). */
  raw: string;
  /** The file's own label for it (`手机`, `Work`, `CELL`), empty when it gave none. */
  label: string;
}

export interface SourceRecord {
  /** Where the user finds it in the file: the row number a spreadsheet shows (header = 1), or the card's ordinal in a vCard. */
  line: number;
  name: string;
  numbers: SourceNumber[];
  org: string;
  notes: string;
  groupNames: string[];
  /** Absent when the file says nothing about favourites (a replace then keeps the current flag). */
  favorite?: boolean;
}
