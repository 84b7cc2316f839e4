// The KPI catalog: every KPI of SPEC section 3 with its definition, unit and direction, and every
// fact about it that other code reads: which record timestamp it counts on, its family (whose table
// below names the module with its SQL, whether it is rolled up and which records list backs it),
// and the pages that show it. Dashboards, the KPI API, the definitions page, the records lists, the
// rollups and the tests all read from here; adding a KPI means one entry here and its SQL in the
// module its family names. Client components import this file: it holds data, never SQL.

import type { CHANNELS } from "@/lib/ingest/record-schemas";

export type KpiUnit = "count" | "seconds" | "percent" | "score" | "ratio";
export type KpiDirection = "higher" | "lower" | "neutral";

/** A records list behind a number (`/records/<list>`). */
export type RecordsList = "tickets" | "calls";

interface KpiFamilyDefinition {
  /** The module (from the project root) that holds the family's SQL. */
  module: `lib/kpi/families/${string}.ts`;
  /** Its export that computes every KPI of the family in one statement, per group. */
  compute: `compute${string}Kpis`;
  /** Its export that rebuilds the family's hourly rollup, or null: the family is always read raw. */
  rollup: `${Uppercase<string>}_ROLLUP` | null;
  /** The records list whose rows a KPI of the family counts, or null: none lists them. */
  records: RecordsList | null;
  /**
   * The channels its records come from: "any" when each record has its own, else the only ones a
   * channel filter can match (calls are phone; knowledge-base views and agents' presence have no
   * channel at all, so any channel filter leaves them without data: the KPI does not apply).
   */
  channels: "any" | readonly (typeof CHANNELS)[number][];
}

/**
 * KPI families: the KPIs one statement computes together. Live state has no rollup: it describes
 * now. SLA has none of its own: its outcomes are columns of the
 * ticket rollup, which its module reads (docs/kpi-engine.md, "Business hours and SLA").
 */
export const KPI_FAMILIES = {
  tickets: { module: "lib/kpi/families/ticket-kpis.ts", compute: "computeTicketKpis", rollup: "TICKET_ROLLUP", records: "tickets", channels: "any" },
  replies: { module: "lib/kpi/families/reply-kpis.ts", compute: "computeReplyKpis", rollup: "REPLY_ROLLUP", records: null, channels: "any" },
  sla: { module: "lib/kpi/families/sla-kpis.ts", compute: "computeSlaKpis", rollup: null, records: null, channels: "any" },
  calls: { module: "lib/kpi/families/call-kpis.ts", compute: "computeCallKpis", rollup: "CALL_ROLLUP", records: "calls", channels: ["phone"] },
  surveys: { module: "lib/kpi/families/survey-kpis.ts", compute: "computeSurveyKpis", rollup: "SURVEY_ROLLUP", records: null, channels: "any" },
  knowledge_base: { module: "lib/kpi/families/knowledge-base-kpis.ts", compute: "computeKnowledgeBaseKpis", rollup: "KB_ROLLUP", records: null, channels: [] },
  live: { module: "lib/kpi/families/live-kpis.ts", compute: "computeLiveKpis", rollup: null, records: null, channels: ["phone"] },
} as const satisfies Record<string, KpiFamilyDefinition>;

export type KpiFamily = keyof typeof KPI_FAMILIES;
type FamilyFacts = typeof KPI_FAMILIES;

/** The families with an hourly rollup, in the table's order (the order they refresh in). */
export type RollupFamily = { [F in KpiFamily]: FamilyFacts[F]["rollup"] extends null ? never : F }[KpiFamily];

/**
 * The event whose timestamp puts a record in a KPI's window, or "live" for a KPI of now:
 * - created, resolved, first_response: a ticket's createdAt, resolvedAt, firstResponseAt;
 * - open: a ticket open at the window's end (created before it, not resolved by it);
 * - replied: a public agent message's createdAt;
 * - ended: a call's endedAt;
 * - responded: a survey response's respondedAt;
 * - viewed: a knowledge-base view's viewedAt.
 */
export type KpiBasis = "created" | "resolved" | "first_response" | "open" | "replied" | "ended" | "responded" | "viewed" | "live";

