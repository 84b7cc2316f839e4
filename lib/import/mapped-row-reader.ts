import { columnsReadBy, type ImportMapping } from "./import-mapping";
import type { RowReader } from "./row-reader";
import { readInstant, transformValue } from "./transform-value";

/**
 * The row reader of a mapping for a file with this header, or the columns the mapping needs that
 * the header lacks (checked once, so a wrong file is one message, not one per row).
 */
export function mappedRowReader(mapping: ImportMapping, header: string[]): { ok: true; read: RowReader } | { ok: false; missing: string[] } {
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = columnsReadBy(mapping).filter((column) => !index.has(column));
  if (missing.length) return { ok: false, missing };

  const cell = (fields: string[], column: string) => (fields[index.get(column)!] ?? "").trim();
  const skipValues = mapping.skip && new Set(mapping.skip.values);
  const entries = Object.entries(mapping.fields);

  const read: RowReader = (fields) => {
    if (mapping.skip && skipValues!.has(cell(fields, mapping.skip.column))) return { status: "skipped" };
    const record: Record<string, unknown> = {};
    const errors: { field: string; message: string }[] = [];
    for (const [field, source] of entries) {
      if (source.from === "constant") {
        if (source.value !== "") record[field] = source.value;
        continue;
      }
      if (source.from === "template") {
        record[field] = source.template.replace(/\{([^}]+)\}/g, (_, column: string) => cell(fields, column));
        continue;
      }
      if (source.from === "dateTime") {
        const date = cell(fields, source.dateColumn);
        const time = cell(fields, source.timeColumn);
        // An empty cell is an absent optional field, as a missing key would be in JSON.
        if (date === "" || time === "" || source.blanks?.includes(time)) continue;
        const result = readInstant(`${date} ${time}`, source.format, source.timeZone);
        if (result.ok) record[field] = result.value;
        else errors.push({ field, message: result.message });
        continue;
      }
      const raw = cell(fields, source.column);
      if (raw === "" || source.blanks?.includes(raw)) continue;
      const result = transformValue(source.transform, raw);
      if (result.ok) record[field] = result.value;
      else errors.push({ field, message: `${source.column}: ${result.message}` });
    }
    return errors.length ? { status: "error", errors } : { status: "record", record };
  };
  return { ok: true, read };
}
