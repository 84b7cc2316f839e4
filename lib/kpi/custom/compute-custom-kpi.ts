import type { PrismaClient } from "@/lib/generated/prisma/client";

import { getKpiDefinition, isKpiKey, type KpiKey } from "../catalog";
import { getKpiSnapshot, type KpiSnapshotEntry } from "../get-kpi-snapshot";
import { NO_GROUPING, type KpiGrouping, type KpiQuery } from "../kpi-query";
import { loadRollupStates } from "../rollups/load-rollup-states";
import { computeTicketAggregate, isRolledUpTicketAggregate, type AggregateGroup, type TicketAggregate } from "./compute-ticket-aggregate";
import { evaluateFormula, type FormulaLeaf, type FormulaValue } from "./evaluate-formula";
import type { FormulaUnit, TypedNode } from "./formula-tree";

/** A custom KPI's value as the snapshot gives a built-in's: percents ×100, groups keyed as the snapshot keys them. */
export interface CustomKpiValue extends FormulaValue {
  unit: FormulaUnit;
  groups?: { key: string | null; value: number | null; n: number }[];
}

/** A formula with a leaf this first compiler does not compute yet (docs/custom-kpis.md, "What is built, what is next"). */
export class FormulaNotCompiledError extends Error {}

function leavesOf(node: TypedNode, into: FormulaLeaf[] = []): FormulaLeaf[] {
  if (node.kind === "aggregate" || node.kind === "reference") into.push(node);
  if (node.kind === "negate") leavesOf(node.operand, into);
  if (node.kind === "binary") {
    leavesOf(node.left, into);
    leavesOf(node.right, into);
  }
  return into;
}

/** The value a leaf has in a group where it has no records: counts are 0, everything else has no value. */
function emptyValue(leaf: FormulaLeaf): FormulaValue {
  const counted = leaf.kind === "aggregate" ? leaf.op === "count" || leaf.op === "sum" || leaf.op === "distinct" : getKpiDefinition(leaf.key as KpiKey).unit === "count";
  return { value: counted ? 0 : null, n: 0 };
}

/** The tree holds percents as fractions; the snapshot (and so the screen) as 0-100. */
const POINTS = 100;

/**
 * A checked formula over the query's window, filters and grouping: its aggregates through the
 * compiler (today: counts and shares of tickets on the rollup's dimensions), its references to
 * built-in KPIs through getKpiSnapshot itself, so no built-in formula is copied; then the
 * arithmetic per group. Totals and groups come from separate passes, as getKpiSnapshot's do.
 */
export async function computeCustomKpi(prisma: PrismaClient, node: TypedNode, q: KpiQuery): Promise<CustomKpiValue> {
  const leaves = leavesOf(node);
  const aggregates: TicketAggregate[] = [];
  const references = new Set<KpiKey>();
  for (const leaf of leaves) {
    if (leaf.kind === "reference" && !leaf.custom && isKpiKey(leaf.key)) references.add(leaf.key);
    else if (leaf.kind === "aggregate" && isRolledUpTicketAggregate(leaf)) aggregates.push(leaf);
    else throw new FormulaNotCompiledError(`${leaf.kind === "reference" ? leaf.key : `${leaf.op}(… ${leaf.set.name} …)`} is not computed yet`);
  }
  const rollups = q.rollups ?? (await loadRollupStates(prisma, q));
  const query = { ...q, rollups };
  const bucketKeys = q.grouping.by === "time" ? q.grouping.buckets.map((b) => b.key) : [];
  // Snapshot groups of time buckets are keyed by the bucket's start; the families' rows by its number.
  const groupKeyOf = (snapshotKey: string | null) => (q.grouping.by === "time" ? String(bucketKeys.indexOf(snapshotKey ?? "") + 1) : snapshotKey);

  const run = (grouping: KpiGrouping) =>
    Promise.all(aggregates.map(async (aggregate) => new Map((await computeTicketAggregate(prisma, aggregate, { ...query, grouping })).map((g) => [g.key, g]))));
  const [totals, grouped, snapshot] = await Promise.all([
    run(NO_GROUPING),
    q.grouping.by === "none" ? null : run(q.grouping),
    references.size ? getKpiSnapshot(prisma, [...references], query) : new Map<KpiKey, KpiSnapshotEntry>(),
  ]);

  const scale = (key: KpiKey, value: number | null) => (value !== null && getKpiDefinition(key).unit === "percent" ? value / POINTS : value);
  const valueIn = (group: string | null, byAggregate: Map<string | null, AggregateGroup>[]) => (leaf: FormulaLeaf): FormulaValue => {
    if (leaf.kind === "aggregate") {
      const found = byAggregate[aggregates.indexOf(leaf as TicketAggregate)]!.get(group);
      if (!found) return emptyValue(leaf);
      return { value: found.value, n: found.n, ...(found.denominator !== undefined && { numerator: found.numerator, denominator: found.denominator }) };
    }
    const key = leaf.key as KpiKey;
    const entry = snapshot.get(key)!;
    if (group === "") return { value: scale(key, entry.value), n: entry.n };
    const found = entry.groups?.find((g) => groupKeyOf(g.key) === group);
    return found ? { value: scale(key, found.value), n: found.n } : emptyValue(leaf);
  };
  const shown = (value: FormulaValue): FormulaValue => (node.unit === "percent" && value.value !== null ? { ...value, value: value.value * POINTS } : value);

  const total = shown(evaluateFormula(node, valueIn("", totals)));
  if (!grouped) return { ...total, unit: node.unit };
  const keys =
    q.grouping.by === "time"
      ? bucketKeys.map((_, i) => String(i + 1))
      : [...new Set([...grouped.flatMap((byKey) => [...byKey.keys()]), ...[...snapshot.values()].flatMap((e) => (e.groups ?? []).map((g) => g.key))])];
  const groups = keys
    .map((key) => ({ key, ...shown(evaluateFormula(node, valueIn(key, grouped))) }))
    // As in the snapshot: a team without data is noise in its breakdown; an empty time bucket is a gap to show.
    .filter((g) => q.grouping.by === "time" || g.n > 0)
    .map((g) => ({ key: q.grouping.by === "time" ? bucketKeys[Number(g.key) - 1]! : g.key, value: g.value, n: g.n }));
  return { ...total, unit: node.unit, groups };
}
