import type { LiveQueueWidgetData } from "@/lib/dashboards/dashboard-data";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";

import { WidgetFrame } from "../widget-frame";

export function LiveQueueWidget({ title, data, stale }: { title: string; data: LiveQueueWidgetData; stale: boolean }) {
  const figures = [
    { label: "Agents available", value: formatKpiValue(data.agentsAvailable, "count"), testId: "live-agents-available" },
    { label: "Calls waiting", value: formatKpiValue(data.callsWaiting, "count"), testId: "live-calls-waiting" },
    { label: "Longest wait", value: data.callsWaiting ? formatKpiValue(data.longestWait, "seconds") : "—", testId: "live-longest-wait" },
  ];
  return (
    <WidgetFrame title={title} stale={stale} testId="live-queue">
      <dl className="grid h-full grid-cols-3 items-center gap-2 text-center">
        {figures.map((f) => (
          <div key={f.label}>
            <dd className="text-3xl font-semibold tabular-nums text-slate-900 dark:text-white" data-testid={f.testId}>
              {f.value}
            </dd>
            <dt className="mt-1 text-xs text-slate-500 dark:text-slate-400">{f.label}</dt>
          </div>
        ))}
      </dl>
    </WidgetFrame>
  );
}
