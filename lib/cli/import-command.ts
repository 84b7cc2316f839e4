import fs from "node:fs";
import { parseArgs } from "node:util";

import { z } from "zod";

import type { Database } from "@/lib/db/open-database";
import { importDelimitedFile, type ImportReport, type RowReaderForHeader } from "@/lib/import/import-delimited-file";
import { findImportMapping } from "@/lib/import/import-mappings";
import { IMPORT_PRESETS, PRESET_NAMES, readerForMapping } from "@/lib/import/import-presets";
import { TECHNION_TIME_ZONE } from "@/lib/import/technion-row-reader";
import { importRecords } from "@/lib/ingest/import-records";
import { RECORD_KINDS, type RecordKind } from "@/lib/ingest/record-schemas";

export const IMPORT_USAGE =
  "import --kind KIND (--preset technion|zendesk|freshdesk | --mapping NAME) [--timezone Area/City] FILE\n" +
  "                                            import a CSV/TSV file; prints the number of records stored";

const ZImportOptions = z
  .object({
    kind: z.enum(RECORD_KINDS),
    preset: z.enum(PRESET_NAMES).optional(),
    mapping: z.string().trim().min(1).optional(),
    timezone: z.string().optional(),
    file: z.string().min(1, "a file to import is required"),
  })
  .refine((o) => (o.preset === undefined) !== (o.mapping === undefined), { message: "give either --preset or --mapping", path: ["preset"] });

/**
 * Streams FILE through the importer into the database, as the import page does: rows with errors
 * are reported on stderr (line by line, in file order) and left out; the valid rows are stored.
 * `failed` is set when any row had errors or the import stopped, for a non-zero exit code.
 */
export async function runImportCommand(db: Database, args: string[], log: (line: string) => void): Promise<{ stored: number; failed: boolean; report: ImportReport }> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { kind: { type: "string" }, preset: { type: "string" }, mapping: { type: "string" }, timezone: { type: "string" } },
  });
  const options = ZImportOptions.parse({ ...values, file: positionals[0] ?? "" });
  const kind: RecordKind = options.kind;
  let readerFor: RowReaderForHeader;
  if (options.preset) {
    const preset = IMPORT_PRESETS[options.preset];
    if (preset.kind !== kind) throw new z.ZodError([{ code: "custom", path: ["kind"], message: `the ${options.preset} preset imports ${preset.kind}`, input: kind }]);
    readerFor = preset.readerFor(options.timezone ?? (options.preset === "technion" ? TECHNION_TIME_ZONE : "UTC"));
  } else {
    const mapping = await findImportMapping(db.prisma, options.mapping!);
    if (!mapping) throw new z.ZodError([{ code: "custom", path: ["mapping"], message: `no saved mapping named ${options.mapping}`, input: options.mapping }]);
    if (mapping.kind !== kind) throw new z.ZodError([{ code: "custom", path: ["kind"], message: `the mapping ${options.mapping} imports ${mapping.kind}`, input: kind }]);
    readerFor = readerForMapping(mapping);
  }
  if (!fs.existsSync(options.file)) throw new z.ZodError([{ code: "custom", path: ["file"], message: `no file ${options.file}`, input: options.file }]);

  const report = await importDelimitedFile({
    kind,
    chunks: fs.createReadStream(options.file, { encoding: "utf8", highWaterMark: 1024 * 1024 }),
    readerFor,
    store: (records) => importRecords(db, kind, records),
  });
  for (const error of report.errors) console.error(`line ${error.line}: ${error.field ? `${error.field}: ` : ""}${error.message}`);
  if (report.stoppedAt) console.error(`line ${report.stoppedAt.line}: stopped: ${report.stoppedAt.message}`);
  log(`${report.rows} rows: ${report.stored} stored, ${report.skipped} skipped, ${report.withErrors} with errors`);
  return { stored: report.stored, failed: report.withErrors > 0 || report.stoppedAt !== undefined, report };
}
