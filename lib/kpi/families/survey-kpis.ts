import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import {
  assembleGroups, filterConditions, measureGrouping, queryKeys,
  type GroupResults, type KpiQuery, type MeasureKeys,
} from "../kpi-query";
import { count, num, ratio, type KpiResult } from "../kpi-result";
import { npsMarginOfError, wilsonMarginOfError } from "../margin-of-error";
import { coverageOf, rolledUpSql, type FamilyRollup, type RollupTables } from "../rollups/rolled-up-sql";
import { hourOf, inRanges, type TimeRanges } from "../rollups/rollup-coverage";

// A survey's channel is its ticket's; surveys without a ticket (eNPS pulses) have none.
export const SURVEY_COLUMNS = { team: Prisma.sql`s.team_id`, agent: Prisma.sql`s.agent_id`, channel: Prisma.sql`tk.channel` };
/** Survey responses `s` with their ticket `tk`, whose channel is theirs. */
export const SURVEYS_FROM = Prisma.sql`surveys s LEFT JOIN tickets tk ON tk.id = s.ticket_id`;
const ROLLUP: RollupTables = {
  hourly: {
    table: Prisma.sql`survey_rollup`,
    columns: { team: Prisma.sql`ru.team_id`, agent: Prisma.sql`ru.agent_id`, channel: Prisma.sql`ru.channel` },
  },
  daily: {
    table: Prisma.sql`survey_rollup_daily`,
    columns: { team: Prisma.sql`ru.team_id`, agent: Prisma.sql`ru.agent_id`, channel: Prisma.sql`ru.channel` },
    keys: Prisma.sql`team_id, agent_id, channel, kind`,
  },
  teamDaily: {
    table: Prisma.sql`survey_rollup_team_daily`,
    columns: { team: Prisma.sql`ru.team_id`, channel: Prisma.sql`ru.channel` },
    keys: Prisma.sql`team_id, channel, kind`,
  },
  measures: Prisma.sql`n, score_sum, satisfied, promoters, passives, detractors`,
  sums: Prisma.sql`sum(n)::int AS n, sum(score_sum)::int AS score_sum, sum(satisfied)::int AS satisfied,
    sum(promoters)::int AS promoters, sum(passives)::int AS passives, sum(detractors)::int AS detractors`,
  extraKeys: Prisma.sql`kind`,
};
const ROLLUP_KEYS: MeasureKeys = {
  select: (timestamp) => Prisma.sql`${hourOf(timestamp)} AS hour, s.team_id, s.agent_id, tk.channel`,
  columns: Prisma.sql`hour, team_id, agent_id, channel`,
};

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

/** The survey measures of responses whose respondedAt is in `ranges`, one row per key and kind. */
function measuresSql(ranges: TimeRanges, keys: MeasureKeys, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT ${keys.columns}, kind, count(*)::int AS n, sum(score)::int AS score_sum,
           count(*) FILTER (WHERE score >= 4)::int AS satisfied,
           count(*) FILTER (WHERE score >= 9)::int AS promoters,
           count(*) FILTER (WHERE score BETWEEN 7 AND 8)::int AS passives,
           count(*) FILTER (WHERE score <= 6)::int AS detractors
    FROM (
      SELECT ${keys.select(Prisma.sql`s.responded_at`)}, s.kind, s.score
      FROM ${SURVEYS_FROM}
      WHERE ${inRanges(Prisma.sql`s.responded_at`, ranges)} ${where}
    ) AS responded
    GROUP BY ${keys.columns}, kind`;
}

/** Rebuilds the survey rollup for `ranges` (whole hours). */
async function rebuildSurveyRollup(tx: Pick<PrismaClient, "$executeRaw">, ranges: TimeRanges): Promise<void> {
  await tx.$executeRaw`DELETE FROM survey_rollup ru WHERE ${inRanges(Prisma.sql`ru.hour`, ranges)}`;
  await tx.$executeRaw`
    INSERT INTO survey_rollup (hour, team_id, agent_id, channel, kind, ${ROLLUP.measures})
    ${measuresSql(ranges, ROLLUP_KEYS, Prisma.empty)}`;
}

export const SURVEY_ROLLUP: FamilyRollup = { tables: ROLLUP, rebuildHours: rebuildSurveyRollup };

/** CSAT, NPS, CES and eNPS over responses whose respondedAt is in the window (rollup where it covers it). */
export async function computeSurveyKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, SURVEY_COLUMNS);
  const coverage = coverageOf(q, q.rollups?.surveys, ROLLUP);
  const grouped = measureGrouping(q, Prisma.sql`kind`);
  const rows = await prisma.$queryRaw<SurveyRow[]>`
    WITH measures AS (
      ${measuresSql(coverage.raw, queryKeys(q.grouping, SURVEY_COLUMNS), where)}
      ${rolledUpSql(q, coverage, ROLLUP)}
    )
    SELECT ${grouped.g}, kind::text AS kind, sum(n) AS n, (sum(score_sum)::numeric / sum(n))::float8 AS mean, sum(satisfied) AS satisfied,
           sum(promoters) AS promoters, sum(passives) AS passives, sum(detractors) AS detractors
    FROM measures GROUP BY ${grouped.by}`;
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
