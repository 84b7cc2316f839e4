import fs from "node:fs";

import ExcelJS from "exceljs";
import Papa from "papaparse";

import { formatKpiValue } from "../lib/kpi/format-kpi-value";

import { expect, test, type Page } from "./fixtures";

// Issue #22's exports: a manager downloads what a page shows, and the file holds the same values.

async function download(page: Page, menu: ReturnType<Page["getByTestId"]>, format: "CSV" | "Excel (.xlsx)") {
  // The menu stays open after a download; a second one must not close it.
  if (!(await menu.evaluate((details: HTMLDetailsElement) => details.open))) await menu.locator("summary").click();
  const [file] = await Promise.all([page.waitForEvent("download"), menu.getByRole("link", { name: format }).click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

const csvRows = (bytes: Buffer) => Papa.parse<string[]>(bytes.toString("utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

test("the KPI page's by-team table downloads as CSV and Excel with the values on screen", async ({ page }) => {
  await page.goto("/kpis/csat?preset=last_7_days");
  const panel = page.getByTestId("kpi-by-team");
  const shown = await panel.getByTestId("team-row").evaluateAll((rows) =>
    rows.map((row) => [row.querySelector("td")!.textContent!.trim(), row.querySelector("[data-testid=team-value]")!.textContent!.trim()]),
  );
  expect(shown.length).toBeGreaterThan(1);

  const csv = await download(page, panel.getByTestId("export-menu"), "CSV");
  expect(csv.name).toMatch(/^customer-satisfaction-by-team-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = csvRows(csv.bytes);
  expect(rows[0]).toEqual(["Team", "Customer satisfaction (%)", "Records"]);
  expect(rows.slice(1).map(([team, value]) => [team, formatKpiValue(value === "" ? null : Number(value), "percent")])).toEqual(shown);

  const xlsx = await download(page, panel.getByTestId("export-menu"), "Excel (.xlsx)");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const fromSheet: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const value = row.getCell(2).value as number | null;
    expect(row.getCell(2).numFmt).toBe("0.0%");
    fromSheet.push([String(row.getCell(1).value), formatKpiValue(value === null ? null : value * 100, "percent")]);
  });
  expect(fromSheet).toEqual(shown);
});

test("a records list exports every record with its sort, not only the page on screen", async ({ page }) => {
  await page.goto("/records/tickets?preset=last_7_days&sort=priority&dir=asc");
  const title = await page.getByRole("heading", { level: 2 }).first().textContent();
  const total = Number(title!.match(/^(\d+) tickets$/)![1]);
  expect(total).toBeGreaterThan(25);
  const firstOnScreen = (await page.getByTestId("record-row").first().locator("td").first().textContent())!.trim();

  const xlsx = await download(page, page.getByTestId("export-menu"), "Excel (.xlsx)");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(total + 1);
  expect(sheet.getRow(2).getCell(1).value).toBe(firstOnScreen);
  expect(sheet.getRow(1).getCell(8).value).toBe("Created");
  expect(sheet.getRow(2).getCell(8).value).toBeInstanceOf(Date);
});

test("a dashboard widget's menu downloads its numbers", async ({ page }) => {
  await page.goto("/?preset=today");
  const card = page.getByTestId("kpi-tickets-solved");
  const shown = (await card.getByTestId("kpi-tickets-solved-value").textContent())!.trim();
  const csv = await download(page, card.getByTestId("export-menu"), "CSV");
  const rows = csvRows(csv.bytes);
  expect(rows[0]).toEqual(["KPI", "Value", "Previous period", "Target", "Records"]);
  expect(rows[1]![0]).toBe("Tickets solved");
  expect(formatKpiValue(Number(rows[1]![1]), "count")).toBe(shown);
});
