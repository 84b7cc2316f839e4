import type { PrismaClient } from "@/lib/generated/prisma/client";

import { KPI_FAMILIES, type KpiFamily, type RollupFamily } from "../catalog";
import type { GroupResults, KpiQuery } from "../kpi-query";
import type { FamilyRollup } from "../rollups/rolled-up-sql";
import * as callKpis from "./call-kpis";
import * as knowledgeBaseKpis from "./knowledge-base-kpis";
import * as liveKpis from "./live-kpis";
import * as replyKpis from "./reply-kpis";
import * as slaKpis from "./sla-kpis";
import * as surveyKpis from "./survey-kpis";
import * as ticketKpis from "./ticket-kpis";

export type FamilyQuery = (prisma: PrismaClient, q: KpiQuery) => Promise<GroupResults[]>;

type Facts = typeof KPI_FAMILIES;
type FamilyModule<F extends KpiFamily> = Record<Facts[F]["compute"], FamilyQuery> &
  (Facts[F]["rollup"] extends string ? Record<Facts[F]["rollup"], FamilyRollup> : unknown);

/**
 * Each family's module, by family: the one the catalog's family table names, typed so that it
 * exports the functions the table names. Server code only; the catalog itself holds no SQL.
 */
export const FAMILY_MODULES: { [F in KpiFamily]: FamilyModule<F> } = {
  tickets: ticketKpis,
  replies: replyKpis,
  sla: slaKpis,
  calls: callKpis,
  surveys: surveyKpis,
  knowledge_base: knowledgeBaseKpis,
  live: liveKpis,
};

// Looked up by name, the modules read as plain records: FAMILY_MODULES' type already proved each
// has the export its table entry names.

/** The family's query, found by the export name its table entry gives. */
export function familyQuery(family: KpiFamily): FamilyQuery {
  const byName = FAMILY_MODULES[family] as Record<string, FamilyQuery>;
  return byName[KPI_FAMILIES[family].compute]!;
}

/** The family's rollup, found by the export name its table entry gives. */
export function familyRollup(family: RollupFamily): FamilyRollup {
  const byName = FAMILY_MODULES[family] as Record<string, FamilyRollup>;
  return byName[KPI_FAMILIES[family].rollup]!;
}
