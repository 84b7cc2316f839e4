import Papa from "papaparse";

import { describeIssue, RECORD_SCHEMAS, type RecordKind } from "../record-schemas";

import { CSV_FIELDS, csvRowToRecord } from "./csv-row-to-record";

export interface CsvRowError {
  /** The line in the file (the header is line 1). */
  line: number;
  field: string | null;
  message: string;
}

export interface ParsedCsv {
  /** Valid records with the file line each came from. */
  records: { line: number; record: Record<string, unknown> }[];
  errors: CsvRowError[];
  rows: number;
}

/**
 * Streams a CSV file (a browser File, or text) through the kind's record schema, row by row, so a
 * large file never needs a second copy in memory. `onProgress` gets the share of bytes read (0-1).
 */
export function parseCsvRecords(
  kind: RecordKind,
  source: File | string,
  onProgress: (share: number) => void = () => {},
): Promise<ParsedCsv> {
  const schema = RECORD_SCHEMAS[kind];
  const total = typeof source === "string" ? source.length : source.size;
  const result: ParsedCsv = { records: [], errors: [], rows: 0 };
  return new Promise((resolve, reject) => {
    let line = 1;
    let headerChecked = false;
    Papa.parse<Record<string, string>>(source, {
      header: true,
      skipEmptyLines: "greedy",
      chunkSize: 256 * 1024,
      chunk(chunk) {
        if (!headerChecked) {
          headerChecked = true;
          const known = new Set(CSV_FIELDS[kind]);
          for (const field of chunk.meta.fields ?? []) {
            if (!known.has(field)) result.errors.push({ line: 1, field, message: `unknown column for ${kind}` });
          }
        }
        for (const row of chunk.data) {
          line += 1;
          result.rows += 1;
          const parsed = schema.safeParse(csvRowToRecord(row), { reportInput: true });
          if (parsed.success) {
            result.records.push({ line, record: parsed.data as Record<string, unknown> });
          } else {
            for (const issue of parsed.error.issues) result.errors.push({ line, ...describeIssue(issue) });
          }
        }
        for (const error of chunk.errors) result.errors.push({ line: (error.row ?? 0) + 2, field: null, message: error.message });
        onProgress(Math.min(1, chunk.meta.cursor / Math.max(1, total)));
      },
      complete() {
        onProgress(1);
        resolve(result);
      },
      error(error: Error) {
        reject(error);
      },
    });
  });
}
