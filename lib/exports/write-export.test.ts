import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";

import { datetime, integer, kpiColumn, text, type ExportFormat, type ExportRow, type ExportTable } from "./export-table";
import { exportFileName, exportResponse } from "./write-export";

const ZONE = "Europe/Berlin";

const table = (rows: ExportTable["rows"]): ExportTable => ({
  title: "CSAT by team",
  timeZone: ZONE,
  columns: [text("Team"), kpiColumn("CSAT", "percent"), kpiColumn("Handle time", "seconds"), integer("Records"), datetime("Since")],
  rows,
});

async function csvOf(t: ExportTable) {
  const response = exportResponse(t, "csv");
  const bytes = new Uint8Array(await response.arrayBuffer());
  const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { response, body, cells: Papa.parse<string[]>(body.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data };
}

async function xlsxOf(t: ExportTable) {
  const response = exportResponse(t, "xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => rows.push(row));
  return { response, sheet, rows };
}

// 30 March 2026, 01:30 UTC is 03:30 in Berlin: the first hour after the spring change.
const SINCE = new Date("2026-03-29T01:30:00Z");
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

describe("exportResponse", () => {
  test("CSV: a header, plain values (percent 0-100, seconds, local date-times) and a file name", async () => {
    const { response, body, cells } = await csvOf(table([["Billing", 87.53846153846153, 252, 13, SINCE], ["Sales", null, null, 0, null]]));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="csat-by-team-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(body.startsWith("\uFEFF")).toBe(true);
    expect(cells).toEqual([
      ["Team", "CSAT (%)", "Handle time (seconds)", "Records", "Since"],
      ["Billing", "87.5385", "252", "13", "2026-03-29 03:30:00"],
      ["Sales", "", "", "0", ""],
    ]);
  });

  test("XLSX: typed cells, so a spreadsheet shows a percent, an [h]:mm:ss duration and a date", async () => {
    const { response, sheet, rows } = await xlsxOf(table([["Billing", 87.5, 4000, 13, SINCE]]));
    expect(response.headers.get("content-disposition")).toMatch(/\.xlsx"$/);
    expect(sheet.name).toBe("CSAT by team");
    expect(rows.map((r) => (r.values as ExcelJS.CellValue[]).slice(1))[0]).toEqual(["Team", "CSAT (%)", "Handle time (seconds)", "Records", "Since"]);
    const row = rows[1]!;
    expect(row.getCell(1).value).toBe("Billing");
    expect(row.getCell(2).value).toBeCloseTo(0.875, 10);
    expect(row.getCell(2).numFmt).toBe("0.0%");
    // exceljs reads a cell with a time format back as a Date from Excel's epoch; Excel itself keeps the fraction of a day.
    expect(((row.getCell(3).value as Date).getTime() - EXCEL_EPOCH) / 1000).toBeCloseTo(4000, 3);
    expect(row.getCell(3).numFmt).toBe("[h]:mm:ss");
    expect(row.getCell(4).value).toBe(13);
    // The wall clock in Berlin, stored zone-less as Excel dates are.
    expect((row.getCell(5).value as Date).toISOString()).toBe("2026-03-29T03:30:00.000Z");
  });

  test.each<ExportFormat>(["csv", "xlsx"])("%s: a cell that starts a formula is never one", async (format) => {
    const hostile = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "@SUM(A1)", "-2+3"];
    const t: ExportTable = { title: "Hostile", timeZone: ZONE, columns: [text("Subject")], rows: hostile.map((s) => [s]) };
    if (format === "csv") {
      const { cells } = await csvOf(t);
      expect(cells.slice(1).map(([cell]) => cell)).toEqual(hostile.map((s) => `'${s}`));
    } else {
      const { rows } = await xlsxOf(t);
      for (const [i, row] of rows.slice(1).entries()) {
        expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
        expect(row.getCell(1).value).toBe(hostile[i]);
      }
    }
  });

  test.each<ExportFormat>(["csv", "xlsx"])("%s: rows from an async source are written in order, across many batches", async (format) => {
    const count = 20_000;
    let produced = 0;
    async function* rows(): AsyncGenerator<ExportRow> {
      for (let i = 0; i < count; i++) {
        produced++;
        yield [`T${i}`, i % 100, i, i, null];
      }
    }
    const t = table(rows());
    const response = exportResponse(t, format);
    if (format === "csv") {
      // A CSV's rows are read as the file is sent, not all before: at most a batch runs ahead of the reader.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(produced).toBeLessThanOrEqual(500);
    }
    if (format === "csv") {
      const cells = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
      expect(cells).toHaveLength(count + 1);
      expect(cells.slice(1).map((r) => r[0])).toEqual(Array.from({ length: count }, (_, i) => `T${i}`));
    } else {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const ids: unknown[] = [];
      workbook.worksheets[0]!.eachRow((row, n) => n > 1 && ids.push(row.getCell(1).value));
      expect(ids).toEqual(Array.from({ length: count }, (_, i) => `T${i}`));
    }
  });

  test("a file name is the title's slug and the organisation's date", () => {
    expect(exportFileName("First response time - Billing/Email", "csv", new Date("2026-03-28T23:30:00Z"), ZONE)).toBe("first-response-time-billingemail-2026-03-29.csv");
    expect(exportFileName("Ünïcode ✓", "xlsx", new Date("2026-03-28T12:00:00Z"), ZONE)).toBe("unicode-2026-03-28.xlsx");
  });
});
