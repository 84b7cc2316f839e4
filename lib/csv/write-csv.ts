import Papa from "papaparse";

/**
 * A cell a spreadsheet would read as a formula: one starting with `=`, `+`, `-` or `@`, or with a
 * tab or carriage return (which some spreadsheets skip before looking for one). OWASP's rule for
 * CSV injection. Papaparse's own `escapeFormulae: true` pattern (`/^[=+\-@\t\r].*$/`) misses such a
 * cell when it holds a line break, since `.` stops at one; this one looks at the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const OPTIONS = { escapeFormulae: FORMULA_START, newline: "\r\n" } as const;

export type CsvCell = string | number | boolean | Date | null | undefined;

/**
 * Every CSV Deskpulse writes goes through here: a header row and the rows below it, quoted where
 * needed (RFC 4180), and every text cell that could start a formula prefixed with `'` so that a
 * spreadsheet shows it as text. Numbers and booleans are written as they are: they cannot hold a
 * formula, and a negative number must stay a number.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((row) => [...row]) }, OPTIONS);
}

/** Rows alone, each ended by CRLF: one piece of a CSV written as it is streamed, after `writeCsv(header, [])` and its CRLF. */
export function writeCsvLines(rows: readonly (readonly CsvCell[])[]): string {
  return rows.length ? `${Papa.unparse(rows.map((row) => [...row]), OPTIONS)}\r\n` : "";
}
