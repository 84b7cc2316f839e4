import type { Metadata } from "next";

import { CsvImport } from "@/components/import/csv-import";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await requirePage("data:import");
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-6 py-10">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Import CSV</h1>
        <p className="mt-1 text-slate-500">
          One file per record kind. Every row is checked in your browser first; you see the problems before anything is stored.
        </p>
      </div>
      <CsvImport />
    </main>
  );
}
