import type { Metadata } from "next";

import { CsvImport } from "@/components/import/csv-import";
import { requirePage } from "@/lib/auth/guards";
import { listImportMappings } from "@/lib/import/import-mappings";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  const ctx = await requirePage("data:import");
  const [mappings, settings] = await Promise.all([listImportMappings(ctx.prisma), getOrgSettings(ctx.prisma)]);
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-6 py-10">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Import a file</h1>
        <p className="mt-1 text-slate-500 dark:text-slate-400">
          A CSV or TSV file, one record kind at a time. Map its columns once and save the mapping; every row is checked before anything is
          stored.
        </p>
      </div>
      <CsvImport savedMappings={mappings} defaultTimeZone={settings.timeZone} />
    </main>
  );
}
