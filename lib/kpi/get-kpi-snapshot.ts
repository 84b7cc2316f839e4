import type { PrismaClient } from "@/lib/generated/prisma/client";

import { getKpiDefinition, type KpiFamily, type KpiKey } from "./catalog";
import { computeCallKpis } from "./families/call-kpis";
import { computeKnowledgeBaseKpis } from "./families/knowledge-base-kpis";
import { computeLiveKpis } from "./families/live-kpis";
import { computeReplyKpis } from "./families/reply-kpis";
import { computeSurveyKpis } from "./families/survey-kpis";
import { computeTicketKpis } from "./families/ticket-kpis";
import type { KpiQuery } from "./kpi-query";
import type { KpiResult } from "./kpi-result";

const FAMILY_QUERIES: Record<KpiFamily, (prisma: PrismaClient, q: KpiQuery) => Promise<KpiResult[]>> = {
  tickets: computeTicketKpis,
  replies: computeReplyKpis,
  calls: computeCallKpis,
  surveys: computeSurveyKpis,
  knowledge_base: computeKnowledgeBaseKpis,
  live: computeLiveKpis,
};

/**
 * The requested KPIs for one query: one statement per KPI family involved, never one per KPI,
 * so a whole dashboard costs at most six round trips.
 */
export async function getKpiSnapshot(prisma: PrismaClient, keys: readonly KpiKey[], q: KpiQuery): Promise<Map<KpiKey, KpiResult>> {
  const families = [...new Set(keys.map((key) => getKpiDefinition(key).family))];
  const results = (await Promise.all(families.map((family) => FAMILY_QUERIES[family](prisma, q)))).flat();
  const wanted = new Set<string>(keys);
  return new Map(results.filter((r) => wanted.has(r.key)).map((r) => [r.key, r]));
}
