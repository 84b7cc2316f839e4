import { describeIssue, RECORD_SCHEMAS, type RecordError, type RecordKind } from "@/lib/ingest/record-schemas";

import { readDelimitedRows } from "./delimited-row-splitter";
import type { RowReader } from "./row-reader";

export interface ImportRowError {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  field: string | null;
  message: string;
}

/** Every data row is counted exactly once: rows = stored + skipped + withErrors. */
export interface ImportCounts {
  rows: number;
  stored: number;
  skipped: number;
  withErrors: number;
}

export interface ImportReport extends ImportCounts {
  /** In file order; at most MAX_KEPT_ERRORS of them (the counts stay exact). */
  errors: ImportRowError[];
  /** Set when the import stopped before the end of the file (a header that does not fit, the server away). */
  stoppedAt?: { line: number; message: string };
}

/** Stores one chunk atomically, or refuses it naming records by index (as `importRecords` does). */
export type StoreRecords = (records: Record<string, unknown>[]) => Promise<{ ok: true } | { ok: false; errors: RecordError[] }>;

/** Builds the row reader from the header, or says why the file cannot be read this way. */
export type RowReaderForHeader = (header: string[]) => { ok: true; read: RowReader } | { ok: false; message: string };

/** A file whose every row is wrong still reports its counts exactly, but keeps only this many messages. */
export const MAX_KEPT_ERRORS = 10_000;
/** Records per store call: the server's batch limit is larger; this keeps progress moving. */
export const STORE_CHUNK_RECORDS = 1_000;

export class ImportStoppedError extends Error {}

/**
 * Reads a delimited file as a stream of text chunks, row by row through `readerFor(header)` and
 * the kind's record schema, and hands valid records to `store` a chunk at a time, so a file of
 * any size is never all in memory. A dry run is a `store` that accepts everything.
 */
export async function importDelimitedFile({
  kind,
  chunks,
  readerFor,
  store,
  onProgress = () => {},
}: {
  kind: RecordKind;
  chunks: AsyncIterable<string>;
  readerFor: RowReaderForHeader;
  store: StoreRecords;
  onProgress?: (counts: ImportCounts) => void;
}): Promise<ImportReport> {
  const schema = RECORD_SCHEMAS[kind];
  const report: ImportReport = { rows: 0, stored: 0, skipped: 0, withErrors: 0, errors: [] };
  const addErrors = (errors: ImportRowError[]) => {
    report.withErrors += 1;
    report.errors.push(...errors.slice(0, MAX_KEPT_ERRORS - report.errors.length));
  };
  let read: RowReader | null = null;
  let pending: { line: number; record: Record<string, unknown> }[] = [];
  let lastLine = 1;

  async function flush() {
    // The server refuses a chunk whole; the refused rows become errors and the rest is sent again.
    while (pending.length) {
      const result = await store(pending.map((r) => r.record));
      if (result.ok) {
        report.stored += pending.length;
        pending = [];
        return;
      }
      const refused = new Map<number, ImportRowError[]>();
      for (const error of result.errors) {
        if (error.index === null || !pending[error.index]) throw new ImportStoppedError(error.message);
        const line = pending[error.index]!.line;
        refused.set(error.index, [...(refused.get(error.index) ?? []), { line, field: error.field, message: error.message }]);
      }
      for (const errors of refused.values()) addErrors(errors);
      pending = pending.filter((_, i) => !refused.has(i));
    }
  }

  try {
    for await (const rows of readDelimitedRows(chunks)) {
      for (const row of rows) {
        if (!read) {
          if ("error" in row) throw new ImportStoppedError(`the header line cannot be read: ${row.error}`);
          const reader = readerFor(row.fields);
          if (!reader.ok) throw new ImportStoppedError(reader.message);
          read = reader.read;
          continue;
        }
        report.rows += 1;
        lastLine = row.line;
        if ("error" in row) {
          addErrors([{ line: row.line, field: null, message: row.error }]);
          continue;
        }
        const outcome = read(row.fields);
        if (outcome.status === "skipped") report.skipped += 1;
        else if (outcome.status === "error") addErrors(outcome.errors.map((e) => ({ line: row.line, ...e })));
        else {
          const parsed = schema.safeParse(outcome.record, { reportInput: true });
          if (parsed.success) pending.push({ line: row.line, record: parsed.data as Record<string, unknown> });
          else addErrors(parsed.error.issues.map((issue) => ({ line: row.line, ...describeIssue(issue) })));
        }
        if (pending.length >= STORE_CHUNK_RECORDS) await flush();
      }
      onProgress(report);
    }
    await flush();
    if (!read) throw new ImportStoppedError("the file is empty");
  } catch (error) {
    if (!(error instanceof ImportStoppedError)) throw error;
    // Valid rows not yet stored when the import stopped are not counted as read: the file is
    // reported as read up to the line before them.
    report.rows -= pending.length;
    report.stoppedAt = { line: pending[0]?.line ?? lastLine, message: error.message };
  }
  onProgress(report);
  return report;
}
