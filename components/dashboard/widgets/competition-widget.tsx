"use client";

import { useContext } from "react";

import { WallContext } from "@/components/tv/wall-text";
import type { CompetitionWidgetData } from "@/lib/dashboards/dashboard-data";
import { formatDuration, formatKpiValue } from "@/lib/kpi/format-kpi-value";
import type { CompetitionRow, CompetitionStanding } from "@/lib/motivation/competitions";
import { tooFewLabel } from "@/lib/targets/target-standing";

import { FittedList } from "../fitted-list";
import { WidgetFrame } from "../widget-frame";

function Movement({ rank, previousRank }: { rank: number | null; previousRank: number | null }) {
  if (rank === null || previousRank === null || rank === previousRank) return <span className="w-[1.5em]" />;
  const moved = previousRank - rank;
  return moved > 0 ? (
    <span className="w-[1.5em] text-xs font-medium text-sky-700 dark:text-sky-300" aria-label={`up ${moved} in the last hour`}>
      ▲{moved}
    </span>
  ) : (
    <span className="w-[1.5em] text-xs font-medium text-orange-700 dark:text-orange-300" aria-label={`down ${-moved} in the last hour`}>
      ▼{-moved}
    </span>
  );
}

function Progress({ row, standing }: { row: CompetitionRow; standing: CompetitionStanding }) {
  if (standing.goal === null || row.progress === null) return null;
  return (
    <span className="mt-1 block h-[0.4em] overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" aria-label={`${Math.round(row.progress * 100)} % of the goal`}>
      <span className="block h-full rounded-full bg-sky-600" style={{ width: `${row.progress * 100}%` }} />
    </span>
  );
}

function Value({ row, standing }: { row: CompetitionRow; standing: CompetitionStanding }) {
  return row.rank === null && standing.minSample > 0 && row.n < standing.minSample && row.value !== null ? (
    <span className="text-xs text-slate-500 dark:text-slate-400">{tooFewLabel(standing.fact, row.n)}</span>
  ) : (
    <span className="font-semibold tabular-nums text-slate-900 dark:text-white" data-testid="competition-value">
      {formatKpiValue(row.value, standing.unit)}
    </span>
  );
}

function Row({ row, standing }: { row: CompetitionRow; standing: CompetitionStanding }) {
  return (
    <div className="flex items-center gap-3 py-1.5" data-testid="competition-row">
      <span className="w-[1.5em] text-right font-semibold tabular-nums text-slate-500 dark:text-slate-400">{row.rank ?? "–"}</span>
      <Movement rank={row.rank} previousRank={row.previousRank} />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium text-slate-800 dark:text-slate-100" data-testid="competition-name" title={row.label}>
          {row.label}
        </span>
        <Progress row={row} standing={standing} />
      </span>
      <Value row={row} standing={standing} />
    </div>
  );
}

const PODIUM = [
  // DOM order stays 1, 2, 3 (first is the leader for readers and tests); the eye reads 2, 1, 3.
  { order: "order-2", height: "h-[78%]", tone: "bg-amber-400 text-slate-950", place: "1st" },
  { order: "order-1", height: "h-[58%]", tone: "bg-slate-300 text-slate-950", place: "2nd" },
  { order: "order-3", height: "h-[44%]", tone: "bg-orange-300 text-slate-950", place: "3rd" },
];

/** The top three on steps, as a wall shows a competition from across the room. */
function Podium({ rows, standing }: { rows: CompetitionRow[]; standing: CompetitionStanding }) {
  return (
    <ol className="flex h-full min-h-0 items-end gap-[0.6rem]" data-testid="competition-podium">
      {rows.map((row, i) => {
        const step = PODIUM[i]!;
        return (
          <li key={row.key} className={`flex h-full min-w-0 flex-1 flex-col justify-end ${step.order}`} data-testid="competition-row">
            <span className="block truncate text-center text-[1.1rem] font-semibold text-slate-50" data-testid="competition-name" title={row.label}>
              {row.label}
            </span>
            <span className="block text-center text-[1.3rem] leading-tight">
              <Value row={row} standing={standing} />
            </span>
            <span className={`mt-[0.3rem] flex ${step.height} min-h-[2.2rem] items-start justify-center rounded-t-xl pt-[0.3rem] text-[1.2rem] font-bold ${step.tone}`}>
              {step.place}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** A competition's live standing: rank, movement, value, progress to the goal, and the time left. */
export function CompetitionWidget({ title, data, stale, now }: { title: string; data: CompetitionWidgetData; stale: boolean; now: number }) {
  const wall = useContext(WallContext);
  const s = data.standing;
  if (!s) {
    return (
      <WidgetFrame title={title} stale={stale} testId="competition">
        <p className="grid h-full place-items-center text-sm text-slate-500 dark:text-slate-400">This competition no longer exists; edit the widget to choose another.</p>
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
      {wall && s.goal !== null ? ` · Goal ${formatKpiValue(s.goal, s.unit)}` : ""}
    </span>
  );
  const ranked = s.rows.filter((r) => r.rank !== null);
  const podium = wall && ranked.length >= 3 ? s.rows.slice(0, 3) : [];
  const rest = s.rows.slice(podium.length);
  return (
    <WidgetFrame title={title} stale={stale} aside={aside} testId="competition">
      <div className={`grid h-full min-h-0 gap-[0.8rem] ${podium.length ? "grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)]" : "grid-cols-1"}`}>
        {podium.length > 0 && <Podium rows={podium} standing={s} />}
        {rest.length > 0 && (
          <FittedList
            items={rest}
            rowKey={(row) => row.key}
            row={(row) => <Row row={row} standing={s} />}
            className={`divide-y divide-slate-100 dark:divide-slate-800 ${wall ? "text-[1.05rem]" : "text-sm"}`}
          />
        )}
      </div>
    </WidgetFrame>
  );
}
