import fs from "node:fs";
import path from "node:path";

import { expect, test } from "vitest";

import { writeCsv } from "@/lib/csv/write-csv";
import { blobTextChunks } from "@/lib/import/blob-text-chunks";
import { importDelimitedFile } from "@/lib/import/import-delimited-file";
import { readerForMapping } from "@/lib/import/import-presets";
import { suggestMapping } from "@/lib/import/suggest-mapping";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { CSV_FIELDS } from "@/lib/ingest/csv/csv-row-to-record";
import { MAX_BATCH_RECORDS, parseIngestBatch, type CallRecord } from "@/lib/ingest/record-schemas";
import { clearRecords, snapshotRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { technionCallsToRecords } from "./technion-calls";

// The project's shared folder sits beside the repository (SPEC section 9), in CI as here.
const DATASET = path.resolve(import.meta.dirname, "../../../shared/datasets/technion-bank-calls-one-day.csv");
if (!fs.existsSync(DATASET)) throw new Error(`The real call-centre data set is expected at ${DATASET} (shared/ beside the repository).`);
const CSV = fs.readFileSync(DATASET, "utf8");

function toCsv(records: CallRecord[]): string {
  const fields = CSV_FIELDS.calls;
  return writeCsv(fields, records.map((r) => fields.map((f) => (r as Record<string, string | number | undefined>)[f])));
}

test("the bank's day converts to valid call records, one per real call", () => {
  const records = technionCallsToRecords(CSV);
  expect(records).toHaveLength(2_375 - 18); // PHANTOM rows dropped
  expect(new Set(records.map((r) => r.externalId)).size).toBe(records.length);
  const parsed = parseIngestBatch({ calls: records });
  expect(parsed.ok).toBe(true);
  expect(records.filter((r) => r.answeredAt)).toHaveLength(1_511);
  expect(records.filter((r) => !r.answeredAt && r.queuedAt)).toHaveLength(728);
  expect(records.filter((r) => !r.answeredAt && !r.queuedAt)).toHaveLength(118);
  expect(records[0]!.endedAt).toMatch(/\+03:00$/); // Israel summer time
});

describeEachDatabase("the bank's day through both ingest paths", ({ db }) => {
  test("the API batches and the CSV importer store identical data", async () => {
    const { prisma } = db();
    const records = technionCallsToRecords(CSV);

    for (let i = 0; i < records.length; i += MAX_BATCH_RECORDS) {
      const parsed = parseIngestBatch({ calls: records.slice(i, i + MAX_BATCH_RECORDS) });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
      await ingestBatch(prisma, parsed.batch);
    }
    const viaApi = await snapshotRecords(prisma);
    expect(viaApi.calls).toHaveLength(records.length);

    await clearRecords(prisma);
    const progress: number[] = [];
    const parsed: Record<string, unknown>[] = [];
    const csv = await importDelimitedFile({
      kind: "calls",
      chunks: blobTextChunks(new Blob([toCsv(records)]), (share) => progress.push(share)),
      // A file in Deskpulse's own format, read as the import page reads one.
      readerFor: readerForMapping(suggestMapping("calls", CSV_FIELDS.calls, [], "UTC")),
      store: async (batch) => (parsed.push(...batch), { ok: true }),
    });
    expect(csv.errors).toEqual([]);
    expect(progress.at(-1)).toBe(1);
    const calls = parsed as CallRecord[];
    for (let i = 0; i < calls.length; i += 1_000) await ingestBatch(prisma, { calls: calls.slice(i, i + 1_000) });
    expect(await snapshotRecords(prisma)).toEqual(viaApi);
  });
});
