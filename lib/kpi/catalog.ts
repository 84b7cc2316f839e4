// The KPI catalog: every KPI of SPEC section 3 with its definition, unit and direction. Dashboards,
// the KPI API, the definitions page and the tests all read from here; adding a KPI means one entry
// here and its SQL in the family's module (lib/kpi/families/).

export type KpiUnit = "count" | "seconds" | "percent" | "score" | "ratio";
export type KpiDirection = "higher" | "lower" | "neutral";
export type KpiFamily = "tickets" | "replies" | "sla" | "calls" | "surveys" | "knowledge_base" | "live";

export interface KpiDefinition {
  key: string;
  name: string;
  unit: KpiUnit;
  /** Which way is better; "neutral" for volumes that are neither good nor bad. */
  direction: KpiDirection;
  family: KpiFamily;
  /** The definition as SPEC section 3 words it. */
  definition: string;
  /** Durations report mean (the headline), median and 90th percentile. */
  distribution?: true;
  /** A ticket duration that can be measured inside business hours as well as on the calendar. */
  businessHours?: true;
  /** Rates report numerator and denominator and a 95 % margin of error. */
  marginOfError?: "proportion" | "nps";
  /** Live KPIs describe now, not a window. */
  live?: true;
  /** The scale of a score. */
  scale?: readonly [number, number];
}

