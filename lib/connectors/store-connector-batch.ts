import { snapshotCache } from "@/lib/dashboards/load-dashboard";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestBatch, IngestRejectedError } from "@/lib/ingest/ingest-batch";
import { emitRecordsIngested } from "@/lib/ingest/ingest-events";
import { parseIngestBatch, type RecordError } from "@/lib/ingest/record-schemas";

/** An adapter produced records the ingest contract refuses: a bug or a vendor field we do not map. */
export class ConnectorBatchRejectedError extends Error {
  constructor(readonly errors: RecordError[]) {
    const first = errors[0];
    super(
      `${errors.length} record(s) from the vendor were refused` +
        (first ? ` (first: ${first.kind}${first.index === null ? "" : `[${first.index}]`}${first.field ? `.${first.field}` : ""} ${first.message})` : ""),
    );
    this.name = "ConnectorBatchRejectedError";
  }
}

/**
 * Stores one page or webhook delivery exactly as `POST /api/v1/ingest` would: validated again (an
 * adapter is not trusted more than a caller of the API), one atomic upsert, then announced and the
 * cached snapshots dropped so the dashboards show it now. Returns the number of records stored.
 */
export async function storeConnectorBatch(prisma: PrismaClient, batch: unknown): Promise<number> {
  const parsed = parseIngestBatch(batch);
  if (!parsed.ok) throw new ConnectorBatchRejectedError(parsed.errors);
  const total = Object.values(parsed.batch).reduce<number>((sum, list: unknown[] | undefined) => sum + (list?.length ?? 0), 0);
  if (total === 0) return 0;
  let stored;
  try {
    stored = await ingestBatch(prisma, parsed.batch);
  } catch (error) {
    if (error instanceof IngestRejectedError) throw new ConnectorBatchRejectedError(error.errors);
    throw error;
  }
  emitRecordsIngested({ prisma, stored });
  snapshotCache.clear();
  return Object.values(stored).reduce((sum, count) => sum + count, 0);
}
