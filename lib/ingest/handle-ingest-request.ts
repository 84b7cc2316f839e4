import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";

import { ingestBatch, IngestRejectedError } from "./ingest-batch";
import { emitRecordsIngested } from "./ingest-events";
import { countRecords, MAX_BATCH_RECORDS, parseIngestBatch, type RecordError } from "./record-schemas";

/** 5,000 records of a few hundred bytes each fit comfortably; anything far larger is refused unread. */
export const MAX_INGEST_BODY_BYTES = 10_000_000;

/** POST /api/v1/ingest, SPEC section 2, for an authorised caller's JSON body: bound, validate every record, store atomically. */
export async function handleIngestRequest(prisma: PrismaClient, body: unknown): Promise<Response> {
  const records = countRecords(body);
  if (records > MAX_BATCH_RECORDS) {
    return problem(413, "too_many_records", `A batch holds at most ${MAX_BATCH_RECORDS} records; this one has ${records}.`);
  }
  const parsed = parseIngestBatch(body);
  if (!parsed.ok) return invalidRecords(parsed.errors);
  try {
    const stored = await ingestBatch(prisma, parsed.batch);
    // Listeners (achievements) react as data arrives, not when someone next looks; the response does not wait.
    emitRecordsIngested({ prisma, stored });
    return Response.json({ stored }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof IngestRejectedError) return invalidRecords(error.errors);
    throw error;
  }
}

/** 400 listing every record problem, as `errors` (kind, index, field) and as RFC 9457 `invalid_params`. */
function invalidRecords(errors: RecordError[]): Response {
  const invalidParams = errors.map(({ kind, index, field, message }) => {
    const list = kind === "batch" ? null : index === null ? kind : `${kind}[${index}]`;
    return { name: [list, field].filter(Boolean).join(".") || "body", reason: message };
  });
  return problem(400, "invalid_records", `${errors.length} problem(s) in the batch; nothing was stored.`, {
    invalidParams,
    extensions: { errors },
  });
}
