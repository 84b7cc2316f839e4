import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CompetitionWidget } from "@/components/dashboard/widgets/competition-widget";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { can } from "@/lib/auth/access";
import { requirePage, type UserContext } from "@/lib/auth/guards";
import { scopeOf, visibleSubjects } from "@/lib/auth/scope";
import { getKpiDefinition } from "@/lib/kpi/catalog";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { competitionStanding, scopedStanding } from "@/lib/motivation/competitions";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import { deleteCompetitionAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Competition" };

async function load(ctx: UserContext, id: number) {
  const competition = Number.isSafeInteger(id) ? await ctx.prisma.competition.findUnique({ where: { id } }) : null;
  if (!competition) return null;
  const now = new Date();
  const org = await getOrgSettings(ctx.prisma);
  const canSee = await visibleSubjects(ctx.prisma, scopeOf(ctx.principal));
  return { org, now: now.getTime(), standing: scopedStanding(await competitionStanding(ctx.prisma, competition, org, now), canSee) };
}

export default async function CompetitionPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePage();
  const loaded = await load(ctx, Number((await params).id));
  if (!loaded) notFound();
  const { org, now, standing: s } = loaded;
  const kpi = getKpiDefinition(s.kpi);
  const format = new Intl.DateTimeFormat("en-GB", { timeZone: org.timeZone, dateStyle: "medium" });
  const stamp = new Intl.DateTimeFormat("en-GB", { timeZone: org.timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-6 py-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href="/competitions" className="text-sm font-medium text-indigo-700 hover:underline">
            ← All competitions
          </Link>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight">{s.name}</h1>
          <p className="mt-1 text-slate-500">
            {kpi.name} · {format.format(new Date(s.startsAt))} – {format.format(new Date(new Date(s.endsAt).getTime() - 1))} ·{" "}
            {s.participantKind === "agent" ? "agents" : "teams"}
            {s.goal !== null ? ` · goal ${formatKpiValue(s.goal, s.unit)}` : ""}
            {s.prize ? ` · prize: ${s.prize}` : ""}
          </p>
          {s.frozenAt && (
            <p className="mt-2 text-sm text-slate-600" data-testid="frozen">
              Final standing, frozen on {stamp.format(new Date(s.frozenAt))}: data arriving later does not change it.
            </p>
          )}
        </div>
        {can(ctx.principal, "dashboards:manage") && (
          <ConfirmButton label="Delete competition" question={`Delete “${s.name}”? Widgets showing it say so.`} action={deleteCompetitionAction.bind(null, s.id)} />
        )}
      </div>
      <CompetitionWidget title="Standing" data={{ kind: "competition", standing: s }} stale={false} now={now} />
      {s.minSample > 0 && <p className="text-sm text-slate-500">Nobody is ranked on fewer than {s.minSample} records; movement is over the last hour.</p>}
    </main>
  );
}
