"use server";

import { z } from "zod";

import { getDb } from "@/lib/db/get-db";
import { importRecords, type ImportResult } from "@/lib/ingest/import-records";
import { MAX_BATCH_RECORDS, RECORD_KINDS } from "@/lib/ingest/record-schemas";

const ZImportChunk = z.object({
  kind: z.enum(RECORD_KINDS),
  records: z.array(z.unknown()).min(1).max(MAX_BATCH_RECORDS),
});

export async function importChunkAction(input: unknown): Promise<ImportResult> {
  const parsed = ZImportChunk.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: [{ kind: "batch", index: null, field: null, message: "The import request was malformed." }] };
  }
  const { prisma } = await getDb();
  return importRecords(prisma, parsed.data.kind, parsed.data.records);
}
