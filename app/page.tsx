import { AppHeader } from "@/components/layout/app-header";
import { KpiStat } from "@/components/kpi/kpi-stat";
import { getDb } from "@/lib/db/get-db";
import { getOrgSettings } from "@/lib/org/get-org-settings";
import { getTodaySummary } from "@/lib/overview/get-today-summary";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { prisma } = await getDb();
  const org = await getOrgSettings(prisma);
  const summary = await getTodaySummary(prisma, org.timeZone);
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: org.timeZone, dateStyle: "full" }).format(summary.from);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: org.timeZone, timeStyle: "short" }).format(summary.computedAt);

  return (
    <>
      <AppHeader orgName={org.name} />
      <main className="mx-auto max-w-6xl px-6 py-10">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h1 className="text-3xl font-semibold tracking-tight">Today</h1>
            <p className="mt-1 text-slate-500">{day}</p>
          </div>
          <p className="text-sm text-slate-500">
            Computed at {time} ({org.timeZone})
          </p>
        </div>
        <div className="mt-8 grid gap-6 md:grid-cols-3">
          <KpiStat
            testId="kpi-ticket-volume"
            label="Ticket volume"
            value={summary.ticketVolume}
            hint="Tickets created today"
          />
          <KpiStat
            testId="kpi-tickets-solved"
            label="Tickets solved"
            value={summary.ticketsSolved}
            hint="Tickets resolved today"
          />
          <KpiStat
            testId="kpi-backlog"
            label="Open backlog"
            value={summary.openBacklog}
            hint="Created and not yet resolved"
          />
        </div>
      </main>
    </>
  );
}
