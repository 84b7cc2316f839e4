import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { assembleGroups, filterConditions, groupKey, type GroupResults, type KpiQuery } from "../kpi-query";
import { count, ratio } from "../kpi-result";

interface KnowledgeBaseRow {
  g: string | null;
  views: unknown;
  visitors: unknown;
}

/** Knowledge-base views have no team, agent, channel or queue: any such filter leaves no data. */
export async function computeKnowledgeBaseKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, {});
  const rows = await prisma.$queryRaw<KnowledgeBaseRow[]>`
    SELECT ${groupKey(q.grouping, {}, Prisma.sql`viewed_at`)} AS g, count(*) AS views, count(DISTINCT visitor) AS visitors
    FROM kb_views
    WHERE viewed_at >= ${q.from} AND viewed_at < ${q.to} ${where}
    GROUP BY 1`;
  return assembleGroups(rows, q.grouping, (row) => {
    const views = count(row?.views);
    const visitors = count(row?.visitors);
    return [
      { key: "kb_views_per_visitor", value: ratio(views, visitors), unit: "ratio", n: views, numerator: views, denominator: visitors },
    ];
  });
}
