import fs from "node:fs";

import { expect, test } from "./fixtures";

function ticketsCsv(): string {
  const header = "externalId,channel,priority,subject,team,assignee,status,createdAt,firstResponseAt,resolvedAt,reopens";
  const rows = Array.from({ length: 2_500 }, (_, i) => {
    const n = String(i).padStart(5, "0");
    return `E2E-${n},email,normal,"Question, with a comma",e2e-team,e2e-agent,open,2026-05-04T09:00:00+02:00,2026-05-04T09:20:00+02:00,,0`;
  });
  // Three bad rows: an unknown channel, a timestamp without an offset, a negative reopen count.
  rows[10] = rows[10]!.replace(",email,", ",fax,");
  rows[500] = rows[500]!.replace("2026-05-04T09:00:00+02:00", "2026-05-04T09:00:00");
  rows[2_000] = rows[2_000]!.replace(/,0$/, ",-1");
  return [header, ...rows].join("\n");
}

const backlog = async (page: import("@playwright/test").Page) => {
  await page.goto("/");
  return Number((await page.getByTestId("kpi-backlog-value").textContent())!.replace(/,/g, ""));
};

test("a manager uploads a CSV with a few bad rows, imports the valid ones and downloads the error report", async ({ page }, testInfo) => {
  const backlogBefore = await backlog(page);
  await page.goto("/import");
  await page.getByLabel("Record kind").selectOption("tickets");
  await page.getByLabel("CSV file").setInputFiles({ name: "tickets.csv", mimeType: "text/csv", buffer: Buffer.from(ticketsCsv()) });

  await test.step("the check reports the bad rows by line and field", async () => {
    await expect(page.getByTestId("csv-summary")).toHaveText("2,500 rows · 2,497 valid · 3 with errors");
    const table = page.getByRole("table", { name: "Rows with errors" });
    await expect(table.getByRole("row")).toHaveCount(4);
    await expect(table).toContainText("channel");
    await expect(table).toContainText("must be one of email, chat, phone, social, web");
    await expect(table).toContainText("must be an ISO 8601 timestamp with an offset");
  });

  await test.step("the error report downloads with every problem", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download error report" }).click();
    const report = fs.readFileSync(await (await download).path(), "utf8").trim().split(/\r?\n/);
    expect(report[0]).toBe("line,field,message");
    expect(report.slice(1).map((line) => line.split(",")[0])).toEqual(["12", "502", "2002"]);
  });

  await test.step("importing the valid rows runs the progress bar to the end", async () => {
    await page.getByRole("button", { name: "Import 2,497 valid rows" }).click();
    await expect(page.getByRole("status")).toContainText("Import finished");
    await expect(page.getByRole("progressbar", { name: "Imported" })).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByRole("status")).toContainText("2,497 rows imported, 3 rows with errors skipped");
  });
  await testInfo.attach("import-1280x800", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // The imported tickets are open, so they are in the product's numbers from now on.
  expect(await backlog(page)).toBe(backlogBefore + 2_497);
});
