import type { PrismaClient } from "@/lib/generated/prisma/client";

import { ZImportMapping, type ImportMapping } from "./import-mapping";

export interface SavedImportMapping {
  name: string;
  mapping: ImportMapping;
}

/**
 * Saved mappings, each validated as it is read: one that no longer fits the schema (a field since
 * renamed) is left out of the list rather than offered and then failing on the first row.
 */
export async function listImportMappings(prisma: PrismaClient): Promise<SavedImportMapping[]> {
  const rows = await prisma.importMapping.findMany({ orderBy: { name: "asc" } });
  return rows.flatMap((row) => {
    const parsed = ZImportMapping.safeParse(row.definition);
    return parsed.success ? [{ name: row.name, mapping: parsed.data }] : [];
  });
}

/** The saved mapping of that name, or null if there is none or it no longer validates. */
export async function findImportMapping(prisma: PrismaClient, name: string): Promise<ImportMapping | null> {
  const row = await prisma.importMapping.findUnique({ where: { name } });
  const parsed = row && ZImportMapping.safeParse(row.definition);
  return parsed?.success ? parsed.data : null;
}

/** Saves under `name`, replacing a mapping saved under it before. */
export async function saveImportMapping(prisma: PrismaClient, name: string, mapping: ImportMapping): Promise<void> {
  const definition = ZImportMapping.parse(mapping);
  await prisma.importMapping.upsert({
    where: { name },
    create: { name, kind: definition.kind, definition },
    update: { kind: definition.kind, definition },
  });
}
