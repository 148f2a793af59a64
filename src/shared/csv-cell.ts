/** Spreadsheet-safe CSV cells, for every export: main's (contacts, call log) and the renderer's (report charts). */

/**
 * Formula injection: a spreadsheet runs a cell starting with = + - @ (or a tab/CR before them)
 * as a formula, e.g. a "name" of =HYPERLINK(…). A leading apostrophe keeps it text.
 */
export function guard(value: string): string {
  // A value the user began with an apostrophe gets one more, so the import (which removes one)
  // gives back exactly what was typed.
  return /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 quoting, only where a cell needs it. `;` and tab too: Excel with a `;` list separator
 * (most of Europe) splits an unquoted `a;=1+1` into two cells, the second a formula.
 */
export function csvCell(value: string): string {
  return /[",;\t\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
