import { TZDate } from "@date-fns/tz";

import { filtersToSearch } from "@/lib/dashboards/dashboard-filters";
import { enumLabel } from "@/lib/ingest/record-schemas";
import type { KpiUnit } from "@/lib/kpi/catalog";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import type { KpiFilters } from "@/lib/kpi/kpi-query";
import type { NotificationMessage } from "@/lib/notifications/notification-message";

import type { AlertRule } from "./alert-rules";
import { KPI_PAGE_PRESET } from "./alert-windows";

// The words of an alert, the same in every channel and in the bell:
//   "CSAT (Chat) is 71.2%, worse than 80.0% for 15 min"   and later   "CSAT (Chat) is back to 84.0%"
//   "SLA at risk (Billing): 7 tickets breached or due within 60 min, more than 5 for 10 min"

export interface AlertSubject {
  rule: AlertRule;
  /** The KPI's name, or "SLA at risk", with the filters: "CSAT (Chat)". */
  label: string;
  unit: KpiUnit;
}

/** The names of the filters' teams and queues, by external id; channels are named by their labels. */
export interface FilterNames {
  team: (externalId: string) => string;
  queue: (externalId: string) => string;
}

export function subjectLabel(name: string, filters: KpiFilters, names: FilterNames): string {
  const parts = [...filters.team.map(names.team), ...filters.channel.map((c) => enumLabel("channel", c)), ...filters.queue.map(names.queue)];
  return parts.length ? `${name} (${parts.join(" · ")})` : name;
}

const held = (rule: AlertRule) => (rule.holdMinutes > 0 ? ` for ${rule.holdMinutes} min` : "");

export function firedText({ rule, label, unit }: AlertSubject, value: number | null, goal?: number): string {
  const shown = formatKpiValue(value, unit);
  const check = rule.check;
  if (check.kind === "sla_at_risk") {
    return `${label}: ${shown} tickets breached or due within ${check.horizonMinutes} min, more than ${formatKpiValue(check.moreThan, "count")}${held(rule)}`;
  }
  if (check.condition === "threshold") return `${label} is ${shown}, worse than ${formatKpiValue(check.threshold, unit)}${held(rule)}`;
  return `${label} is ${shown}, off its target${goal === undefined ? "" : ` of ${formatKpiValue(goal, unit)}`}${held(rule)}`;
}

export function resolvedText({ rule, label, unit }: AlertSubject, value: number | null): string {
  const shown = formatKpiValue(value, unit);
  return rule.check.kind === "sla_at_risk" ? `${label} is back to ${shown} tickets` : `${label} is back to ${shown}`;
}

/** Where to look: the KPI's page with the rule's filters, or the service-levels dashboard. */
export function alertPath(rule: AlertRule): string {
  if (rule.check.kind === "sla_at_risk") {
    return `/dashboards/service-levels${filtersToSearch({ preset: null, range: null, team: rule.filters.team, channel: rule.filters.channel, queue: [] })}`;
  }
  return `/kpis/${rule.check.kpiKey}${filtersToSearch({ preset: KPI_PAGE_PRESET, range: null, ...rule.filters })}`;
}

const clock = (at: Date, timeZone: string) => {
  const local = new TZDate(at.getTime(), timeZone);
  return `${String(local.getHours()).padStart(2, "0")}:${String(local.getMinutes()).padStart(2, "0")}`;
};

export type AlertNews =
  | { kind: "fired"; firedAt: Date; value: number | null; goal?: number; heldUntil?: Date }
  | { kind: "resolved"; firedAt: Date; resolvedAt: Date; value: number | null; heldUntil?: Date };

/** The message for the channels; `heldUntil` marks one that quiet hours held back until now. */
export function alertMessage(subject: AlertSubject, news: AlertNews, origin: string, timeZone: string): NotificationMessage {
  const fired = news.kind === "fired";
  const title = fired ? firedText(subject, news.value, news.goal) : resolvedText(subject, news.value);
  const when = fired ? `Since ${clock(news.firedAt, timeZone)}` : `Fired at ${clock(news.firedAt, timeZone)}, resolved at ${clock(news.resolvedAt, timeZone)}`;
  const late = news.heldUntil ? ` · held by quiet hours until ${clock(news.heldUntil, timeZone)}` : "";
  return {
    title,
    link: new URL(alertPath(subject.rule), origin).toString(),
    sections: [
      {
        heading: `Alert: ${subject.rule.name}`,
        rows: [{ label: subject.label, value: formatKpiValue(news.value, subject.unit), detail: `${when}${late}`, tone: fired ? "critical" : "good" }],
      },
    ],
  };
}
