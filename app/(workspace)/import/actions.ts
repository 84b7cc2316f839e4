"use server";

import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { snapshotCache } from "@/lib/dashboards/load-dashboard";
import { importRecords, type ImportResult } from "@/lib/ingest/import-records";
import { MAX_BATCH_RECORDS, RECORD_KINDS } from "@/lib/ingest/record-schemas";

const ZImportChunk = z.object({
  kind: z.enum(RECORD_KINDS),
  records: z.array(z.unknown()).min(1).max(MAX_BATCH_RECORDS),
});

export async function importChunkAction(input: unknown): Promise<ImportResult> {
  const { prisma } = await requireAction("data:import");
  const parsed = ZImportChunk.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: [{ kind: "batch", index: null, field: null, message: "The import request was malformed." }] };
  }
  const result = await importRecords(prisma, parsed.data.kind, parsed.data.records);
  // Whoever imported a file expects to see it on the dashboards now, not an interval later.
  if (result.ok) snapshotCache.clear();
  return result;
}
