"use client";

import Link from "next/link";
import { useContext } from "react";

import { WallContext } from "@/components/tv/wall-text";
import type { LeaderboardWidgetData } from "@/lib/dashboards/dashboard-data";
import { formatChangeAmount, formatKpiValue } from "@/lib/kpi/format-kpi-value";
import type { LeaderboardRow } from "@/lib/leaderboards/leaderboard-row";
import { tooFewLabel } from "@/lib/targets/target-standing";

import { FittedList } from "../fitted-list";
import { WidgetFrame } from "../widget-frame";

function Movement({ rank, previousRank }: { rank: number | null; previousRank: number | null }) {
  if (rank === null) return null;
  if (previousRank === null) return <span className="text-xs text-slate-500 dark:text-slate-400">new</span>;
  const moved = previousRank - rank;
  if (moved === 0) return <span className="text-xs text-slate-500 dark:text-slate-400" aria-label="unchanged">–</span>;
  return moved > 0 ? (
    <span className="text-xs font-medium text-sky-700 dark:text-sky-300" aria-label={`up ${moved}`}>
      ▲{moved}
    </span>
  ) : (
    <span className="text-xs font-medium text-orange-700 dark:text-orange-300" aria-label={`down ${-moved}`}>
      ▼{-moved}
    </span>
  );
}

/** A "most improved" row's change, signed, coloured by whether it is good for the KPI. */
function Improvement({ row, data }: { row: LeaderboardRow; data: LeaderboardWidgetData }) {
  if (row.change === null || row.change === undefined) return <span className="text-xs text-slate-500 dark:text-slate-400">No earlier period</span>;
  const better = data.fact.direction === "lower" ? row.change < 0 : row.change > 0;
  const tone = row.change === 0 ? "text-slate-500 dark:text-slate-400" : better ? "text-sky-700 dark:text-sky-300" : "text-orange-700 dark:text-orange-300";
  return (
    <span className="text-right">
      <span className={`block font-semibold tabular-nums ${tone}`} data-testid="leaderboard-change">
        {row.change > 0 ? "+" : row.change < 0 ? "−" : "±"}
        {formatChangeAmount(row.change, data.unit)}
      </span>
      <span className="block text-xs tabular-nums text-slate-500 dark:text-slate-400">now {formatKpiValue(row.value, data.unit)}</span>
    </span>
  );
}

/** One ranked row: rank, movement, name (cut with an ellipsis, the full name in its title) and value. */
function Row({ row, data, rowHref }: { row: LeaderboardRow; data: LeaderboardWidgetData; rowHref?: (key: string) => string }) {
  return (
    <div className="flex items-center gap-3 py-1.5" data-testid="leaderboard-row">
      <span className="w-[1.5em] text-right font-semibold tabular-nums text-slate-500 dark:text-slate-400">{row.rank ?? "–"}</span>
      {data.ranking === "value" && (
        <span className="w-[2em]">
          <Movement rank={row.rank} previousRank={row.previousRank} />
        </span>
      )}
      <span className="min-w-0 flex-1 truncate font-medium text-slate-800 dark:text-slate-100" title={row.label}>
        {rowHref ? (
          <Link href={rowHref(row.key)} className="hover:underline">
            {row.label}
          </Link>
        ) : (
          row.label
        )}
      </span>
      {data.ranking === "improvement" ? (
        <Improvement row={row} data={data} />
      ) : row.rank === null && data.minSample > 0 && row.n < data.minSample ? (
        <span className="text-xs text-slate-500 dark:text-slate-400" title={`Ranked from ${data.minSample} on`} data-testid="leaderboard-too-few">
          {tooFewLabel(data.fact, row.n)}
        </span>
      ) : (
        <span className="text-right font-semibold tabular-nums text-slate-900 dark:text-white">
          {formatKpiValue(row.value, data.unit)}
          {data.ranking === "volume_adjusted" && row.marginOfError ? (
            <span className="block text-xs font-normal text-slate-500 dark:text-slate-400" data-testid="leaderboard-margin">
              ±{formatChangeAmount(row.marginOfError, data.unit)} · n {row.n}
            </span>
          ) : null}
        </span>
      )}
    </div>
  );
}

/**
 * People or teams ranked on a KPI. A desk viewer scrolls the list; a wall shows the whole rows
 * that fit, larger, and counts the rest.
 */
export function LeaderboardWidget({
  title,
  data,
  href,
  stale,
  rowHref,
}: {
  title: string;
  data: LeaderboardWidgetData;
  href?: string;
  stale: boolean;
  rowHref?: (key: string) => string;
}) {
  const wall = useContext(WallContext);
  return (
    <WidgetFrame title={title} href={href} stale={stale} testId="leaderboard">
      {data.rows.length === 0 ? (
        <p className="grid h-full place-items-center text-sm text-slate-500 dark:text-slate-400">Nobody to rank in this period yet.</p>
      ) : wall ? (
        <FittedList
          items={data.rows}
          rowKey={(row) => row.key}
          row={(row) => <Row row={row} data={data} />}
          className="divide-y divide-slate-800 text-[1.05rem]"
        />
      ) : (
        <ol className="h-full divide-y divide-slate-100 overflow-y-auto text-sm dark:divide-slate-800">
          {data.rows.map((row) => (
            <li key={row.key}>
              <Row row={row} data={data} rowHref={rowHref} />
            </li>
          ))}
        </ol>
      )}
    </WidgetFrame>
  );
}
