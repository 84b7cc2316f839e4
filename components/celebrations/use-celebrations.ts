"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import type { DashboardWidget } from "@/lib/dashboards/widget-config";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";

import type { CelebrationMessage } from "./celebration";

/**
 * What a screen celebrates, once each: a KPI whose target status turns to "goal met" between two polls,
 * and an achievement awarded since the screen opened (the awards already there on the first poll
 * are the baseline, so reloading a screen does not celebrate them again).
 */
export function useCelebrations(widgets: DashboardWidget[], data: DashboardData | undefined, slug: string) {
  const [message, setMessage] = useState<CelebrationMessage | null>(null);
  const previous = useRef(new Map<string, string | null>());
  const seenAwards = useRef<Set<number> | null>(null);
  useEffect(() => {
    if (!data) return;
    for (const widget of widgets) {
      const d = data.widgets[String(widget.id)];
      if (!d || (d.kind !== "kpi_number" && d.kind !== "gauge")) continue;
      const key = `${slug}:${widget.id}`;
      const before = previous.current.get(key);
      const status = d.standing && "status" in d.standing ? d.standing.status : null;
      previous.current.set(key, status);
      if (before !== undefined && before !== "met" && before !== null && status === "met") {
        const kpi = d.fact;
        setMessage({ id: `${key}:${data.computedAt}`, title: `${kpi.name} met its goal`, detail: `${formatKpiValue(d.current.value, kpi.unit)} · ${widget.title}` });
      }
    }
    const awards = data.awards ?? [];
    if (seenAwards.current === null) {
      seenAwards.current = new Set(awards.map((a) => a.id));
      return;
    }
    const fresh = awards.filter((a) => !seenAwards.current!.has(a.id));
    for (const a of fresh) seenAwards.current.add(a.id);
    if (fresh.length) {
      const a = fresh[0]!;
      const rest = fresh.length - 1;
      const others = rest > 0 ? `, and ${rest} more ${rest === 1 ? "achievement" : "achievements"} just now` : "";
      setMessage({ id: `award:${a.id}`, title: `${a.subjectName}: ${a.achievement}`, detail: `${a.formatted}${others}` });
    }
  }, [data, widgets, slug]);
  const dismiss = useCallback(() => setMessage(null), []);
  return { message, dismiss };
}
