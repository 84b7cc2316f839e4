import type { UserContext } from "@/lib/auth/guards";
import { snapshotCache } from "@/lib/dashboards/load-dashboard";

import { ingestBatch, IngestRejectedError, type IngestCounts } from "./ingest-batch";
import { emitRecordsIngested } from "./ingest-events";
import { parseIngestBatch, type RecordError, type RecordKind } from "./record-schemas";

export type ImportResult = { ok: true; stored: IngestCounts } | { ok: false; errors: RecordError[] };

/**
 * One chunk of a CSV import: validated again on the server (the browser is not trusted), stored
 * atomically. Whoever imported a file expects to see it on the dashboards now, not an interval
 * later, so a stored chunk drops the cached snapshots and is announced like an ingested batch.
 */
export async function importRecords({ prisma }: Pick<UserContext, "prisma">, kind: RecordKind, records: unknown[]): Promise<ImportResult> {
  const parsed = parseIngestBatch({ [kind]: records });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  let stored: IngestCounts;
  try {
    stored = await ingestBatch(prisma, parsed.batch);
  } catch (error) {
    if (error instanceof IngestRejectedError) return { ok: false, errors: error.errors };
    throw error;
  }
  emitRecordsIngested({ prisma, stored });
  snapshotCache.clear();
  return { ok: true, stored };
}
