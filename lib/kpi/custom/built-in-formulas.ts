import type { KpiKey } from "../catalog";
import type { FormulaUnit } from "./formula-tree";

/**
 * Every built-in KPI re-expressed in the formula language (docs/custom-kpis.md, "Every built-in
 * KPI as a formula"): the documentation's examples, and the oracle that custom KPIs compute what
 * the catalog computes. `unit` is the one such a definition declares when it is not the inferred one.
 */
export const BUILT_IN_FORMULAS: Record<KpiKey, { formula: string; unit?: FormulaUnit }> = {
  ticket_volume: { formula: "count(tickets by created)" },
  tickets_solved: { formula: "count(tickets by solved)" },
  first_response_time: { formula: "mean(first_response of tickets by first_answered)" },
  avg_resolution_time: { formula: "mean(resolution of tickets by solved)" },
  avg_reply_time: { formula: "mean(wait of replies)" },
  fcr_rate: { formula: "share(tickets by created, resolved and touches = 1 and reopens = 0)" },
  touches_per_ticket: { formula: "sum(touches of tickets by solved) / count(tickets by solved)" },
  reopen_rate: { formula: "share(tickets by solved, reopens > 0)" },
  backlog: { formula: "count(open_tickets)" },
  sla_first_response: { formula: "share(tickets by first_answered where first_response_sla != none, first_response_sla = met)" },
  sla_resolution: { formula: "share(tickets by solved where resolution_sla != none, resolution_sla = met)" },
  calls_handled: { formula: "count(calls where direction = inbound and answered)" },
  aht: { formula: "mean(handle of calls where answered)" },
  asa: { formula: "mean(answer_wait of calls where direction = inbound and answered)" },
  abandonment_rate: { formula: "share(calls where offered, abandoned)" },
  service_level: { formula: "share(calls where offered, within_service_level)" },
  csat: { formula: "share(surveys where kind = csat, score >= 4)" },
  nps: { formula: "share(surveys where kind = nps, score >= 9) - share(surveys where kind = nps, score <= 6)", unit: "score" },
  ces: { formula: "mean(score of surveys where kind = ces)" },
  enps: { formula: "share(surveys where kind = enps, score >= 9) - share(surveys where kind = enps, score <= 6)", unit: "score" },
  kb_views_per_visitor: { formula: "count(kb_views) / distinct(visitor of kb_views)" },
  agents_available: { formula: "count(agents_now where status = available)" },
  calls_waiting: { formula: "count(waiting_calls)" },
  longest_wait: { formula: "max(wait of waiting_calls)" },
};
