import Link from "next/link";

import { KpiStat } from "@/components/kpi/kpi-stat";
import { getDb } from "@/lib/db/get-db";
import type { KpiKey } from "@/lib/kpi/catalog";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING } from "@/lib/kpi/kpi-query";
import { presetWindow } from "@/lib/kpi/time-windows";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export const dynamic = "force-dynamic";

const TODAY: { key: KpiKey; sample?: string }[] = [
  { key: "ticket_volume" },
  { key: "tickets_solved" },
  { key: "backlog" },
  { key: "first_response_time", sample: "first responses" },
  { key: "csat", sample: "responses" },
  { key: "service_level", sample: "offered calls" },
  { key: "agents_available" },
  { key: "calls_waiting" },
];

export default async function HomePage() {
  const { prisma } = await getDb();
  const org = await getOrgSettings(prisma);
  const now = new Date();
  const window = presetWindow("today", now, org.timeZone);
  const kpis = await getKpiSnapshot(
    prisma,
    TODAY.map((item) => item.key),
    { ...window, timeZone: org.timeZone, filters: NO_FILTERS, now, serviceLevelSeconds: org.serviceLevelSeconds, grouping: NO_GROUPING },
  );
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: org.timeZone, dateStyle: "full" }).format(window.from);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: org.timeZone, timeStyle: "short" }).format(now);

  return (
    <main className="mx-auto max-w-6xl px-6 py-10">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Today</h1>
          <p className="mt-1 text-slate-500">{day}</p>
        </div>
        <p className="text-sm text-slate-500">
          Computed at {time} ({org.timeZone}) · <Link className="underline hover:text-slate-700" href="/kpis">How each KPI is defined</Link>
        </p>
      </div>
      <div className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
        {TODAY.map((item) => (
          <KpiStat key={item.key} kpiKey={item.key} result={kpis.get(item.key)} sampleNoun={item.sample} />
        ))}
      </div>
    </main>
  );
}
