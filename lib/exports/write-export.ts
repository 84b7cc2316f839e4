import "server-only";

import { PassThrough, Readable } from "node:stream";

import { tz } from "@date-fns/tz";
import { format as formatDate } from "date-fns";
import ExcelJS from "exceljs";

import { writeCsv, writeCsvLines, type CsvCell } from "@/lib/csv/write-csv";

import type { ColumnType, ExportCell, ExportFormat, ExportTable } from "./export-table";

// One table, two files. CSV keeps values plain for scripts (percent 0-100, durations in seconds,
// local date-times as text); XLSX keeps them typed for people (a percent, a [h]:mm:ss duration, a
// date), so a spreadsheet shows what the screen shows and can still sum it. A CSV is made a batch
// of rows at a time as the reader takes it. An XLSX is written as the rows arrive too, but its zip
// writer does not wait for the reader, so a slow download of a long list holds the compressed
// rest of the file in memory (docs/exports.md has the figures).

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Rows handed to the writer at a time: one CSV chunk. */
const BATCH_ROWS = 500;

const XLSX_FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  integer: "0",
  number: "General",
  percent: "0.0%",
  seconds: "[h]:mm:ss",
  datetime: "yyyy-mm-dd hh:mm:ss",
};

/** Decimals kept in a CSV: enough for any KPI's shown precision, without float noise (87.53846153846153). */
const CSV_DECIMALS = 4;

/** The instant as the organisation's wall clock reads it, e.g. 2026-03-08 09:30:00. */
export function localDateTime(at: Date, timeZone: string): string {
  return formatDate(at, "yyyy-MM-dd HH:mm:ss", { in: tz(timeZone) });
}

function csvCell(cell: ExportCell, type: ColumnType, timeZone: string): CsvCell {
  if (cell === null) return null;
  if (cell instanceof Date) return localDateTime(cell, timeZone);
  if (typeof cell === "number" && type !== "text") return Number(cell.toFixed(CSV_DECIMALS));
  return cell;
}

/**
 * A cell as Excel stores it. Dates carry the wall-clock time as if it were UTC, since an XLSX date
 * has no zone and exceljs writes a Date's UTC reading. Text stays a text cell: XLSX keeps formulas
 * apart from values, so a cell starting with `=` is never evaluated (unlike CSV, see write-csv.ts).
 */
function xlsxCell(cell: ExportCell, type: ColumnType, timeZone: string): ExcelJS.CellValue {
  if (cell === null) return null;
  if (cell instanceof Date) return new Date(`${localDateTime(cell, timeZone).replace(" ", "T")}Z`);
  if (typeof cell !== "number") return cell;
  if (type === "percent") return cell / 100;
  if (type === "seconds") return cell / 86_400;
  return cell;
}

async function* batches(rows: ExportTable["rows"]): AsyncGenerator<ExportCell[][]> {
  let batch: ExportCell[][] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

function csvBody(table: ExportTable): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const types = table.columns.map((c) => c.type);
  const chunks = batches(table.rows);
  // A byte-order mark, so that Excel opens the UTF-8 file with its accents intact.
  let head: string | null = `\uFEFF${writeCsv(table.columns.map((c) => c.header), [])}\r\n`;
  return new ReadableStream({
    async pull(controller) {
      if (head !== null) {
        controller.enqueue(encoder.encode(head));
        head = null;
        return;
      }
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(writeCsvLines(next.value.map((row) => row.map((cell, i) => csvCell(cell, types[i]!, table.timeZone))))));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** Excel's limit on a sheet's name: 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Export";

function xlsxBody(table: ExportTable): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: Math.max(12, Math.min(40, c.header.length + 4)),
    style: XLSX_FORMATS[c.type] ? { numFmt: XLSX_FORMATS[c.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const write = async () => {
    for await (const batch of batches(table.rows)) {
      for (const row of batch) sheet.addRow(row.map((cell, i) => xlsxCell(cell, table.columns[i]!.type, table.timeZone))).commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** `first-response-time-2026-12-07.csv`: the title as a file name, dated by the organisation's day. */
export function exportFileName(title: string, format: ExportFormat, at: Date, timeZone: string): string {
  const slug = title.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().toLowerCase().replace(/[\s_-]+/g, "-") || "export";
  return `${slug}-${formatDate(at, "yyyy-MM-dd", { in: tz(timeZone) })}.${format}`;
}

/** The table as a download: a streamed CSV or XLSX with a file name. */
export function exportResponse(table: ExportTable, format: ExportFormat, now: Date = new Date()): Response {
  const name = exportFileName(table.title, format, now, table.timeZone);
  return new Response(format === "csv" ? csvBody(table) : xlsxBody(table), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
