import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-json-body";

import { ingestBatch, IngestRejectedError } from "./ingest-batch";
import { emitRecordsIngested } from "./ingest-events";
import { countRecords, MAX_BATCH_RECORDS, parseIngestBatch } from "./record-schemas";

/** 5,000 records of a few hundred bytes each fit comfortably; anything far larger is refused unread. */
export const MAX_INGEST_BODY_BYTES = 10_000_000;

/** POST /api/v1/ingest, SPEC section 2, for an authorised caller: bound, validate every record, store atomically. */
export async function handleIngestRequest(prisma: PrismaClient, request: Request): Promise<Response> {
  const read = await readJsonBody(request, MAX_INGEST_BODY_BYTES);
  if (!read.ok) return read.response;

  const records = countRecords(read.body);
  if (records > MAX_BATCH_RECORDS) {
    return problem(413, "too_many_records", `A batch holds at most ${MAX_BATCH_RECORDS} records; this one has ${records}.`);
  }
  const parsed = parseIngestBatch(read.body);
  if (!parsed.ok) {
    return problem(400, "invalid_records", `${parsed.errors.length} problem(s) in the batch; nothing was stored.`, {
      errors: parsed.errors,
    });
  }
  try {
    const stored = await ingestBatch(prisma, parsed.batch);
    // Achievements are awarded as data arrives, not when someone next looks; the response does not wait.
    emitRecordsIngested({ prisma, stored });
    return Response.json({ stored }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof IngestRejectedError) {
      return problem(400, "invalid_records", `${error.errors.length} problem(s) in the batch; nothing was stored.`, {
        errors: error.errors,
      });
    }
    throw error;
  }
}
