import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

import { CompetitionWidget } from "@/components/dashboard/widgets/competition-widget";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { requirePage } from "@/lib/auth/guards";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { competitionPage } from "@/lib/views/competition-page";

import { deleteCompetitionAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Competition" };

export default async function CompetitionPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePage();
  const id = z.coerce.number().int().positive().safeParse((await params).id);
  const view = id.success ? await competitionPage(ctx, id.data) : null;
  if (!view) notFound();
  const { timeZone, now, kpiName, standing: s, canDelete } = view;
  const format = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium" });
  const stamp = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-6 py-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href="/competitions" className="text-sm font-medium text-indigo-700 dark:text-indigo-300 hover:underline">
            ← All competitions
          </Link>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight">{s.name}</h1>
          <p className="mt-1 text-slate-500 dark:text-slate-400">
            {kpiName} · {format.format(new Date(s.startsAt))} – {format.format(new Date(new Date(s.endsAt).getTime() - 1))} ·{" "}
            {s.participantKind === "agent" ? "agents" : "teams"}
            {s.goal !== null ? ` · goal ${formatKpiValue(s.goal, s.unit)}` : ""}
            {s.prize ? ` · prize: ${s.prize}` : ""}
          </p>
          {s.frozenAt && (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300" data-testid="frozen">
              Final standing, frozen on {stamp.format(new Date(s.frozenAt))}: data arriving later does not change it.
            </p>
          )}
        </div>
        {canDelete && (
          <ConfirmButton label="Delete competition" question={`Delete “${s.name}”? Widgets showing it say so.`} action={deleteCompetitionAction.bind(null, s.id)} />
        )}
      </div>
      <CompetitionWidget title="Standing" data={{ kind: "competition", standing: s }} stale={false} now={now} />
      {s.minSample > 0 && <p className="text-sm text-slate-500 dark:text-slate-400">Nobody is ranked on fewer than {s.minSample} records; movement is over the last hour.</p>}
    </main>
  );
}
