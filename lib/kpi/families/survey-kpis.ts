import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { assembleGroups, filterConditions, groupKey, type GroupResults, type KpiQuery } from "../kpi-query";
import { count, num, ratio, type KpiResult } from "../kpi-result";
import { npsMarginOfError, wilsonMarginOfError } from "../margin-of-error";

// A survey's channel is its ticket's; surveys without a ticket (eNPS pulses) have none.
const SURVEY_COLUMNS = { team: Prisma.sql`s.team_id`, agent: Prisma.sql`s.agent_id`, channel: Prisma.sql`tk.channel` };

interface SurveyRow {
  g: string | null;
  kind: string;
  n: unknown;
  mean: unknown;
  satisfied: unknown;
  promoters: unknown;
  passives: unknown;
  detractors: unknown;
}

/** CSAT, NPS, CES and eNPS over responses whose respondedAt is in the window. */
export async function computeSurveyKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, SURVEY_COLUMNS);
  const rows = await prisma.$queryRaw<SurveyRow[]>`
    SELECT ${groupKey(q.grouping, SURVEY_COLUMNS, Prisma.sql`s.responded_at`)} AS g, s.kind::text AS kind, count(*) AS n, avg(s.score)::float8 AS mean,
           count(*) FILTER (WHERE s.score >= 4) AS satisfied,
           count(*) FILTER (WHERE s.score >= 9) AS promoters,
           count(*) FILTER (WHERE s.score BETWEEN 7 AND 8) AS passives,
           count(*) FILTER (WHERE s.score <= 6) AS detractors
    FROM surveys s LEFT JOIN tickets tk ON tk.id = s.ticket_id
    WHERE s.responded_at >= ${q.from} AND s.responded_at < ${q.to} ${where}
    GROUP BY 1, s.kind`;
  // One row per group and kind; a group's results are built from all its kinds' rows.
  const byGroup = new Map<string | null, SurveyRow[]>();
  for (const row of rows) byGroup.set(row.g, [...(byGroup.get(row.g) ?? []), row]);
  const groups = [...byGroup].map(([g, kinds]) => ({ g, kinds }));
  return assembleGroups(groups, q.grouping, (group) => toResults(group?.kinds ?? []));
}

function toResults(rows: SurveyRow[]): KpiResult[] {
  const of = (kind: string) => rows.find((row) => row.kind === kind);
  const csat = of("csat");
  const csatN = count(csat?.n);
  const satisfied = count(csat?.satisfied);
  const ces = of("ces");
  return [
    {
      key: "csat", value: ratio(satisfied, csatN, 100), unit: "percent", n: csatN, numerator: satisfied, denominator: csatN,
      marginOfError: wilsonMarginOfError(satisfied, csatN), details: { meanScore: num(csat?.mean) },
    },
    npsResult("nps", of("nps")),
    { key: "ces", value: num(ces?.mean), unit: "score", n: count(ces?.n) },
    npsResult("enps", of("enps")),
  ];
}

function npsResult(key: "nps" | "enps", row: SurveyRow | undefined): KpiResult {
  const n = count(row?.n);
  const promoters = count(row?.promoters);
  const detractors = count(row?.detractors);
  const passives = count(row?.passives);
  const share = (k: number) => ratio(k, n, 100);
  return {
    key,
    // Guarded division: an empty window is null, not NaN.
    value: n > 0 ? share(promoters)! - share(detractors)! : null,
    unit: "score",
    n,
    numerator: promoters - detractors,
    denominator: n,
    marginOfError: npsMarginOfError(promoters, detractors, n),
    details: { promoters: share(promoters), passives: share(passives), detractors: share(detractors) },
  };
}
