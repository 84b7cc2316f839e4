import type { Metadata } from "next";

import { requirePage } from "@/lib/auth/guards";
import type { KpiDefinition } from "@/lib/kpi/catalog";
import { definitionsPageView } from "@/lib/views/definitions-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "KPI definitions" };

const FAMILY_TITLES: Record<KpiDefinition["family"] | "custom", string> = {
  tickets: "Tickets",
  replies: "Replies",
  sla: "Service-level agreements",
  calls: "Calls",
  surveys: "Surveys",
  knowledge_base: "Knowledge base",
  live: "Live",
  custom: "Your own KPIs",
};
const UNIT_LABELS: Record<KpiDefinition["unit"], string> = {
  count: "count",
  seconds: "duration",
  percent: "percent",
  score: "score",
  ratio: "ratio",
};
const DIRECTION_LABELS: Record<KpiDefinition["direction"], string> = {
  higher: "Higher is better",
  lower: "Lower is better",
  neutral: "Neither direction is better",
};

/** Every KPI with its exact definition, generated from the catalog the numbers are computed from. */
export default async function KpiDefinitionsPage() {
  const { timeZone, families } = await definitionsPageView(await requirePage());
  return (
    <main className="mx-auto max-w-6xl space-y-10 px-6 py-10">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">KPI definitions</h1>
        <p className="mt-1 max-w-3xl text-slate-500 dark:text-slate-400">
          Each KPI counts a record in the window of the moment that completes what it measures: a first response at its
          time, a resolution at its time, a call when it ends. Windows include their start and exclude their end, in{" "}
          {timeZone}.
        </p>
      </div>
      {families.map(({ family, kpis }) => (
        <section key={family} aria-labelledby={`family-${family}`}>
          <h2 id={`family-${family}`} className="text-lg font-semibold">
            {FAMILY_TITLES[family]}
          </h2>
          <dl className="mt-3 divide-y divide-slate-200 overflow-hidden rounded-2xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {kpis.map((kpi) => (
              <div key={kpi.key} id={kpi.key} className="grid gap-2 p-5 md:grid-cols-[16rem_1fr_12rem]">
                <dt>
                  <span className="font-medium text-slate-900">{kpi.name}</span>
                  <code className="mt-1 block text-xs text-slate-500 dark:text-slate-400">{kpi.key}</code>
                </dt>
                <dd className="text-slate-700 dark:text-slate-200">
                  <p className="text-slate-900" data-testid="kpi-plain">{kpi.plain}</p>
                  <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">{kpi.definition}</p>
                </dd>
                <dd className="text-sm text-slate-500 dark:text-slate-400">
                  <span className="block">{DIRECTION_LABELS[kpi.direction]}</span>
                  <span className="block">
                    Unit: {UNIT_LABELS[kpi.unit]}
                    {kpi.distribution ? " · mean, median, p90" : ""}
                    {kpi.marginOfError ? " · 95 % margin of error" : ""}
                  </span>
                  {kpi.businessHours ? <span className="block">Calendar or business hours</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </main>
  );
}
