import type { KpiRef } from "@/lib/kpi/kpi-directory";
import { tooFewLabel, type TargetStanding } from "@/lib/targets/target-standing";

import { STATUS_STYLE } from "./status";

/** A target status as a word, a symbol and the gap, or why there is none: the same on every card. */
export function TargetStandingBadge({ kpi, standing, withGap = true }: { kpi: KpiRef; standing: TargetStanding | null; withGap?: boolean }) {
  if (!standing) return null;
  if ("tooFew" in standing) {
    return (
      <span className="inline-block rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300" data-testid="target-too-few">
        {tooFewLabel(kpi, standing.tooFew)}
      </span>
    );
  }
  const style = STATUS_STYLE[standing.status];
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${style.badge}`} data-testid="target-status" data-status={standing.status}>
      <span aria-hidden>{style.symbol}</span> {style.label}
      {withGap && (
        <span className="font-normal" data-testid="target-gap">
          {" "}
          · {standing.gap}
        </span>
      )}
    </span>
  );
}

/** The card accent of a standing: none when there is no status to show. */
export function standingAccent(standing: TargetStanding | null): string | undefined {
  return standing && "status" in standing ? STATUS_STYLE[standing.status].accent : undefined;
}