export interface KpiDefinition {
  key: string;
  name: string;
  unit: KpiUnit;
  /** Which way is better; "neutral" for volumes that are neither good nor bad. */
  direction: KpiDirection;
  family: KpiFamily;
  /** What puts a record in the window: the list behind the number filters on the same. */
  basis: KpiBasis;
  /** One plain sentence for managers, shown first wherever the definition is (the formula below it). */
  plain: string;
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
  /** Shown on an agent's page (a card each, and its trend on request). */
  agentPage?: true;
  /** A headline of a team's page. */
  teamPage?: true;
}

export const KPI_CATALOG = [
  {
    key: "ticket_volume", name: "Ticket volume", unit: "count", direction: "neutral", family: "tickets", basis: "created",
    agentPage: true, teamPage: true,
    plain: "How many tickets customers opened in the period.",
    definition: "Tickets with createdAt in the window.",
  },
  {
    key: "tickets_solved", name: "Tickets solved", unit: "count", direction: "higher", family: "tickets", basis: "resolved",
    agentPage: true, teamPage: true,
    plain: "How many tickets were solved in the period.",
    definition: "Tickets with resolvedAt in the window.",
  },
  {
    key: "first_response_time", name: "First response time", unit: "seconds", direction: "lower", family: "tickets", basis: "first_response", distribution: true, businessHours: true,
    agentPage: true, teamPage: true,
    plain: "How long customers wait for the first answer to a ticket, on average.",
    definition: "Mean of firstResponseAt − createdAt over tickets whose firstResponseAt is in the window.",
  },
  {
    key: "avg_resolution_time", name: "Average resolution time", unit: "seconds", direction: "lower", family: "tickets", basis: "resolved", distribution: true, businessHours: true,
    agentPage: true,
    plain: "How long it takes to solve a ticket, from when it was opened, on average.",
    definition: "Mean of resolvedAt − createdAt over tickets whose resolvedAt is in the window.",
  },
  {
    key: "avg_reply_time", name: "Average time to reply", unit: "seconds", direction: "lower", family: "replies", basis: "replied", distribution: true, businessHours: true,
    agentPage: true,
    plain: "How long customers wait for each reply once they have written, on average.",
    definition:
      "For every public agent message in the window that follows at least one customer message since the previous public agent " +
      "message on that ticket: the time since the earliest such customer message; mean of those.",
  },
  {
    key: "fcr_rate", name: "First contact resolution rate", unit: "percent", direction: "higher", family: "tickets", basis: "created", marginOfError: "proportion",
    agentPage: true,
    plain: "The share of new tickets solved with a single answer, never reopened.",
    definition:
      "Tickets created in the window that are resolved (by now) with exactly one public agent message and reopens = 0, " +
      "÷ tickets created in the window, × 100.",
  },
  {
    key: "touches_per_ticket", name: "Agent touches per ticket", unit: "ratio", direction: "lower", family: "tickets", basis: "resolved",
    agentPage: true,
    plain: "How many answers an agent sends before a ticket is solved, on average.",
    definition: "Public agent messages on tickets resolved in the window ÷ tickets resolved in the window.",
  },
  {
    key: "reopen_rate", name: "Reopen rate", unit: "percent", direction: "lower", family: "tickets", basis: "resolved", marginOfError: "proportion",
    agentPage: true,
    plain: "The share of solved tickets that the customer had to reopen.",
    definition: "Tickets resolved in the window with reopens > 0 ÷ tickets resolved in the window × 100.",
  },
  {
    key: "backlog", name: "Open backlog", unit: "count", direction: "lower", family: "tickets", basis: "open",
    plain: "How many tickets are still open at the end of the period.",
    definition: "Tickets created before the window's end and not resolved by it (resolvedAt empty or at or after the end).",
  },
  {
    key: "sla_first_response", name: "SLA: first response", unit: "percent", direction: "higher", family: "sla", basis: "first_response", marginOfError: "proportion",
    agentPage: true,
    plain: "The share of tickets whose first answer came within the promised time.",
    definition:
      "Tickets whose firstResponseAt is in the window and whose first response time met their priority's SLA target " +
      "(in business or calendar time, as the policy says) ÷ such tickets with a target × 100.",
  },
  {
    key: "sla_resolution", name: "SLA: resolution", unit: "percent", direction: "higher", family: "sla", basis: "resolved", marginOfError: "proportion",
    agentPage: true,
    plain: "The share of tickets solved within the promised time.",
    definition:
      "Tickets whose resolvedAt is in the window and whose resolution time met their priority's SLA target " +
      "(in business or calendar time, as the policy says) ÷ such tickets with a target × 100.",
  },
  {
    key: "calls_handled", name: "Calls handled", unit: "count", direction: "higher", family: "calls", basis: "ended",
    agentPage: true,
    plain: "How many incoming calls an agent answered and finished in the period.",
    definition: "Answered inbound calls whose endedAt is in the window.",
  },
  {
    key: "aht", name: "Average handle time", unit: "seconds", direction: "lower", family: "calls", basis: "ended", distribution: true,
    agentPage: true,
    plain: "How long an answered call takes, talking, on hold and wrapping up, on average.",
    definition: "(Σ talk + Σ hold + Σ wrap-up) ÷ number of answered calls, over answered calls whose endedAt is in the window.",
  },
  {
    key: "asa", name: "Average speed of answer", unit: "seconds", direction: "lower", family: "calls", basis: "ended", distribution: true,
    agentPage: true,
    plain: "How long callers wait in the queue before someone answers, on average.",
    definition:
      "Mean of answeredAt − queuedAt over answered calls whose endedAt is in the window; a call answered without queueing waited 0 s.",
  },
  {
    key: "abandonment_rate", name: "Abandonment rate", unit: "percent", direction: "lower", family: "calls", basis: "ended", marginOfError: "proportion",
    agentPage: true,
    plain: "The share of callers who hung up while waiting in the queue.",
    definition:
      "Abandoned ÷ offered × 100, over inbound calls whose endedAt is in the window. Offered = answered, or queued and then " +
      "abandoned. Abandoned = queued, never answered. Calls that ended before reaching the queue are not offered.",
  },
  {
    key: "service_level", name: "Service level", unit: "percent", direction: "higher", family: "calls", basis: "ended", marginOfError: "proportion",
    agentPage: true,
    plain: "The share of callers answered within the target number of seconds.",
    definition: "Offered calls answered within T seconds of queueing ÷ offered calls × 100; T is a setting (default 20).",
  },
  {
    key: "csat", name: "Customer satisfaction", unit: "percent", direction: "higher", family: "surveys", basis: "responded", marginOfError: "proportion",
    agentPage: true, teamPage: true,
    scale: [1, 5],
    plain: "The share of surveyed customers who said they were satisfied (4 or 5 out of 5).",
    definition: "Responses scoring 4 or 5 ÷ all CSAT responses × 100 (the mean score is shown alongside).",
  },
  {
    key: "nps", name: "Net promoter score", unit: "score", direction: "higher", family: "surveys", basis: "responded", marginOfError: "nps", scale: [-100, 100],
    agentPage: true,
    plain: "How likely customers are to recommend us: promoters minus detractors, from −100 to 100.",
    definition: "% promoters (9-10) − % detractors (0-6) of NPS responses, from −100 to 100.",
  },
  {
    key: "ces", name: "Customer effort score", unit: "score", direction: "lower", family: "surveys", basis: "responded", scale: [1, 5],
    agentPage: true,
    plain: "How easy customers found it to get help, from 1 (very easy) to 5 (very hard).",
    definition: "Mean CES score (1 = very easy … 5 = very hard).",
  },
  {
    key: "enps", name: "Employee NPS", unit: "score", direction: "higher", family: "surveys", basis: "responded", marginOfError: "nps", scale: [-100, 100],
    plain: "How likely employees are to recommend working here, from −100 to 100.",
    definition: "As NPS, over eNPS responses (employee pulse surveys).",
  },
  {
    key: "kb_views_per_visitor", name: "Knowledge base views per visitor", unit: "ratio", direction: "neutral", family: "knowledge_base", basis: "viewed",
    plain: "How many help-centre articles each visitor reads, on average.",
    definition: "Knowledge-base views ÷ distinct visitors in the window.",
  },
  {
    key: "agents_available", name: "Agents available now", unit: "count", direction: "higher", family: "live", basis: "live", live: true,
    plain: "How many agents are available to take work right now.",
    definition: "Agents whose latest status is available.",
  },
  {
    key: "calls_waiting", name: "Calls waiting now", unit: "count", direction: "lower", family: "live", basis: "live", live: true,
    plain: "How many callers are waiting in the queue right now.",
    definition: "Calls with queuedAt and neither answeredAt nor endedAt.",
  },
  {
    key: "longest_wait", name: "Longest wait now", unit: "seconds", direction: "lower", family: "live", basis: "live", live: true,
    plain: "How long the caller who has waited longest has been waiting, right now.",
    definition: "Now − the oldest queuedAt among calls waiting.",
  },
] as const satisfies readonly KpiDefinition[];

