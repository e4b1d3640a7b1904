import { stringify } from 'csv-stringify/sync';

/**
 * Characters that make Excel, LibreOffice and Google Sheets read a cell as a formula
 * (or, tab and carriage return, shift it so the next character does): OWASP's list
 * for CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null | undefined;

/**
 * A cell as text that a spreadsheet shows as written: a leading `'` makes it a text
 * cell, so `=HYPERLINK(…)` or `+1+1` entered by a participant is never evaluated.
 * Only the first character counts; the quote is visible in the file (OWASP's advice).
 */
export function neutraliseCell(value: CsvCell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The one way the platform writes CSV: for spreadsheets (UTF-8 with a byte order mark
 * so Excel keeps umlauts, semicolons as German Excel expects, CRLF), every cell,
 * header included, passed through neutraliseCell. `preamble`: lines above the header
 * (a title, a date, an empty line) that tell a printed list apart; same rules.
 */
export function toSpreadsheetCsv(
  header: readonly string[],
  rows: readonly CsvCell[][],
  preamble: readonly CsvCell[][] = [],
): string {
  const cells = [...preamble, header, ...rows].map((row) => row.map(neutraliseCell));
  return '\uFEFF' + stringify(cells, { delimiter: ';', record_delimiter: 'windows' });
}
