import Link from "next/link";
import { forbidden } from "next/navigation";
import { z } from "zod";

import { KpiStat } from "@/components/kpi/kpi-stat";
import { requirePage } from "@/lib/auth/guards";
import { applyKpiScope, kpiScopeOf } from "@/lib/auth/kpi-scope";
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

const ZSearch = z.object({ team: z.union([z.string(), z.array(z.string())]).optional() });

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { prisma, principal } = await requirePage();
  const search = ZSearch.safeParse(await searchParams);
  const teamParam = search.success ? search.data.team : undefined;
  const requested = { ...NO_FILTERS, team: teamParam === undefined ? [] : [teamParam].flat() };
  const scope = kpiScopeOf(principal);
  const scoped = await applyKpiScope(prisma, scope, requested);
  // Another team's numbers are a 403, never an empty page that would confirm the team exists.
  if (!scoped.ok) forbidden();

  const org = await getOrgSettings(prisma);
  const now = new Date();
  const window = presetWindow("today", now, org.timeZone);
  const [kpis, teams] = await Promise.all([
    getKpiSnapshot(
      prisma,
      TODAY.map((item) => item.key),
      { ...window, timeZone: org.timeZone, filters: scoped.filters, now, serviceLevelSeconds: org.serviceLevelSeconds, grouping: NO_GROUPING },
    ),
    scope.kind === "agent" || scope.kind === "none"
      ? []
      : prisma.team.findMany({
          where: scope.kind === "teams" ? { externalId: { in: scope.teams } } : {},
          select: { externalId: true, name: true },
          orderBy: { name: "asc" },
        }),
  ]);
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: org.timeZone, dateStyle: "full" }).format(window.from);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: org.timeZone, timeStyle: "short" }).format(now);
  const selected = new Set(requested.team);
  const heading = scope.kind === "agent" ? "Your day" : "Today";

  return (
    <main className="mx-auto max-w-6xl px-6 py-10">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{heading}</h1>
          <p className="mt-1 text-slate-500">{day}</p>
        </div>
        <p className="text-sm text-slate-500">
          Computed at {time} ({org.timeZone}) · <Link className="underline hover:text-slate-700" href="/kpis">How each KPI is defined</Link>
        </p>
      </div>
      {teams.length > 1 && (
        <nav aria-label="Team" className="mt-6 flex flex-wrap gap-2" data-testid="team-filter">
          <TeamChip href="/" label={scope.kind === "teams" ? "All my teams" : "All teams"} active={selected.size === 0} />
          {teams.map((team) => (
            <TeamChip key={team.externalId} href={`/?team=${encodeURIComponent(team.externalId)}`} label={team.name} active={selected.has(team.externalId)} />
          ))}
        </nav>
      )}
      <div className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
        {TODAY.map((item) => (
          <KpiStat key={item.key} kpiKey={item.key} result={kpis.get(item.key)} sampleNoun={item.sample} />
        ))}
      </div>
    </main>
  );
}

function TeamChip({ href, label, active }: { href: string; label: string; active: boolean }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-full border px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
        active ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"
      }`}
    >
      {label}
    </Link>
  );
}
