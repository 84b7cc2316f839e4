"use server";

import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { saveImportMapping } from "@/lib/import/import-mappings";
import { ZImportMapping, ZMappingName } from "@/lib/import/import-mapping";
import { importRecords, type ImportResult } from "@/lib/ingest/import-records";
import { MAX_BATCH_RECORDS, RECORD_KINDS } from "@/lib/ingest/record-schemas";

const ZImportChunk = z.object({
  kind: z.enum(RECORD_KINDS),
  records: z.array(z.unknown()).min(1).max(MAX_BATCH_RECORDS),
});

export async function importChunkAction(input: unknown): Promise<ImportResult> {
  const ctx = await requireAction("data:import");
  const parsed = ZImportChunk.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: [{ kind: "batch", index: null, field: null, message: "The import request was malformed." }] };
  }
  return importRecords(ctx, parsed.data.kind, parsed.data.records);
}

export type SaveMappingResult = { ok: true } | { ok: false; errors: { field: string; message: string }[] };

const ZSaveMapping = z.object({ name: ZMappingName, mapping: ZImportMapping });

export async function saveImportMappingAction(input: unknown): Promise<SaveMappingResult> {
  const ctx = await requireAction("data:import");
  const parsed = ZSaveMapping.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) };
  }
  await saveImportMapping(ctx.prisma, parsed.data.name, parsed.data.mapping);
  return { ok: true };
}