export const KPI_CATALOG = [
  {
    key: "ticket_volume", name: "Ticket volume", unit: "count", direction: "neutral", family: "tickets",
    definition: "Tickets with createdAt in the window.",
  },
  {
    key: "tickets_solved", name: "Tickets solved", unit: "count", direction: "higher", family: "tickets",
    definition: "Tickets with resolvedAt in the window.",
  },
  {
    key: "first_response_time", name: "First response time", unit: "seconds", direction: "lower", family: "tickets", distribution: true, businessHours: true,
    definition: "Mean of firstResponseAt − createdAt over tickets whose firstResponseAt is in the window.",
  },
  {
    key: "avg_resolution_time", name: "Average resolution time", unit: "seconds", direction: "lower", family: "tickets", distribution: true, businessHours: true,
    definition: "Mean of resolvedAt − createdAt over tickets whose resolvedAt is in the window.",
  },
  {
    key: "avg_reply_time", name: "Average time to reply", unit: "seconds", direction: "lower", family: "replies", distribution: true, businessHours: true,
    definition:
      "For every public agent message in the window that follows at least one customer message since the previous public agent " +
      "message on that ticket: the time since the earliest such customer message; mean of those.",
  },
  {
    key: "fcr_rate", name: "First contact resolution rate", unit: "percent", direction: "higher", family: "tickets", marginOfError: "proportion",
    definition:
      "Tickets created in the window that are resolved (by now) with exactly one public agent message and reopens = 0, " +
      "÷ tickets created in the window, × 100.",
  },
  {
    key: "touches_per_ticket", name: "Agent touches per ticket", unit: "ratio", direction: "lower", family: "tickets",
    definition: "Public agent messages on tickets resolved in the window ÷ tickets resolved in the window.",
  },
  {
    key: "reopen_rate", name: "Reopen rate", unit: "percent", direction: "lower", family: "tickets", marginOfError: "proportion",
    definition: "Tickets resolved in the window with reopens > 0 ÷ tickets resolved in the window × 100.",
  },
  {
    key: "backlog", name: "Open backlog", unit: "count", direction: "lower", family: "tickets",
    definition: "Tickets created before the window's end and not resolved by it (resolvedAt empty or at or after the end).",
  },
  {
    key: "sla_first_response", name: "SLA: first response", unit: "percent", direction: "higher", family: "sla", marginOfError: "proportion",
    definition:
      "Tickets whose firstResponseAt is in the window and whose first response time met their priority's SLA target " +
      "(in business or calendar time, as the policy says) ÷ such tickets with a target × 100.",
  },
  {
    key: "sla_resolution", name: "SLA: resolution", unit: "percent", direction: "higher", family: "sla", marginOfError: "proportion",
    definition:
      "Tickets whose resolvedAt is in the window and whose resolution time met their priority's SLA target " +
      "(in business or calendar time, as the policy says) ÷ such tickets with a target × 100.",
  },
  {
    key: "calls_handled", name: "Calls handled", unit: "count", direction: "higher", family: "calls",
    definition: "Answered inbound calls whose endedAt is in the window.",
  },
  {
    key: "aht", name: "Average handle time", unit: "seconds", direction: "lower", family: "calls", distribution: true,
    definition: "(Σ talk + Σ hold + Σ wrap-up) ÷ number of answered calls, over answered calls whose endedAt is in the window.",
  },
  {
    key: "asa", name: "Average speed of answer", unit: "seconds", direction: "lower", family: "calls", distribution: true,
    definition:
      "Mean of answeredAt − queuedAt over answered calls whose endedAt is in the window; a call answered without queueing waited 0 s.",
  },
  {
    key: "abandonment_rate", name: "Abandonment rate", unit: "percent", direction: "lower", family: "calls", marginOfError: "proportion",
    definition:
      "Abandoned ÷ offered × 100, over inbound calls whose endedAt is in the window. Offered = answered, or queued and then " +
      "abandoned. Abandoned = queued, never answered. Calls that ended before reaching the queue are not offered.",
  },
  {
    key: "service_level", name: "Service level", unit: "percent", direction: "higher", family: "calls", marginOfError: "proportion",
    definition: "Offered calls answered within T seconds of queueing ÷ offered calls × 100; T is a setting (default 20).",
  },
  {
    key: "csat", name: "Customer satisfaction", unit: "percent", direction: "higher", family: "surveys", marginOfError: "proportion",
    scale: [1, 5],
    definition: "Responses scoring 4 or 5 ÷ all CSAT responses × 100 (the mean score is shown alongside).",
  },
  {
    key: "nps", name: "Net promoter score", unit: "score", direction: "higher", family: "surveys", marginOfError: "nps", scale: [-100, 100],
    definition: "% promoters (9-10) − % detractors (0-6) of NPS responses, from −100 to 100.",
  },
  {
    key: "ces", name: "Customer effort score", unit: "score", direction: "lower", family: "surveys", scale: [1, 5],
    definition: "Mean CES score (1 = very easy … 5 = very hard).",
  },
  {
    key: "enps", name: "Employee NPS", unit: "score", direction: "higher", family: "surveys", marginOfError: "nps", scale: [-100, 100],
    definition: "As NPS, over eNPS responses (employee pulse surveys).",
  },
  {
    key: "kb_views_per_visitor", name: "Knowledge base views per visitor", unit: "ratio", direction: "neutral", family: "knowledge_base",
    definition: "Knowledge-base views ÷ distinct visitors in the window.",
  },
  {
    key: "agents_available", name: "Agents available now", unit: "count", direction: "higher", family: "live", live: true,
    definition: "Agents whose latest status is available.",
  },
  {
    key: "calls_waiting", name: "Calls waiting now", unit: "count", direction: "lower", family: "live", live: true,
    definition: "Calls with queuedAt and neither answeredAt nor endedAt.",
  },
  {
    key: "longest_wait", name: "Longest wait now", unit: "seconds", direction: "lower", family: "live", live: true,
    definition: "Now − the oldest queuedAt among calls waiting.",
  },
] as const satisfies readonly KpiDefinition[];

export type KpiKey = (typeof KPI_CATALOG)[number]["key"];

export const KPI_KEYS = KPI_CATALOG.map((kpi) => kpi.key) as KpiKey[];

const BY_KEY = new Map<string, KpiDefinition>(KPI_CATALOG.map((kpi) => [kpi.key, kpi]));

export function isKpiKey(key: string): key is KpiKey {
  return BY_KEY.has(key);
}

export function getKpiDefinition(key: KpiKey): KpiDefinition {
  return BY_KEY.get(key)!;
}
