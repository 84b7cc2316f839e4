import Link from "next/link";

import { KPI_CATALOG, type KpiKey } from "@/lib/kpi/catalog";
import { withParam } from "@/lib/views/with-param";

/** Choose the KPI a page ranks on; plain links, so the choice is in the URL. */
export function KpiPicker({ current, search, live = false }: { current: KpiKey; search: string; live?: boolean }) {
  return (
    <nav aria-label="Rank on" className="flex flex-wrap gap-1.5 text-sm">
      {KPI_CATALOG.filter((k) => live || !("live" in k)).map((k) => (
        <Link
          key={k.key}
          href={withParam(search, "kpi", k.key)}
          aria-current={k.key === current ? "true" : undefined}
          className={`rounded-full border px-2.5 py-0.5 ${k.key === current ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 text-slate-700 dark:text-slate-200 hover:bg-slate-100 dark:hover:bg-slate-800"}`}
        >
          {k.name}
        </Link>
      ))}
    </nav>
  );
}
