import type { PrismaClient } from "@/lib/generated/prisma/client";

import { filterConditions, type KpiQuery } from "../kpi-query";
import { count, ratio, type KpiResult } from "../kpi-result";

/** Knowledge-base views have no team, agent, channel or queue: any such filter leaves no data. */
export async function computeKnowledgeBaseKpis(prisma: PrismaClient, q: KpiQuery): Promise<KpiResult[]> {
  const where = filterConditions(q.filters, {});
  const [row] = await prisma.$queryRaw<{ views: unknown; visitors: unknown }[]>`
    SELECT count(*) AS views, count(DISTINCT visitor) AS visitors FROM kb_views
    WHERE viewed_at >= ${q.from} AND viewed_at < ${q.to} ${where}`;
  const views = count(row!.views);
  const visitors = count(row!.visitors);
  return [
    { key: "kb_views_per_visitor", value: ratio(views, visitors), unit: "ratio", n: views, numerator: views, denominator: visitors },
  ];
}
