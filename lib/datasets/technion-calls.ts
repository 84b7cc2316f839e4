import { DelimitedRowSplitter } from "@/lib/import/delimited-row-splitter";
import { TECHNION_TIME_ZONE, technionRowReader } from "@/lib/import/technion-row-reader";
import type { CallRecord } from "@/lib/ingest/record-schemas";

export { TECHNION_TIME_ZONE };

/**
 * The bank's calls in a file already in memory, through the importer's `technion` preset (the
 * one implementation of the data set's rules). PHANTOM rows are left out; a row the preset cannot
 * read throws, since callers pass the published files, not a user's upload.
 */
export function technionCallsToRecords(text: string, timeZone = TECHNION_TIME_ZONE): CallRecord[] {
  const splitter = new DelimitedRowSplitter();
  const [header, ...rows] = [...splitter.push(text), ...splitter.end()];
  if (!header || "error" in header) throw new Error("The Technion file has no header line.");
  const reader = technionRowReader(header.fields, timeZone);
  if (!reader.ok) throw new Error(`The Technion file lacks the columns ${reader.missing.join(", ")}.`);
  const records: CallRecord[] = [];
  for (const row of rows) {
    if ("error" in row) throw new Error(`line ${row.line}: ${row.error}`);
    const outcome = reader.read(row.fields);
    if (outcome.status === "error") throw new Error(`line ${row.line}: ${outcome.errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`);
    if (outcome.status === "record") records.push(outcome.record as CallRecord);
  }
  return records;
}
