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

const SHARED = new URL("../../shared/datasets/", import.meta.url);

function helpdeskCsv(prefix: string): string {
  return [
    "Case No,Opened (local),Contact via,State,Title",
    `${prefix}-1,08/03/2026 09:15,E-mail,Solved,Printer jam`,
    `${prefix}-2,08/03/2026 10:40,Web,Open,"Login fails, twice"`,
    `${prefix}-3,09/03/2026 08:05,E-mail,Open,Invoice copy`,
  ].join("\r\n");
}

test("a manager maps a file with foreign headers by hand, saves the mapping and reuses it on a second file", async ({ page }, testInfo) => {
  await page.goto("/import");
  await page.getByLabel("Record kind").selectOption("tickets");
  await page.getByLabel("CSV file").setInputFiles({ name: "helpdesk-march.csv", mimeType: "text/csv", buffer: Buffer.from(helpdeskCsv("HD-A")) });
  await expect(page.getByRole("heading", { name: "Map the columns of helpdesk-march.csv" })).toBeVisible();

  await test.step("map each field by hand, with a message on the form for a bad time zone", async () => {
    await page.getByLabel("Source for externalId").selectOption("column:Case No");
    await page.getByLabel("Source for channel").selectOption("column:Contact via");
    await page.getByLabel("Transform for channel").selectOption("map");
    await page.getByLabel("Values for channel").fill("E-mail=email, Web=web");
    await page.getByLabel("Source for status").selectOption("column:State");
    await page.getByLabel("Transform for status").selectOption("map");
    await page.getByLabel("Values for status").fill("Solved=solved, Open=open");
    await page.getByLabel("Source for subject").selectOption("column:Title");
    await page.getByLabel("Source for createdAt").selectOption("column:Opened (local)");
    await page.getByLabel("Transform for createdAt").selectOption("date");
    await page.getByLabel("Date format for createdAt").fill("dd/MM/yyyy HH:mm");
    await page.getByLabel("Time zone for createdAt").fill("Mars/Olympus");
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByLabel("Source for createdAt")).toHaveAccessibleDescription(/must be an IANA time zone/);
    await page.getByLabel("Time zone for createdAt").fill("Europe/Berlin");
  });
  await testInfo.attach("mapping-step-1280x800", { body: await page.screenshot({ path: testInfo.outputPath("mapping-light.png"), fullPage: true }), contentType: "image/png" });
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await testInfo.attach("mapping-step-dark", { body: await page.screenshot({ path: testInfo.outputPath("mapping-dark.png"), fullPage: true }), contentType: "image/png" });
  await page.evaluate(() => document.documentElement.classList.remove("dark"));

  await test.step("save the mapping under a name", async () => {
    await page.getByLabel("Mapping name").fill("Helpdesk export");
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect(page.getByText("Saved as “Helpdesk export”.")).toBeVisible();
  });

  await test.step("check and import the file", async () => {
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByTestId("csv-summary")).toHaveText("3 rows · 3 valid · 0 with errors");
    await page.getByRole("button", { name: "Import 3 rows" }).click();
    await expect(page.getByTestId("import-result")).toContainText("3 rows imported.");
  });

  await test.step("a second file, later, through the saved mapping", async () => {
    await page.goto("/import");
    await page.getByLabel("Record kind").selectOption("tickets");
    await page.getByLabel("Read the file with").selectOption({ label: "Saved mapping: Helpdesk export" });
    await page.getByLabel("CSV file").setInputFiles({ name: "helpdesk-april.csv", mimeType: "text/csv", buffer: Buffer.from(helpdeskCsv("HD-B")) });
    await expect(page.getByLabel("Time zone for createdAt")).toHaveValue("Europe/Berlin");
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByTestId("csv-summary")).toHaveText("3 rows · 3 valid · 0 with errors");
    await page.getByRole("button", { name: "Import 3 rows" }).click();
    await expect(page.getByTestId("import-result")).toContainText("3 rows imported.");
  });
});

test("the Technion day imports through the preset, PHANTOM calls counted as skipped", async ({ page }) => {
  await page.goto("/import");
  await page.getByLabel("Record kind").selectOption("calls");
  await page.getByLabel("Read the file with").selectOption({ label: "Preset: Technion bank call centre" });
  await page.getByLabel("CSV file").setInputFiles(new URL("technion-bank-calls-one-day.csv", SHARED).pathname);
  await expect(page.getByTestId("csv-summary")).toHaveText("2,375 rows · 2,357 valid · 18 skipped · 0 with errors");
  await page.getByRole("button", { name: "Import 2,357 rows" }).click();
  await expect(page.getByTestId("import-result")).toContainText("2,357 rows imported, 18 rows the file marks as not records skipped");
});
