import { z } from "zod";

import { CSV_FIELDS } from "@/lib/ingest/csv/csv-row-to-record";
import { RECORD_KINDS, type RecordKind } from "@/lib/ingest/record-schemas";

// A mapping says, for each Deskpulse field of one record kind, where its value comes from in a
// file of someone else's making. It is data (saved as JSON, validated again whenever it is read),
// so the browser, the CLI and the presets all run the same rules through `mappedRowReader`.

/** IANA zone names as the runtime knows them; a typo is refused when the mapping is saved. */
const ZTimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Europe/Berlin");

/** `iso` reads ISO 8601; otherwise a date-fns pattern (`yyMMdd`, `dd/MM/yyyy HH:mm`). */
const ZDateFormat = z.string().trim().min(1, "must not be empty").max(100);

export const DURATION_UNITS = ["h:mm:ss", "seconds", "minutes", "hours"] as const;

export const ZValueTransform = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("number") }),
  z.object({ type: z.literal("boolean") }),
  /** A file without offsets is read in `timeZone`; an offset in the value wins. */
  z.object({ type: z.literal("date"), format: ZDateFormat, timeZone: ZTimeZone }),
  /** Whole seconds, as the record schemas count durations. */
  z.object({ type: z.literal("duration"), unit: z.enum(DURATION_UNITS) }),
  /** Source value (compared trimmed, case-insensitively) → Deskpulse value; others stay as they are. */
  z.object({ type: z.literal("map"), values: z.record(z.string(), z.string()) }),
]);
export type ValueTransform = z.infer<typeof ZValueTransform>;

const ZColumn = z.string().min(1, "must name a column").max(200);

export const ZFieldSource = z.discriminatedUnion("from", [
  z.object({
    from: z.literal("column"),
    column: ZColumn,
    transform: ZValueTransform,
    /** Values that mean "none" in this file (`0:00:00`, `NO_SERVER`, `-`). */
    blanks: z.array(z.string()).max(20).optional(),
  }),
  /** A date in one column and a time of day in another, read as one instant. */
  z.object({
    from: z.literal("dateTime"),
    dateColumn: ZColumn,
    timeColumn: ZColumn,
    format: ZDateFormat,
    timeZone: ZTimeZone,
    blanks: z.array(z.string()).max(20).optional(),
  }),
  z.object({ from: z.literal("constant"), value: z.string().max(1000) }),
  /** Derived text: `{column}` placeholders filled from the row, e.g. `zd-{Id}`. */
  z.object({ from: z.literal("template"), template: z.string().min(1).max(500) }),
]);
export type FieldSource = z.infer<typeof ZFieldSource>;

export const ZImportMapping = z
  .object({
    kind: z.enum(RECORD_KINDS),
    fields: z.record(z.string(), ZFieldSource),
    /** Rows to leave out and count as skipped, e.g. the Technion PHANTOM calls. */
    skip: z.object({ column: ZColumn, values: z.array(z.string()).min(1).max(50) }).optional(),
  })
  .superRefine((mapping, ctx) => {
    const known = new Set(CSV_FIELDS[mapping.kind]);
    for (const field of Object.keys(mapping.fields)) {
      if (!known.has(field)) ctx.addIssue({ code: "custom", path: ["fields", field], message: `is not a field of ${mapping.kind}` });
    }
  });
export type ImportMapping = z.infer<typeof ZImportMapping>;

export const ZMappingName = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

/** The columns of the file a mapping reads, to check them against the header before any row. */
export function columnsReadBy(mapping: ImportMapping): string[] {
  const columns = new Set<string>();
  for (const source of Object.values(mapping.fields)) {
    if (source.from === "column") columns.add(source.column);
    if (source.from === "dateTime") columns.add(source.dateColumn).add(source.timeColumn);
    if (source.from === "template") for (const [, name] of source.template.matchAll(/\{([^}]+)\}/g)) columns.add(name!);
  }
  if (mapping.skip) columns.add(mapping.skip.column);
  return [...columns];
}

export function emptyMapping(kind: RecordKind): ImportMapping {
  return { kind, fields: {} };
}
