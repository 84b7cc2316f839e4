import fs from "node:fs";
import path from "node:path";

import { expect, test } from "vitest";

import { technionCallsToRecords } from "@/lib/datasets/technion-calls";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { importRecords } from "@/lib/ingest/import-records";
import { MAX_BATCH_RECORDS, parseIngestBatch } from "@/lib/ingest/record-schemas";
import { clearRecords, snapshotRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { blobTextChunks } from "./blob-text-chunks";
import { importDelimitedFile, type StoreRecords } from "./import-delimited-file";
import { IMPORT_PRESETS } from "./import-presets";
import { TECHNION_TIME_ZONE } from "./technion-row-reader";

// The shared folder sits beside the repository (SPEC section 9).
const SHARED = path.resolve(import.meta.dirname, "../../../shared/datasets");
const DAY = fs.readFileSync(path.join(SHARED, "technion-bank-calls-one-day.csv"), "utf8");
const MONTHLY = fs.readFileSync(path.join(SHARED, "technion-bank-calls-1999-10-01-to-03.txt"), "utf8");
const MERGED = fs.readFileSync(path.join(import.meta.dirname, "fixtures/technion-monthly-merged-row.txt"), "utf8");

const readerFor = IMPORT_PRESETS.technion.readerFor(TECHNION_TIME_ZONE);
const acceptAll: StoreRecords = async () => ({ ok: true });
/** Small blobs to exercise the chunked path: a record straddles many slice edges. */
const chunksOf = (text: string) => blobTextChunks(new Blob([text]));

test("the monthly layout imports with the counts the raw file implies", async () => {
  // Counted from the raw text, independently of the importer: tab-separated, one call per line.
  const lines = MONTHLY.split(/\r?\n/).filter((l) => l.trim() !== "").slice(1).map((l) => l.split("\t"));
  const phantom = lines.filter((fields) => fields.includes("PHANTOM")).length;
  const merged = lines.filter((fields) => fields.length === 16).length;
  expect(lines.length).toBe(2_566);

  const stored: Record<string, unknown>[] = [];
  const report = await importDelimitedFile({ kind: "calls", chunks: chunksOf(MONTHLY), readerFor, store: async (r) => (stored.push(...r), { ok: true }) });
  expect(report).toMatchObject({ rows: lines.length, skipped: phantom, withErrors: 0, stored: lines.length - phantom, errors: [] });
  expect(merged).toBe(0); // the shared file has none; the fixture below does
  expect(stored[0]).toMatchObject({ externalId: "bank-1999-10-01-AA0101-46086", endedAt: "1999-09-30T22:25:12.000Z" });
});

test("merged priority-and-type rows are read, a service past midnight ends the next day, PHANTOM is skipped", async () => {
  const stored: Record<string, unknown>[] = [];
  const report = await importDelimitedFile({ kind: "calls", chunks: chunksOf(MERGED), readerFor, store: async (r) => (stored.push(...r), { ok: true }) });
  expect(report).toEqual({
    rows: 5,
    stored: 3,
    skipped: 1,
    withErrors: 1,
    errors: [{ line: 6, field: "date", message: '"991331" is not a date as yyyy-MM-dd or YYMMDD' }],
  });
  expect(stored[1]).toMatchObject({ externalId: "bank-1999-10-01-AA0102-46100", queue: "NW", agent: "MORIAH", talkSeconds: 240 });
  expect(stored[2]).toMatchObject({ answeredAt: "1999-10-01T21:59:30.000Z", endedAt: "1999-10-01T22:03:30.000Z" });
});

test("technionCallsToRecords reads the monthly layout too (it is the preset)", () => {
  expect(technionCallsToRecords(MERGED.split("\n").slice(0, 5).join("\n"))).toHaveLength(3);
});

describeEachDatabase("the bank's day through the technion preset", ({ db }) => {
  test("stores the same calls as the ingest API path", async () => {
    const { prisma } = db();
    const records = technionCallsToRecords(DAY);
    for (let i = 0; i < records.length; i += MAX_BATCH_RECORDS) {
      const parsed = parseIngestBatch({ calls: records.slice(i, i + MAX_BATCH_RECORDS) });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
      await ingestBatch(prisma, parsed.batch);
    }
    const viaApi = await snapshotRecords(prisma);
    await clearRecords(prisma);

    const progress: number[] = [];
    const report = await importDelimitedFile({
      kind: "calls",
      chunks: blobTextChunks(new Blob([DAY]), (share) => progress.push(share)),
      readerFor,
      store: (batch) => importRecords({ prisma }, "calls", batch),
    });
    expect(report).toEqual({ rows: 2_375, stored: 2_375 - 18, skipped: 18, withErrors: 0, errors: [] });
    expect(progress.at(-1)).toBe(1);
    expect(await snapshotRecords(prisma)).toEqual(viaApi);
  });
});

test("a dry run counts every row once, errors in file order, a broken quote at its line", async () => {
  const csv = ['id,name', '1,"never closed', '2,Bob', '', '3,', '4,"x""y"', '5,"two', 'lines"'].join("\n");
  const report = await importDelimitedFile({
    kind: "teams",
    chunks: chunksOf(csv),
    readerFor: (header) => ({ ok: true, read: (fields) => ({ status: "record", record: Object.fromEntries(header.map((h, i) => [h === "id" ? "externalId" : h, fields[i]])) }) }),
    store: acceptAll,
  });
  expect(report.rows).toBe(report.stored + report.skipped + report.withErrors);
  expect(report).toMatchObject({ rows: 5, stored: 3, withErrors: 2 });
  expect(report.errors.map((e) => [e.line, e.field])).toEqual([
    [2, null],
    [5, "name"],
  ]);
});
