import type { PrismaClient } from "@/lib/generated/prisma/client";

import { ingestBatch, IngestRejectedError, type IngestCounts } from "./ingest-batch";
import { emitRecordsIngested } from "./ingest-events";
import { parseIngestBatch, type RecordError, type RecordKind } from "./record-schemas";

export type ImportResult = { ok: true; stored: IngestCounts } | { ok: false; errors: RecordError[] };

/** One chunk of a CSV import: validated again on the server (the browser is not trusted), stored atomically. */
export async function importRecords(prisma: PrismaClient, kind: RecordKind, records: unknown[]): Promise<ImportResult> {
  const parsed = parseIngestBatch({ [kind]: records });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  try {
    const stored = await ingestBatch(prisma, parsed.batch);
    emitRecordsIngested({ prisma, stored });
    return { ok: true, stored };
  } catch (error) {
    if (error instanceof IngestRejectedError) return { ok: false, errors: error.errors };
    throw error;
  }
}
