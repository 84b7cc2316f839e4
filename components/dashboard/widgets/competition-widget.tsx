import type { CompetitionWidgetData } from "@/lib/dashboards/dashboard-data";
import { formatDuration, formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { tooFewLabel } from "@/lib/targets/target-standing";

import { WidgetFrame } from "../widget-frame";

function Movement({ rank, previousRank }: { rank: number | null; previousRank: number | null }) {
  if (rank === null || previousRank === null || rank === previousRank) return <span className="w-6" />;
  const moved = previousRank - rank;
  return moved > 0 ? (
    <span className="w-6 text-xs font-medium text-sky-700 dark:text-sky-300" aria-label={`up ${moved} in the last hour`}>
      ▲{moved}
    </span>
  ) : (
    <span className="w-6 text-xs font-medium text-orange-700 dark:text-orange-300" aria-label={`down ${-moved} in the last hour`}>
      ▼{-moved}
    </span>
  );
}

/** A competition's live standing: rank, movement, value, progress to the goal, and the time left. */
export function CompetitionWidget({ title, data, stale, now }: { title: string; data: CompetitionWidgetData; stale: boolean; now: number }) {
  const s = data.standing;
  if (!s) {
    return (
      <WidgetFrame title={title} stale={stale} testId="competition">
        <p className="grid h-full place-items-center text-sm text-slate-500">This competition no longer exists; edit the widget to choose another.</p>
      </WidgetFrame>
    );
  }
  const left = new Date(s.endsAt).getTime() - now;
  const when =
    s.status === "upcoming"
      ? `Starts in ${formatDuration((new Date(s.startsAt).getTime() - now) / 1000)}`
      : s.status === "running"
        ? `${formatDuration(Math.max(0, left) / 1000)} left`
        : "Final standing";
  const aside = (
    <span className="text-xs text-slate-500 dark:text-slate-400" data-testid="competition-time">
      {when}
      {s.prize ? ` · Prize: ${s.prize}` : ""}
    </span>
  );
  return (
    <WidgetFrame title={title} stale={stale} aside={aside} testId="competition">
      <ol className="fit-rows h-full divide-y divide-slate-100 dark:divide-slate-800">
        {s.rows.map((row) => (
          <li key={row.key} className="flex items-center gap-3 py-1.5 text-sm" data-testid="competition-row">
            <span className="w-6 text-right font-semibold tabular-nums text-slate-500">{row.rank ?? "–"}</span>
            <Movement rank={row.rank} previousRank={row.previousRank} />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-slate-800 dark:text-slate-100" data-testid="competition-name">
                {row.label}
              </span>
              {s.goal !== null && row.progress !== null && (
                <span className="mt-1 block h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" aria-label={`${Math.round(row.progress * 100)} % of the goal`}>
                  <span className="block h-full rounded-full bg-sky-600" style={{ width: `${row.progress * 100}%` }} />
                </span>
              )}
            </span>
            {row.rank === null && s.minSample > 0 && row.n < s.minSample && row.value !== null ? (
              <span className="text-xs text-slate-500 dark:text-slate-400">{tooFewLabel(s.kpi, row.n)}</span>
            ) : (
              <span className="font-semibold tabular-nums text-slate-900 dark:text-white" data-testid="competition-value">
                {formatKpiValue(row.value, s.unit)}
              </span>
            )}
          </li>
        ))}
      </ol>
    </WidgetFrame>
  );
}