export type KpiKey = (typeof KPI_CATALOG)[number]["key"];
type KpiEntry = (typeof KPI_CATALOG)[number];

export const KPI_KEYS = KPI_CATALOG.map((kpi) => kpi.key) as KpiKey[];

const BY_KEY = new Map<string, KpiDefinition>(KPI_CATALOG.map((kpi) => [kpi.key, kpi]));

export function isKpiKey(key: string): key is KpiKey {
  return BY_KEY.has(key);
}

export function getKpiDefinition(key: KpiKey): KpiDefinition {
  return BY_KEY.get(key)!;
}

/** What one record of a KPI's sample is, by what puts it in the window: "Too few responses (1)". */
const SAMPLE_NOUNS: Record<KpiBasis, string> = {
  created: "tickets",
  resolved: "tickets",
  first_response: "tickets",
  open: "tickets",
  replied: "replies",
  ended: "calls",
  responded: "responses",
  viewed: "views",
  live: "records",
};

/** The word for the records a KPI's value is computed over, plural. */
export function sampleNounOf(key: KpiKey | { name: string; basis?: KpiBasis }): string {
  // A custom KPI has no single basis: its formula may count several kinds of record.
  const basis = typeof key === "string" ? getKpiDefinition(key).basis : key.basis;
  return basis ? SAMPLE_NOUNS[basis] : SAMPLE_NOUNS.live;
}

/**
 * Rates and scores need the organisation's minimum sample before anyone is ranked or judged on
 * them (a CSAT of 100 % from one response says nothing); counts and durations do not.
 */
export function needsMinimumSample(key: KpiKey | Pick<KpiDefinition, "marginOfError" | "unit">): boolean {
  const definition = typeof key === "string" ? getKpiDefinition(key) : key;
  return definition.marginOfError !== undefined || definition.unit === "score" || definition.unit === "ratio";
}

/** The KPIs of an agent's page, in catalog order. */
export function agentPageKpis(): KpiKey[] {
  return KPI_CATALOG.filter((kpi) => "agentPage" in kpi).map((kpi) => kpi.key);
}

/** The headline KPIs of a team's page, in catalog order. */
export function teamPageKpis(): KpiKey[] {
  return KPI_CATALOG.filter((kpi) => "teamPage" in kpi).map((kpi) => kpi.key);
}

/** The records list behind a KPI's number, or null when no list shows the records it counts. */
export function recordsListOf(key: KpiKey): RecordsList | null {
  return KPI_FAMILIES[getKpiDefinition(key).family].records;
}

type FamiliesListedIn<L extends RecordsList> = { [F in KpiFamily]: FamilyFacts[F]["records"] extends L ? F : never }[KpiFamily];
type BasisByFamily = { [F in KpiFamily]: Extract<KpiEntry, { family: F }>["basis"] };
/** The bases of the KPIs a records list backs: what that list can filter on. */
export type RecordsBasis<L extends RecordsList> = BasisByFamily[FamiliesListedIn<L>];

/** The families with an hourly rollup, in the table's order. */
export function rollupFamilies(): RollupFamily[] {
  return (Object.keys(KPI_FAMILIES) as KpiFamily[]).filter((family): family is RollupFamily => KPI_FAMILIES[family].rollup !== null);
}
